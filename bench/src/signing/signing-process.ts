// A fresh Node process that times each signing operation: a warm-up, then `rounds` rounds of
// `iterations` calls each, the operations taking turns. Prints one JSON line:
// `{ "<id>": [ops per second of each round] }`.
import { signingOperations } from './signing-operations.js';

const [iterations = 20_000, rounds = 5] = process.argv.slice(2).map(Number);
let sink = 0;
const time = (run: () => string, count: number) => {
  const started = performance.now();
  for (let index = 0; index < count; index += 1) sink += run().length;
  return count / ((performance.now() - started) / 1_000);
};

for (const operation of signingOperations) time(operation.run, iterations);
const results: Record<string, number[]> = {};
for (let round = 0; round < rounds; round += 1) {
  for (const operation of signingOperations) {
    const rates = results[operation.id] ?? [];
    rates.push(time(operation.run, iterations));
    results[operation.id] = rates;
  }
}
process.stdout.write(`${JSON.stringify(results)}\n`);
if (sink === 0) process.exitCode = 1;
