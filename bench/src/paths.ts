import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The bench package's folder (this file is in `src/` or `dist/`, one level down). */
export const benchRoot = fileURLToPath(new URL('..', import.meta.url));

/**
 * A built file of the bench, for child processes. Always `dist/`: Node runs it directly, and the
 * tests (which run from `src/`) need `pnpm build` first, as `./run test` does.
 */
export const builtFile = (relative: string): string => join(benchRoot, 'dist', relative);
