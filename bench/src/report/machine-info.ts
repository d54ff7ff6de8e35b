import { arch, availableParallelism, cpus, loadavg, platform, totalmem } from 'node:os';

/** The machine and Node the bench runs on. */
export function machineInfo() {
  return {
    node: process.version,
    platform: platform(),
    arch: arch(),
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    cores: availableParallelism(),
    memoryBytes: totalmem(),
  };
}

/** The 1, 5 and 15 minute load averages. */
export const loadAverage = (): [number, number, number] => {
  const [one = 0, five = 0, fifteen = 0] = loadavg();
  return [one, five, fifteen];
};

/**
 * Waits until the 1-minute load average is below `maxLoad`, checking every 20 s, for at most
 * `minutes`. Other work on the machine takes CPU from the clients and skews their figures.
 */
export async function waitForIdle(
  maxLoad: number,
  minutes: number,
  progress: (line: string) => void,
): Promise<'not asked' | 'idle' | 'gave up'> {
  if (minutes <= 0) return 'not asked';
  const deadline = Date.now() + minutes * 60_000;
  for (;;) {
    const [one] = loadAverage();
    if (one < maxLoad) return 'idle';
    if (Date.now() >= deadline) return 'gave up';
    progress(`load average ${one.toFixed(2)} ≥ ${maxLoad}: waiting`);
    await new Promise((resolve) => setTimeout(resolve, 20_000));
  }
}
