import { describe, expect, it } from 'vitest';
import { sampleRaw, sampleRun } from '../../test/sample-measurements.js';
import { clientCatalog } from '../clients/client-catalog.js';
import { assembleResults } from './assemble-results.js';
import { benchResultsSchema } from './results-schema.js';

describe('assembleResults', () => {
  const results = assembleResults(clientCatalog, sampleRaw(), sampleRun);

  it('gives results that results.json accepts', () => {
    expect(benchResultsSchema.parse(results)).toEqual(results);
  });

  it('turns batches into requests per second and CPU µs per request, per round', () => {
    const official = results.clients.find((client) => client.id === 'official');
    const cpu = official?.concurrent?.cpuMicrosPerRequest;
    expect(cpu?.values.map(Math.round)).toEqual([207, 253]);
    expect(cpu?.median).toBeCloseTo(230);
    expect(cpu?.spread).toBeCloseTo(0.2);
    expect(official?.concurrent?.requestsPerSecond.median).toBe(4_000);
    expect(official?.peakRssBytes).toBe(120e6);
  });

  it('counts cold starts above bare node, run by run', () => {
    const popCore = results.clients.find((client) => client.id === 'pop-core');
    expect(popCore?.footprint?.coldImportMs.values).toEqual([120, 120]);
    expect(popCore?.footprint?.coldSendMs.median).toBe(140);
    expect(results.bareNodeMs?.median).toBe(75);
    expect(results.componentImports).toMatchObject([
      { specifier: 'zod/mini', coldImportMs: { values: [90, 90] } },
    ]);
  });

  it('keeps sections that were not run as null, and a skipped store with its reason', () => {
    const partial = assembleResults(
      clientCatalog,
      { ...sampleRaw(), throughput: undefined, footprints: undefined },
      sampleRun,
    );
    expect(partial.clients[0]).toMatchObject({
      sequential: null,
      concurrent: null,
      peakRssBytes: null,
      footprint: null,
    });
    expect(partial.bareNodeMs).toBeNull();
    expect(partial.targets.every((target) => target.met === null)).toBe(true);
    expect(partial.verificationLoad[1]).toMatchObject({
      store: 'redis',
      skipped: 'redis-server is not installed',
      requestsPerSecond: null,
    });
    expect(benchResultsSchema.safeParse(partial).success).toBe(true);
  });
});

describe('benchResultsSchema', () => {
  const results = assembleResults(clientCatalog, sampleRaw(), sampleRun);

  it('refuses results of another shape', () => {
    expect(benchResultsSchema.safeParse({ ...results, schemaVersion: 2 }).success).toBe(false);
    expect(
      benchResultsSchema.safeParse({
        ...results,
        machine: { ...results.machine, loadAverageAtStart: [1] },
      }).success,
    ).toBe(false);
    expect(
      benchResultsSchema.safeParse({
        ...results,
        clients: [{ ...results.clients[0], role: 'winner' }],
      }).success,
    ).toBe(false);
  });
});
