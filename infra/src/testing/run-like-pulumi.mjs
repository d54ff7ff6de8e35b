// Loads and runs the program the way the Pulumi CLI's Node.js language host does
// (@pulumi/pulumi/cmd/run/run.js in its automatic ESM mode): ts-node's ESM hooks registered
// through Pulumi's own hooks module, with the compiler options run.js builds and type checking
// on, the stack config in PULUMI_CONFIG. Only the engine is a mock. Prints the outputs as JSON.
//
// Usage (cwd: the project folder): node run-like-pulumi.mjs
import { createRequire, register } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(join(process.cwd(), 'package.json'));
const pulumiRoot = require.resolve('@pulumi/pulumi/package.json').replace(/package\.json$/, '');
const runJs = join(pulumiRoot, 'cmd', 'run', 'run.js');
const tsutils = require(join(pulumiRoot, 'tsutils.js'));
const pulumiRequire = createRequire(runJs);

// The conditions run.js checks before it chooses automatic ESM mode.
const packageJson = require('./package.json');
const { typescriptRequire } = tsutils.typeScriptRequireStrings();
const typescript = pulumiRequire(typescriptRequire);
const esm = {
  isModule: packageJson.type === 'module',
  typescriptVersion: typescript.version,
  tsNodeEsm: (() => {
    try {
      return pulumiRequire.resolve('ts-node/esm');
    } catch {
      return undefined;
    }
  })(),
};
if (!esm.isModule || esm.tsNodeEsm === undefined) {
  process.stderr.write(`Pulumi would not use its automatic ESM mode: ${JSON.stringify(esm)}\n`);
  process.exit(2);
}

register('./hooks.js', pathToFileURL(runJs), {
  data: {
    compiler: typescriptRequire,
    transpileOnly: undefined,
    project: 'tsconfig.json',
    skipProject: false,
    compilerOptions: {
      target: 'ES2022',
      module: 'nodenext',
      moduleResolution: 'nodenext',
      sourceMap: 'true',
      ...tsutils.loadTypeScriptCompilerOptions('tsconfig.json'),
    },
  },
});

const pulumi = require('@pulumi/pulumi');
await pulumi.runtime.setMocks(
  {
    newResource: ({ type, name, inputs }) => ({
      id: `${name}-id`,
      state:
        type === 'alicloud:ram/accessKey:AccessKey'
          ? { ...inputs, secret: `secret-of-${name}` }
          : inputs,
    }),
    call: () => ({ id: '1234567890123456' }),
  },
  'smskit-sms',
  'dev',
  false,
);

const program = await import(pathToFileURL(join(process.cwd(), 'index.ts')).href);
const outputs = {};
for (const [name, value] of Object.entries(program)) {
  outputs[name] = pulumi.Output.isInstance(value)
    ? await new Promise((resolve) => value.apply(resolve))
    : value;
}
await pulumi.runtime.disconnect();
process.stdout.write(`${JSON.stringify({ esm, outputs })}\n`);
