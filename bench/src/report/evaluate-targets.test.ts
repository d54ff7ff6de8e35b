import { describe, expect, it } from 'vitest';
import { sampleRaw, sampleRun } from '../../test/sample-measurements.js';
import { clientCatalog } from '../clients/client-catalog.js';
import { assembleResults } from './assemble-results.js';
import { evaluateTargets } from './evaluate-targets.js';
import type { ClientResult } from './results-schema.js';

const clients = assembleResults(clientCatalog, sampleRaw(), sampleRun).clients;
const withFigure = (id: string, change: (client: ClientResult) => ClientResult) =>
  clients.map((client) => (client.id === id ? change(client) : client));
const targetOf = (list: readonly ClientResult[], clientId: string, target: string) =>
  evaluateTargets(list).find((result) => result.clientId === clientId && result.target === target);

describe('evaluateTargets', () => {
  it('checks every target for the default smskit rows only', () => {
    const results = evaluateTargets(clients);
    expect(new Set(results.map((result) => result.clientId))).toEqual(
      new Set(['smskit-v3', 'smskit-v1']),
    );
    expect(results.filter((result) => result.clientId === 'smskit-v3')).toHaveLength(7);
  });

  it('sets each limit from the reference rows', () => {
    expect(targetOf(clients, 'smskit-v3', 'cpu-vs-floor')).toMatchObject({
      value: 120,
      limit: 135,
      met: true,
    });
    expect(targetOf(clients, 'smskit-v3', 'cpu-vs-official')).toMatchObject({
      limit: 138,
      met: true,
    });
    expect(targetOf(clients, 'smskit-v3', 'cold-import-vs-official')).toMatchObject({
      value: 40,
      limit: 72.5,
      met: true,
    });
    // The lowest of the official client, pop-core and Logto's connector; the floor does not count.
    expect(targetOf(clients, 'smskit-v3', 'peak-rss')).toMatchObject({ limit: 80e6, met: true });
    expect(targetOf(clients, 'smskit-v3', 'bundle')).toMatchObject({ limit: 158e3, met: true });
    expect(targetOf(clients, 'smskit-v3', 'installed-size')).toMatchObject({ limit: 23e6 });
  });

  it('reports a miss', () => {
    const slow = withFigure('smskit-v3', (client) => ({
      ...client,
      peakRssBytes: 90e6,
      concurrent: client.concurrent && {
        ...client.concurrent,
        cpuMicrosPerRequest: { ...client.concurrent.cpuMicrosPerRequest, median: 200 },
      },
    }));
    expect(targetOf(slow, 'smskit-v3', 'cpu-vs-floor')?.met).toBe(false);
    expect(targetOf(slow, 'smskit-v3', 'cpu-vs-official')?.met).toBe(false);
    expect(targetOf(slow, 'smskit-v3', 'peak-rss')?.met).toBe(false);
  });

  it('allows "at most" targets at their limit, but "below" targets not', () => {
    const atLimit = withFigure('smskit-v3', (client) => ({
      ...client,
      peakRssBytes: 80e6,
      concurrent: client.concurrent && {
        ...client.concurrent,
        cpuMicrosPerRequest: { ...client.concurrent.cpuMicrosPerRequest, median: 135 },
      },
    }));
    expect(targetOf(atLimit, 'smskit-v3', 'cpu-vs-floor')?.met).toBe(true);
    expect(targetOf(atLimit, 'smskit-v3', 'peak-rss')?.met).toBe(false);
  });

  it('says nothing when a reference was not measured', () => {
    const withoutFloor = clients.filter((client) => client.role !== 'floor');
    expect(targetOf(withoutFloor, 'smskit-v3', 'cpu-vs-floor')).toMatchObject({
      limit: null,
      met: null,
    });
  });
});
