import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const projectFolder = fileURLToPath(new URL('.', import.meta.url));

describe('`pulumi up` loading the program', () => {
  it("type-checks and runs index.ts through Pulumi's own TypeScript loader (ts-node, ESM mode)", async () => {
    // The program imports @smskit/core through its package exports, as `pulumi up` does.
    expect(
      existsSync(new URL('../packages/core/dist/index.js', import.meta.url)),
      '@smskit/core is built (pnpm build)',
    ).toBe(true);
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [fileURLToPath(new URL('src/testing/run-like-pulumi.mjs', import.meta.url))],
      {
        cwd: projectFolder,
        env: {
          ...process.env,
          // How the Pulumi CLI hands the stack config to the program.
          PULUMI_CONFIG: JSON.stringify({
            'alicloud:region': 'cn-hangzhou',
            'smskit-sms:accessKeyGenerations': '["2025-01"]',
          }),
        },
      },
    );
    const { esm, outputs } = JSON.parse(stdout) as {
      esm: { isModule: boolean; typescriptVersion: string; tsNodeEsm: string };
      outputs: Record<string, unknown>;
    };
    // TypeScript below 7: Pulumi's loader needs the compiler API.
    expect(esm.typescriptVersion).toMatch(/^[4-6]\./);
    expect(outputs).toMatchObject({
      ramUserName: 'smskit-sms-dev',
      accessKeyId: 'sms-sender-key-2025-01-id',
      accessKeySecret: 'secret-of-sms-sender-key-2025-01',
      activeAccessKeyGeneration: '2025-01',
    });
  }, 120_000);
});
