// `./run demo` (`pnpm demo`) starts this: the demo page and, unless configured for real SMS, the
// Aliyun SMS emulator, until Ctrl+C. Configured by environment variables: see README.md.
import { isSmsError } from '@smskit/core';
import { DemoConfigError, readDemoEnvironment } from './read-demo-environment.js';
import { type Demo, PortInUseError, startDemo } from './start-demo.js';

const write = (text: string) => process.stdout.write(`${text}\n`);
const fail = (text: string) => {
  console.error(`express-demo: ${text}`);
  return 1;
};

const portVariable = { demo: 'PORT', emulator: 'EMULATOR_PORT' } as const;

async function main(): Promise<number> {
  let demo: Demo;
  try {
    // pnpm runs scripts in the package's folder; a relative config path is the caller's.
    const options = await readDemoEnvironment(process.env, process.env.INIT_CWD ?? process.cwd());
    demo = await startDemo(options);
  } catch (error) {
    if (error instanceof DemoConfigError) return fail(error.message);
    if (error instanceof PortInUseError) {
      const variable = portVariable[error.server];
      return fail(
        `port ${error.port} is already in use by another program. Stop it, or choose another port: ${variable}=${error.port + 1} ./run demo (${variable}=0 picks a free one)`,
      );
    }
    if (isSmsError(error) && error.code === 'INVALID_CONFIG') {
      return fail(`the Aliyun SMS options are not valid: ${error.message}`);
    }
    throw error;
  }

  write('smskit demo: SMS verification codes with Express and Aliyun SMS');
  write(`  Demo page:  ${demo.url}`);
  if (demo.emulatorUrl === undefined) {
    write('  SMS:        sent for real through Aliyun SMS');
  } else {
    write(`  SMS inbox:  ${demo.emulatorUrl}  (the Aliyun SMS emulator: codes arrive here)`);
  }
  write('Press Ctrl+C to stop.');

  await new Promise<void>((resolve) => {
    // The listeners stay: pnpm passes Ctrl+C on to this process as a second SIGINT, which must
    // not end it halfway through stopping.
    process.on('SIGINT', () => resolve());
    process.on('SIGTERM', () => resolve());
  });
  const deadline = setTimeout(() => {
    console.error('express-demo: did not stop within 5 s; exiting anyway');
    process.exit(1);
  }, 5000);
  await demo.stop();
  clearTimeout(deadline);
  write('Stopped.');
  return 0;
}

// Exit at once rather than when the event loop drains: idle keep-alive connections to Aliyun
// would hold the process for seconds, and a late second SIGINT (pnpm passes Ctrl+C on) arriving
// while Node closes its signal handlers would end it by that signal.
process.exit(await main());
