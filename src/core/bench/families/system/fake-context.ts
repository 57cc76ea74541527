import type { WorkerContext } from '../../worker/types';

/**
 * A WorkerContext for running a WorkerBenchmark in-process in tests (and dev scripts), without the harness.
 * `phases` records every reportPhase call.
 */
export function fakeContext(
  benchmarkId: string,
  params: Record<string, unknown>,
  scratchDir: string,
): WorkerContext & { phases: string[] } {
  const phases: string[] = [];
  return {
    job: {
      type: 'job',
      benchmarkId,
      params,
      repetitions: { warmups: 0, planned: 1, max: 2, cvThreshold: 0.035 },
      scratchDir,
      dataDir: scratchDir,
    },
    reportPhase: (phase) => phases.push(phase),
    signal: new AbortController().signal,
    phases,
  };
}
