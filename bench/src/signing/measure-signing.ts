import { runCommand } from '../footprint/run-command.js';
import { builtFile } from '../paths.js';
import { signingOperations } from './signing-operations.js';

/** Ops per second of one signing operation, one value per round. */
export interface SigningResult {
  readonly id: string;
  readonly label: string;
  readonly opsPerSecond: readonly number[];
}

/** Times the signing operations in a fresh Node process (see signing-process.ts). */
export async function measureSigning(settings: {
  iterations: number;
  rounds: number;
}): Promise<SigningResult[]> {
  const stdout = await runCommand(
    process.execPath,
    [builtFile('signing/signing-process.js'), String(settings.iterations), String(settings.rounds)],
    { cwd: process.cwd() },
  );
  const perRound = JSON.parse(stdout) as Record<string, number[]>;
  return signingOperations.map(({ id, label }) => ({
    id,
    label,
    opsPerSecond: perRound[id] ?? [],
  }));
}
