import { tmpdir } from 'node:os';
import type { WorkerContext } from '../../src/core/bench/worker/types';

/**
 * A WorkerContext as the harness builds it, for calling a benchmark's setup/measure/teardown directly in a test.
 * `phases` records what the benchmark reported.
 */
export function makeWorkerContext(
  benchmarkId: string,
  params: Record<string, unknown>,
  options: { scratchDir?: string; signal?: AbortSignal } = {},
): WorkerContext & { phases: string[] } {
  const phases: string[] = [];
  const scratchDir = options.scratchDir ?? tmpdir();
  return {
    job: {
      type: 'job',
      benchmarkId,
      params,
      repetitions: { warmups: 1, planned: 3, max: 6, cvThreshold: 0.035 },
      scratchDir,
      dataDir: scratchDir,
    },
    reportPhase: (phase) => phases.push(phase),
    signal: options.signal ?? new AbortController().signal,
    phases,
  };
}
