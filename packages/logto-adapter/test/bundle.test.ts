// lib/index.js is all Logto gets: it must not import, require or load on demand any package
// that Logto does not give its connectors.
import { readFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from './logto-instance.js';

const bundle = join(packageRoot, 'lib', 'index.js');
const allowed = new Set(['@logto/connector-kit', 'zod']);
const isBuiltin = (specifier: string) =>
  specifier.startsWith('node:') || builtinModules.includes(specifier.split('/')[0] ?? '');

let imported: { path: string; kind: string }[];
let source: string;

beforeAll(async () => {
  source = await readFile(bundle, 'utf8');
  // esbuild reads the bundle as a module and lists every import, require() and import() in it.
  const { metafile } = await build({
    entryPoints: [bundle],
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'node',
    packages: 'external',
    logLevel: 'silent',
  });
  imported = Object.values(metafile.inputs).flatMap(({ imports }) => imports);
});

describe('lib/index.js', () => {
  it('is one file: it imports no other file of the package', () => {
    expect(imported.filter(({ path }) => path.startsWith('.') || path.startsWith('/'))).toEqual([]);
  });

  it('imports only Node built-ins, @logto/connector-kit and zod', () => {
    const packages = imported.map(({ path }) => path).filter((path) => !isBuiltin(path));
    expect(new Set(packages)).toEqual(allowed);
  });

  it('requires only Node built-ins from any bundled CommonJS code', () => {
    // esbuild's own calls for bundled CommonJS modules, which it does not list as imports. Every
    // package bundled today is ESM (@smskit/aliyun sends through node:http, not undici), so there
    // may be none; a CommonJS dependency added later must not require a package Logto lacks.
    const required = [...source.matchAll(/__require\("([^"]+)"\)/g)].map((match) => match[1] ?? '');
    expect(required.filter((specifier) => !isBuiltin(specifier))).toEqual([]);
  });

  it('ships the licences of the packages it bundles', async () => {
    const notices = await readFile(join(packageRoot, 'lib', 'THIRD-PARTY-NOTICES.txt'), 'utf8');
    for (const bundled of ['zod', 'ky', 'libphonenumber-js', '@smskit/aliyun']) {
      expect(notices, bundled).toMatch(new RegExp(`^${bundled}@\\d+\\.\\d+\\.\\d+ \\(MIT\\)`, 'm'));
    }
    expect(notices).toMatch(/Permission is hereby granted/);
  });
});
