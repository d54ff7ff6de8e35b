// A fresh Node process for one client, driven by the harness over IPC (see
// client-process-messages.ts): set up, send batches on request, report its peak RSS. Only this
// process's CPU time is counted: the stub server and the harness run in others.
import { pathToFileURL } from 'node:url';
import type { BenchClient, CreateBenchClient } from '../clients/bench-client.js';
import { builtFile } from '../paths.js';
import type { FromClientProcess, ToClientProcess } from './client-process-messages.js';
import { sendConcurrently } from './send-concurrently.js';

const reply = (message: FromClientProcess) => process.send?.(message);

let client: BenchClient | undefined;

async function handle(message: ToClientProcess): Promise<void> {
  switch (message.type) {
    case 'setup': {
      const { createClient } = (await import(
        pathToFileURL(builtFile(`clients/${message.module}.js`)).href
      )) as { createClient: CreateBenchClient };
      if (message.check !== undefined) {
        const checker = await createClient(message.check, message.variant);
        await checker.send();
        await checker.close();
      }
      client = await createClient(message.target, message.variant);
      reply({ type: 'ready' });
      return;
    }
    case 'run': {
      const active = client;
      if (active === undefined) throw new Error('run before setup');
      const cpuBefore = process.cpuUsage();
      const started = performance.now();
      await sendConcurrently(() => active.send(), message.count, message.concurrency);
      const elapsedMs = performance.now() - started;
      const cpu = process.cpuUsage(cpuBefore);
      reply({
        type: 'ran',
        count: message.count,
        concurrency: message.concurrency,
        elapsedMs,
        cpuUserMicros: cpu.user,
        cpuSystemMicros: cpu.system,
      });
      return;
    }
    case 'finish': {
      await client?.close();
      // resourceUsage().maxRSS is in kilobytes: the peak of this process's whole life.
      reply({ type: 'finished', peakRssBytes: process.resourceUsage().maxRSS * 1024 });
      process.disconnect();
      return;
    }
  }
}

process.on('message', (message: ToClientProcess) => {
  handle(message).catch((error: unknown) => {
    reply({
      type: 'failed',
      message: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    });
  });
});
