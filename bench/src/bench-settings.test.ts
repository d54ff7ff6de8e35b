import { describe, expect, it } from 'vitest';
import { parseBenchSettings } from './bench-settings.js';

describe('parseBenchSettings', () => {
  it("has issue 8's defaults: 5 rounds of 5,000 requests, 32 in flight, thousands to warm up", () => {
    expect(parseBenchSettings([])).toEqual({
      rounds: 5,
      requests: 5_000,
      concurrency: 32,
      warmupRequests: 10_000,
      coldRuns: 15,
      signingIterations: 20_000,
      loadDurationMs: 4_000,
      only: [],
      skip: [],
      waitIdleMinutes: 0,
      maxLoad: 0.5,
      profile: [],
      write: true,
    });
  });

  it('reads every option', () => {
    expect(
      parseBenchSettings([
        '--rounds=3',
        '--requests',
        '1000',
        '--only',
        'smskit-v3, official',
        '--skip=load,signing',
        '--wait-idle=10',
        '--max-load=0.8',
        '--profile=smskit-v3',
        '--no-write',
      ]),
    ).toMatchObject({
      rounds: 3,
      requests: 1_000,
      only: ['smskit-v3', 'official'],
      skip: ['load', 'signing'],
      waitIdleMinutes: 10,
      maxLoad: 0.8,
      profile: ['smskit-v3'],
      write: false,
    });
  });

  it('makes --quick short, while explicit options still win', () => {
    expect(parseBenchSettings(['--quick', '--requests=300'])).toMatchObject({
      rounds: 1,
      requests: 300,
      coldRuns: 3,
    });
  });

  it('names the bad option', () => {
    expect(() => parseBenchSettings(['--rounds=0'])).toThrow(/--rounds must be a whole number/);
    expect(() => parseBenchSettings(['--requests=many'])).toThrow(/--requests/);
    expect(() => parseBenchSettings(['--skip=everything'])).toThrow(/--skip takes throughput/);
    expect(() => parseBenchSettings(['--max-load=-1'])).toThrow(/--max-load/);
    expect(() => parseBenchSettings(['--fast'])).toThrow(/fast/);
  });
});
