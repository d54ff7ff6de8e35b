import { z } from 'zod';

const summarySchema = z.object({
  median: z.number(),
  min: z.number(),
  max: z.number(),
  spread: z.number(),
  values: z.array(z.number()),
});

const modeSchema = z.object({
  requestsPerSecond: summarySchema,
  cpuMicrosPerRequest: summarySchema,
});

/** A client's row: throughput, memory and footprint; sections not run are null. */
export const clientResultSchema = z.object({
  id: z.string(),
  label: z.string(),
  role: z.enum(['smskit', 'smskit-option', 'official', 'other', 'floor']),
  packages: z.array(z.object({ name: z.string(), version: z.string() })),
  sequential: modeSchema.nullable(),
  concurrent: modeSchema.nullable(),
  peakRssBytes: z.number().nullable(),
  footprint: z
    .object({
      /** Above bare node, paired run by run. */
      coldImportMs: summarySchema,
      /** Import, set-up and one send to the stub, above bare node. */
      coldSendMs: summarySchema,
      bundleBytes: z.number(),
      bundleGzipBytes: z.number(),
      bundleSends: z.boolean(),
      largestPackages: z.array(z.object({ name: z.string(), bytes: z.number() })),
      installedBytes: z.number(),
      packageCount: z.number(),
    })
    .nullable(),
});

export const targetResultSchema = z.object({
  clientId: z.string(),
  target: z.string(),
  description: z.string(),
  value: z.number().nullable(),
  limit: z.number().nullable(),
  /** null when a figure it needs was not measured. */
  met: z.boolean().nullable(),
});

/** `bench/results.json`. */
export const benchResultsSchema = z.object({
  schemaVersion: z.literal(1),
  startedAt: z.string(),
  finishedAt: z.string(),
  machine: z.object({
    node: z.string(),
    platform: z.string(),
    arch: z.string(),
    cpuModel: z.string(),
    cores: z.number().int().positive(),
    memoryBytes: z.number(),
    loadAverageAtStart: z.array(z.number()).length(3),
    loadAverageAtEnd: z.array(z.number()).length(3),
    /** Whether the load average had fallen below the wanted level before the run started. */
    waitedForIdle: z.enum(['not asked', 'idle', 'gave up']),
  }),
  settings: z.object({
    rounds: z.number().int().positive(),
    requests: z.number().int().positive(),
    concurrency: z.number().int().positive(),
    warmupRequests: z.number().int().nonnegative(),
    coldRuns: z.number().int().nonnegative(),
    signingIterations: z.number().int().positive(),
    loadDurationMs: z.number().int().positive(),
  }),
  clients: z.array(clientResultSchema),
  bareNodeMs: summarySchema.nullable(),
  /** The packages @smskit/aliyun is made of, each imported alone, above bare node. */
  componentImports: z.array(z.object({ specifier: z.string(), coldImportMs: summarySchema })),
  /** The HTTP layers alone: CPU per request at the concurrency of the run, and peak RSS. */
  httpLayers: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      cpuMicrosPerRequest: summarySchema,
      peakRssBytes: z.number(),
    }),
  ),
  signing: z.array(z.object({ id: z.string(), label: z.string(), opsPerSecond: summarySchema })),
  verificationLoad: z.array(
    z.object({
      store: z.enum(['memory', 'redis']),
      skipped: z.string().optional(),
      requestsPerSecond: summarySchema.nullable(),
      flowsPerSecond: summarySchema.nullable(),
      p50Ms: summarySchema.nullable(),
      p99Ms: summarySchema.nullable(),
      failures: z.number().int().nonnegative(),
    }),
  ),
  targets: z.array(targetResultSchema),
});

export type BenchResults = z.infer<typeof benchResultsSchema>;
export type ClientResult = z.infer<typeof clientResultSchema>;
export type TargetResult = z.infer<typeof targetResultSchema>;
