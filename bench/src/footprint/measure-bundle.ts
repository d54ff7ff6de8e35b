import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** A minified single-file bundle of a script. */
export interface BundleMeasurement {
  readonly bytes: number;
  /** gzip, level 9. */
  readonly gzipBytes: number;
  /** The largest packages in the bundle, by bytes in the output (`(own code)` outside node_modules). */
  readonly largestPackages: readonly { readonly name: string; readonly bytes: number }[];
  /** The file written, runnable with node. */
  readonly file: string;
}

/** The package a path of esbuild's metafile belongs to: the one after the last node_modules. */
export const packageOfPath = (path: string): string => {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules\/)/.exec(path);
  return match?.[1] ?? '(own code)';
};

/**
 * Bundles `script` (in `dir`, resolving packages from there) into one minified ESM file for
 * Node 22 with esbuild, Node's built-ins left out, and measures it. CommonJS dependencies
 * `require` built-ins, which an ESM bundle can do only through `createRequire`: the banner adds
 * it (the same few bytes for every client).
 */
export async function measureBundle(dir: string, script: string): Promise<BundleMeasurement> {
  const result = await build({
    absWorkingDir: dir,
    entryPoints: [script],
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    write: false,
    metafile: true,
    logLevel: 'silent',
    outfile: join(dir, `bundle-${script.replace(/\.js$/, '')}.mjs`),
    banner: {
      js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);",
    },
  });
  const [output] = result.outputFiles;
  if (output === undefined) throw new Error(`esbuild wrote no bundle of ${script}`);
  await writeFile(output.path, output.contents);
  const byPackage = new Map<string, number>();
  for (const meta of Object.values(result.metafile.outputs)) {
    for (const [path, input] of Object.entries(meta.inputs)) {
      const name = packageOfPath(path);
      byPackage.set(name, (byPackage.get(name) ?? 0) + input.bytesInOutput);
    }
  }
  return {
    bytes: output.contents.byteLength,
    gzipBytes: gzipSync(output.contents, { level: 9 }).byteLength,
    largestPackages: [...byPackage]
      .map(([name, bytes]) => ({ name, bytes }))
      .sort((a, b) => b.bytes - a.bytes)
      .slice(0, 6),
    file: output.path,
  };
}
