import { copyFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ClientSpec } from '../clients/client-catalog.js';
import { builtFile } from '../paths.js';

/** The scripts of one client in its install folder. */
export interface ClientScripts {
  /** Imports the client's package and defines the client: its cold import. */
  readonly importOnly: string;
  /** Sends one message to the target in `SMSKIT_BENCH_TARGET` (JSON) and exits. */
  readonly sendOne: string;
  /** An empty module: bare Node, the baseline of both. */
  readonly empty: string;
}

/** The environment variable the send-one script reads its {@link BenchTarget} from. */
export const targetVariable = 'SMSKIT_BENCH_TARGET';

/**
 * Copies the client's module next to its fresh install and writes the scripts that are timed
 * and bundled there, so that they resolve packages as a user's app would.
 */
export async function writeClientScripts(client: ClientSpec, dir: string): Promise<ClientScripts> {
  const module = `client-${client.module}.js`;
  await copyFile(builtFile(`clients/${client.module}.js`), join(dir, module));
  const sendOne = `send-one-${client.id}.js`;
  await writeFile(
    join(dir, sendOne),
    [
      `import { createClient } from './${module}';`,
      `const client = await createClient(JSON.parse(process.env.${targetVariable}), ${JSON.stringify(client.variant)});`,
      'await client.send();',
      'await client.close();',
      '',
    ].join('\n'),
  );
  await writeFile(join(dir, 'empty.js'), '');
  return { importOnly: module, sendOne, empty: 'empty.js' };
}
