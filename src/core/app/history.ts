import type { Identity } from '../../shared/domain/benchmark';
import { IDENTITY_KEYS } from '../../shared/domain/compare';
import type { HistoryPoint } from '../../shared/domain/results';
import { computeStats } from '../bench/stats';
import type { Store } from '../store/store';

/**
 * What makes two results of one benchmark the same workload, so their medians may share a line: the model, its
 * quantisation, the backend and whether the file is synthetic. A 1B and an 8B model under `llamacpp.pp512` are two
 * workloads; joined, they would read as a regression.
 */
const WORKLOAD_KEYS = [IDENTITY_KEYS.modelKey, IDENTITY_KEYS.quant, IDENTITY_KEYS.backend, IDENTITY_KEYS.isSynthetic] as const;

/** A stable key of the benchmark and the identity's workload facts (absent facts count as null). */
export function workloadKeyOf(benchmarkId: string, identity: Identity): string {
  return JSON.stringify([benchmarkId, ...WORKLOAD_KEYS.map((key) => identity[key] ?? null)]);
}

/** A benchmark's median in each run, newest first, recomputed from the stored samples, with its workload identity. */
export function historyOf(store: Store, benchmarkId: string, limit: number): HistoryPoint[] {
  return store.results.history(benchmarkId, limit).map((row) => {
    const counted = store.results.samplesByResult(row.id).filter((s) => !s.is_warmup).map((s) => s.value);
    const identity = JSON.parse(row.identity_json) as Identity;
    return {
      runId: row.run_id,
      resultId: row.id,
      startedAt: row.started_at_run,
      median: computeStats(counted).median,
      unit: row.unit,
      status: row.status,
      systemLabel: row.system_label,
      title: row.title,
      identity,
      workloadKey: workloadKeyOf(row.benchmark_id, identity),
    };
  });
}
