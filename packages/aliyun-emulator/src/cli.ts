#!/usr/bin/env node
// smskit-emulator [--port 4010] [--host 127.0.0.1] [--config file.json]
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { demoCredentials, demoStsCredentials } from './config/demo-config.js';
import { EmulatorConfigError } from './config/emulator-config-error.js';
import { readEmulatorConfig } from './config/read-emulator-config.js';
import { startEmulator } from './start-emulator.js';

const usage = `Usage: smskit-emulator [--port 4010] [--host 127.0.0.1] [--config file.json]

A local Aliyun SMS (Dysmsapi 2017-05-25) server with an inbox web page.

  --port, -p    TCP port (default 4010; 0 picks a free one)
  --host        interface to listen on (default 127.0.0.1)
  --config, -c  JSON config file (default: the demo config)
  --help, -h    show this help
`;

const write = (text: string) => process.stdout.write(`${text}\n`);

async function main(): Promise<number> {
  let values: { port?: string; host?: string; config?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string', short: 'p' },
        host: { type: 'string' },
        config: { type: 'string', short: 'c' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (error) {
    console.error(`smskit-emulator: ${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  if (values.help) {
    write(usage);
    return 0;
  }
  const port = Number(values.port ?? 4010);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    console.error(`smskit-emulator: --port must be a port number from 0 to 65535`);
    return 2;
  }

  let config: unknown = {};
  if (values.config !== undefined) {
    try {
      config = JSON.parse(await readFile(values.config, 'utf8'));
    } catch (error) {
      console.error(`smskit-emulator: cannot read ${values.config}: ${(error as Error).message}`);
      return 1;
    }
  }
  let emulator: Awaited<ReturnType<typeof startEmulator>>;
  let accessKeyIds: string[];
  try {
    const resolved = readEmulatorConfig(config);
    accessKeyIds = resolved.accessKeys.map((key) => key.id);
    emulator = await startEmulator({
      ...resolved,
      port,
      ...(values.host === undefined ? {} : { host: values.host }),
    });
  } catch (error) {
    if (error instanceof EmulatorConfigError) {
      console.error(`smskit-emulator: ${values.config ?? 'config'}: ${error.message}`);
      return 1;
    }
    console.error(`smskit-emulator: ${(error as Error).message}`);
    return 1;
  }

  write(`Aliyun SMS emulator (Dysmsapi 2017-05-25) listening on ${emulator.url}`);
  write(`  Inbox:    ${emulator.url}/  (JSON: ${emulator.url}/_emulator/messages)`);
  write(
    `  Endpoint: ${emulator.url}  (official SDK: endpoint '${new URL(emulator.url).host}', protocol 'http')`,
  );
  if (values.config === undefined) {
    write(`  AccessKey ID:     ${demoCredentials.accessKeyId}`);
    write(`  AccessKey secret: ${demoCredentials.accessKeySecret}`);
    write(
      `  STS key: ${demoStsCredentials.accessKeyId} / ${demoStsCredentials.accessKeySecret}, token ${demoStsCredentials.securityToken}`,
    );
    write(
      `  Signs: smskit, smskit-cn (china), smskit-intl (overseas); templates SMS_CN_<USAGE>, SMS_INTL_<USAGE>`,
    );
  } else {
    write(`  AccessKey IDs: ${accessKeyIds.join(', ')} (secrets as in ${values.config})`);
  }
  write('Press Ctrl+C to stop.');

  await new Promise<void>((resolve) => {
    const onSignal = () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      resolve();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
  await emulator.stop();
  write('Stopped.');
  return 0;
}

process.exitCode = await main();
