import type { WorkerJob, WorkerMessage } from '../../../shared/worker-protocol';
import { fitsBudget, needsAnotherRepetition } from '../stats';
import { UnavailableError, type WorkerBenchmark, type WorkerContext } from './types';

/**
 * Runs one benchmark instance inside a worker process: setup, warm-ups, counted repetitions (extended while the CV
 * is above the threshold), teardown. Every sample is sent the moment it is taken, so a crash loses nothing already
 * measured. Resolves when the terminal message (`result`, `unavailable` or `error`) has been sent.
 */
export async function runHarness(
  benchmark: WorkerBenchmark<unknown>,
  job: WorkerJob,
  send: (message: WorkerMessage) => void,
  signal: AbortSignal,
): Promise<void> {
  const policy = job.repetitions;
  const total = policy.warmups + policy.planned;
  let done = 0;
  let phase = 'setup';
  const progress = (): void => send({ type: 'progress', fraction: Math.min(0.99, done / Math.max(1, total)), phase });
  const ctx: WorkerContext = {
    job,
    signal,
    reportPhase: (p) => {
      phase = p;
      progress();
    },
  };
  let state: unknown;
  let isSetUp = false;
  try {
    progress();
    state = await benchmark.setup(ctx);
    isSetUp = true;
    let index = 0;
    const measuringStarted = performance.now();
    let lastDurationMs = 0;
    const measure = async (isWarmup: boolean): Promise<number> => {
      const started = performance.now();
      const m = isWarmup && benchmark.warmUp ? await benchmark.warmUp(state, ctx, index) : await benchmark.measure(state, ctx, index);
      const durationMs = performance.now() - started;
      if (!isWarmup) lastDurationMs = durationMs;
      if (!Number.isFinite(m.value)) throw new Error(`repetition ${index} produced a non-finite value (${m.value})`);
      send({ type: 'sample', index, isWarmup, value: m.value, metrics: m.metrics ?? {}, durationMs, workUnits: m.workUnits });
      index += 1;
      done += 1;
      return m.value;
    };
    for (let w = 0; w < policy.warmups; w += 1) {
      ctx.reportPhase('warm-up');
      await measure(true);
    }
    const counted: number[] = [];
    let isCutByBudget = false;
    while (needsAnotherRepetition(counted, policy)) {
      if (counted.length >= policy.planned && !fitsBudget(performance.now() - measuringStarted, lastDurationMs, policy)) {
        isCutByBudget = true;
        break;
      }
      ctx.reportPhase(counted.length < policy.planned ? 'measuring' : 'extra repetitions (high variation)');
      counted.push(await measure(false));
    }
    const notes = benchmark.notes?.(state) ?? [];
    if (isCutByBudget) notes.push(`The suite's time budget stopped the repetitions at ${counted.length} (the spread asked for more).`);
    send({
      type: 'result',
      identity: benchmark.identity(state, ctx),
      metricUnits: benchmark.metricUnits ?? {},
      notes,
      ...(isCutByBudget ? { isCutByBudget } : {}),
    });
  } catch (error) {
    if (error instanceof UnavailableError) {
      send({ type: 'unavailable', reason: error.message, howToEnable: error.howToEnable });
    } else {
      const e = error as { code?: unknown; message?: unknown };
      send({ type: 'error', code: typeof e.code === 'string' ? e.code : 'BENCHMARK_FAILED', message: String(e.message ?? error) });
    }
  } finally {
    if (isSetUp) await benchmark.teardown?.(state).catch(() => undefined);
  }
}
