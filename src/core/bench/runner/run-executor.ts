import type { RunStatus } from '../../../shared/domain/benchmark';
import type { RunEvent } from '../../../shared/domain/run';
import type { TelemetryRecord } from '../../store/telemetry-repo';
import type { PlannedItem } from '../planner';
import { computeStats } from '../stats';
import { createEtaTracker } from './eta';
import { runInstance, type InstanceDeps, type InstanceOutcome } from './instance-runner';

/** A telemetry sampler for one instance; rows are stored by the callback the factory was given. */
export interface InstanceTelemetry {
  start(): void;
  stop(): Promise<void>;
}

export interface ExecutorDeps extends InstanceDeps {
  emit(event: RunEvent): void;
  /** Starts GPU telemetry for an instance, or null where no vendor tool exists. */
  createTelemetry?: (onRow: (row: TelemetryRecord) => void) => InstanceTelemetry | null;
}

export interface ExecutableItem {
  resultId: number;
  item: PlannedItem;
}

/** How a run ended: its status, and why when the run itself failed (the store could not be written). */
export interface RunOutcome {
  status: RunStatus;
  reason: string | null;
}

/**
 * Runs a run's available instances one after another (one GPU, one benchmark at a time). A failed or crashed
 * instance does not stop the run; cancel stops the current one and skips the rest. Every store write goes through
 * `deps.recorder`; when the store stays unwritable past its limit the run stops: the worker is killed (its scratch
 * removed), the rest is skipped, and the run ends `failed` with the reason.
 */
export function executeRun(runId: number, items: readonly ExecutableItem[], deps: ExecutorDeps) {
  let isCancelled = false;
  let storeFailure: string | null = null;
  let current: { cancel(): void; stop(outcome: InstanceOutcome): void } | null = null;
  // One tracker per run: it smooths the ETA across progress events (no jumps up, never 100 % while work is left).
  const eta = createEtaTracker(items.map((x) => x.item.estimatedMs), Date.now());
  const record = (op: () => void): void => deps.recorder.write(op);

  const stopForStore = (message: string): void => {
    storeFailure ??= message;
    current?.stop({ status: 'failed', reason: `stopped: ${message}`, stderrTail: null });
  };
  const outage = deps.recorder.outage();
  if (outage) stopForStore(outage.message);

  const done = (async (): Promise<RunOutcome> => {
    for (const [position, { resultId, item }] of items.entries()) {
      const at = () => deps.now().toISOString();
      const skipReason = storeFailure ? `run stopped before it started: ${storeFailure}` : isCancelled ? 'run cancelled before it started' : null;
      if (skipReason) {
        const finishedAt = at();
        record(() => deps.store.results.finish(resultId, { status: 'cancelled', reason: skipReason, stderrTail: null, at: finishedAt }));
        continue;
      }
      const benchmarkId = item.definition.id;
      const startedAt = at();
      record(() => deps.store.results.start(resultId, startedAt));
      deps.emit({ type: 'instance-started', runId, resultId, benchmarkId });
      const telemetry = deps.createTelemetry?.((row) => record(() => deps.store.telemetry.insert(resultId, row))) ?? null;
      telemetry?.start();
      const instance = runInstance(resultId, item, deps, {
        onProgress: (fraction, phase) => {
          deps.emit({ type: 'progress', runId, resultId, benchmarkId, phase, fraction, ...eta.update(position, fraction, Date.now()) });
        },
        onSample: (sample) => deps.emit({ type: 'sample', runId, resultId, benchmarkId, sample }),
      });
      current = instance;
      const { counted, ...outcome } = await instance.done;
      current = null;
      await telemetry?.stop();
      const finishedAt = at();
      record(() => deps.store.results.finish(resultId, { ...outcome, at: finishedAt }));
      const { median } = computeStats(counted);
      deps.emit({ type: 'instance-finished', runId, resultId, benchmarkId, status: outcome.status, median, unit: item.definition.unit, reason: outcome.reason });
    }
    if (storeFailure) return { status: 'failed', reason: storeFailure };
    return { status: isCancelled ? 'cancelled' : 'completed', reason: null };
  })();

  return {
    done,
    cancel(): void {
      isCancelled = true;
      current?.cancel();
    },
    /** The store has been unwritable too long (the recorder's outage): stop the run. */
    stopForStore,
  };
}
