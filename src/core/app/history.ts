import type { HistoryPoint } from '../../shared/domain/results';
import { computeStats } from '../bench/stats';
import type { Store } from '../store/store';

/** A benchmark's median in each run, newest first, recomputed from the stored samples. */
export function historyOf(store: Store, benchmarkId: string, limit: number): HistoryPoint[] {
  return store.results.history(benchmarkId, limit).map((row) => {
    const counted = store.results.samplesByResult(row.id).filter((s) => !s.is_warmup).map((s) => s.value);
    return {
      runId: row.run_id,
      resultId: row.id,
      startedAt: row.started_at_run,
      median: computeStats(counted).median,
      unit: row.unit,
      status: row.status,
      systemLabel: row.system_label,
    };
  });
}
