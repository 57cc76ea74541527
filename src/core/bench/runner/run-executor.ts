import type { RunStatus } from '../../../shared/domain/benchmark';
import type { RunEvent } from '../../../shared/domain/run';
import type { TelemetryRecord } from '../../store/telemetry-repo';
import type { PlannedItem } from '../planner';
import { computeStats } from '../stats';
import { computeEta } from './eta';
import { runInstance, type InstanceDeps } from './instance-runner';

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

/**
 * Runs a run's available instances one after another (one GPU, one benchmark at a time). A failed or crashed
 * instance does not stop the run; cancel stops the current one and skips the rest.
 */
export function executeRun(runId: number, items: readonly ExecutableItem[], deps: ExecutorDeps) {
  let isCancelled = false;
  let cancelCurrent: (() => void) | null = null;
  const estimates = items.map((x) => x.item.definition.estimatedMs);
  const startedAtMs = Date.now();

  const done = (async (): Promise<RunStatus> => {
    for (const [position, { resultId, item }] of items.entries()) {
      const at = () => deps.now().toISOString();
      if (isCancelled) {
        deps.store.results.finish(resultId, { status: 'cancelled', reason: 'run cancelled before it started', stderrTail: null, at: at() });
        continue;
      }
      const benchmarkId = item.definition.id;
      deps.store.results.start(resultId, at());
      deps.emit({ type: 'instance-started', runId, resultId, benchmarkId });
      const telemetry = deps.createTelemetry?.((row) => deps.store.telemetry.insert(resultId, row)) ?? null;
      telemetry?.start();
      const instance = runInstance(resultId, item, deps, {
        onProgress: (fraction, phase) => {
          const eta = computeEta(estimates, position, fraction, Date.now() - startedAtMs);
          deps.emit({ type: 'progress', runId, resultId, benchmarkId, phase, fraction, ...eta });
        },
        onSample: (sample) => deps.emit({ type: 'sample', runId, resultId, benchmarkId, sample }),
      });
      cancelCurrent = instance.cancel;
      const outcome = await instance.done;
      cancelCurrent = null;
      await telemetry?.stop();
      deps.store.results.finish(resultId, { ...outcome, at: at() });
      const counted = deps.store.results.samplesByResult(resultId).filter((s) => !s.is_warmup).map((s) => s.value);
      const { median } = computeStats(counted);
      deps.emit({ type: 'instance-finished', runId, resultId, benchmarkId, status: outcome.status, median, unit: item.definition.unit, reason: outcome.reason });
    }
    return isCancelled ? 'cancelled' : 'completed';
  })();

  return {
    done,
    cancel(): void {
      isCancelled = true;
      cancelCurrent?.();
    },
  };
}
