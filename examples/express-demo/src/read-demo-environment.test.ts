import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DemoConfigError, readDemoEnvironment } from './read-demo-environment.js';

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'smskit-demo-environment-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

const read = (environment: NodeJS.ProcessEnv) => readDemoEnvironment(environment, folder);
const key = {
  ALIBABA_CLOUD_ACCESS_KEY_ID: 'LTAI5tMyKey',
  ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'my-secret-value',
};

describe('readDemoEnvironment', () => {
  it('starts on the emulator at fixed ports by default', async () => {
    expect(await read({})).toEqual({ port: 3000, emulatorPort: 4010, host: '127.0.0.1' });
    // Credentials in the shell do not switch to real SMS: a sign and template do.
    expect(await read({ ...key, PORT: '8080', EMULATOR_PORT: '0', HOST: '0.0.0.0' })).toEqual({
      port: 8080,
      emulatorPort: 0,
      host: '0.0.0.0',
    });
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '-1'],
    ['PORT', '3000.5'],
    ['EMULATOR_PORT', '65536'],
  ])('refuses %s=%s, naming it', async (name, value) => {
    await expect(read({ [name]: value })).rejects.toThrow(
      new DemoConfigError(`${name} must be a port number from 0 to 65535 (0 picks a free one)`),
    );
  });

  it('sends through Aliyun with a sign and template codes from the environment', async () => {
    const options = await read({
      ...key,
      SMSKIT_ALIYUN_SIGN_NAME: 'MyShop',
      SMSKIT_ALIYUN_TEMPLATE_CODE: 'SMS_100',
      SMSKIT_ALIYUN_TEMPLATE_CODE_OVERSEAS: 'SMS_200',
    });
    expect(options.aliyun?.signName).toBe('MyShop');
    expect(options.aliyun?.templates).toContainEqual({
      usageType: 'SignIn',
      templateCode: { china: 'SMS_100', overseas: 'SMS_200' },
    });
    expect(options.aliyun?.templates).toHaveLength(9);
    // The sender reads the key from the environment itself, when it sends.
    expect(options.aliyun).not.toHaveProperty('accessKeySecret');
    expect(options.aliyun).not.toHaveProperty('endpoint');

    const oneCode = await read({
      ...key,
      SMSKIT_ALIYUN_SIGN_NAME: 'MyShop',
      SMSKIT_ALIYUN_TEMPLATE_CODE: 'SMS_100',
      SMSKIT_ALIYUN_ENDPOINT: 'https://dysmsapi.ap-southeast-1.aliyuncs.com',
    });
    expect(oneCode.aliyun?.templates[0]?.templateCode).toEqual({
      china: 'SMS_100',
      overseas: 'SMS_100',
    });
    expect(oneCode.aliyun?.endpoint).toBe('https://dysmsapi.ap-southeast-1.aliyuncs.com');
  });

  it('reads a Logto connector config file, relative to the working folder', async () => {
    const config = {
      accessKeyId: 'LTAI5tFromFile',
      accessKeySecret: 'secret-from-file',
      signName: 'MyShop',
      templates: [{ usageType: 'Generic', templateCode: 'SMS_1' }],
    };
    await writeFile(join(folder, 'aliyun.json'), JSON.stringify(config));
    expect((await read({ SMSKIT_ALIYUN_CONFIG: 'aliyun.json' })).aliyun).toEqual(config);
    expect(
      (
        await read({
          SMSKIT_ALIYUN_CONFIG: join(folder, 'aliyun.json'),
          SMSKIT_ALIYUN_ENDPOINT: 'http://127.0.0.1:4010',
        })
      ).aliyun?.endpoint,
    ).toBe('http://127.0.0.1:4010');
  });

  it('explains a config file it cannot use, without quoting it', async () => {
    await writeFile(join(folder, 'broken.json'), '{ "accessKeySecret": "top-secret-value", ');
    await writeFile(join(folder, 'list.json'), '[]');
    await expect(read({ SMSKIT_ALIYUN_CONFIG: 'missing.json' })).rejects.toThrow(
      `SMSKIT_ALIYUN_CONFIG: cannot read ${join(folder, 'missing.json')} (ENOENT)`,
    );
    const broken = read({ SMSKIT_ALIYUN_CONFIG: 'broken.json' });
    await expect(broken).rejects.toThrow(/broken\.json is not valid JSON$/);
    await expect(broken).rejects.not.toThrow(/top-secret-value/);
    await expect(read({ SMSKIT_ALIYUN_CONFIG: 'list.json' })).rejects.toThrow(
      /must hold a JSON object, a Logto Aliyun SMS connector config/,
    );
  });

  it('refuses half a configuration, saying what is missing', async () => {
    await expect(read({ ...key, SMSKIT_ALIYUN_SIGN_NAME: 'MyShop' })).rejects.toThrow(
      /SMSKIT_ALIYUN_TEMPLATE_CODE is not/,
    );
    await expect(read({ SMSKIT_ALIYUN_ENDPOINT: 'http://127.0.0.1:4010' })).rejects.toThrow(
      /SMSKIT_ALIYUN_ENDPOINT is set, but no sign and template/,
    );
    await expect(
      read({ SMSKIT_ALIYUN_SIGN_NAME: 'MyShop', SMSKIT_ALIYUN_TEMPLATE_CODE: 'SMS_1' }),
    ).rejects.toThrow(
      'No AccessKey to sign with: set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET',
    );
  });
});
