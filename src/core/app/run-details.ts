import type { Identity } from '../../shared/domain/benchmark';
import type { Result, RunDetail, RunSummary, Sample } from '../../shared/domain/results';
import { computeStats } from '../bench/stats';
import type { ResultRow, SampleRow } from '../store/results-repo';
import type { RunRow } from '../store/runs-repo';
import type { Store } from '../store/store';
import { physicalLimitOf } from './physical-limits';
import { telemetryOf } from './telemetry';

export function toRunSummary(row: RunRow): RunSummary {
  return {
    id: row.id,
    suite: row.suite,
    status: row.status,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    systemId: row.system_id,
    systemLabel: row.system_label,
    resultCount: row.result_count,
    failedCount: row.failed_count,
    reason: row.reason,
  };
}

function toSample(s: SampleRow): Sample {
  return {
    index: s.sample_index,
    isWarmup: s.is_warmup === 1,
    value: s.value,
    metrics: JSON.parse(s.metrics_json) as Record<string, number>,
    durationMs: s.duration_ms,
    takenAt: s.taken_at,
  };
}

/** Statistics of every secondary metric, each over the counted samples that carry it. */
function metricSummaries(samples: Sample[], units: Record<string, string>): Result['metrics'] {
  const names = new Set(samples.flatMap((s) => Object.keys(s.metrics)));
  const out: Result['metrics'] = {};
  for (const name of names) {
    const values = samples.flatMap((s) => (s.metrics[name] === undefined ? [] : [s.metrics[name]!]));
    out[name] = { unit: units[name] ?? '', stats: computeStats(values) };
  }
  return out;
}

export function toResult(row: ResultRow, samples: Sample[]): Result {
  const counted = samples.filter((s) => !s.isWarmup);
  return {
    id: row.id,
    runId: row.run_id,
    benchmarkId: row.benchmark_id,
    title: row.title,
    category: row.category,
    status: row.status,
    unit: row.unit,
    higherIsBetter: row.higher_is_better === 1,
    identity: JSON.parse(row.identity_json) as Identity,
    identityHash: row.identity_hash,
    reason: row.reason,
    stderrTail: row.stderr_tail,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    stats: computeStats(counted.map((s) => s.value)),
    metrics: metricSummaries(counted, JSON.parse(row.metric_units_json) as Record<string, string>),
    samples,
    telemetry: null,
  };
}

/** A run with its system snapshot and every result, statistics recomputed from the stored samples. */
export function loadRunDetail(store: Store, runId: number): RunDetail | null {
  const run = store.runs.get(runId);
  if (!run) return null;
  const system = store.systems.get(run.system_id);
  if (!system) return null;
  const rawByResult = new Map<number, SampleRow[]>();
  for (const s of store.results.samplesByRun(runId)) {
    const list = rawByResult.get(s.result_id) ?? [];
    list.push(s);
    rawByResult.set(s.result_id, list);
  }
  const results = store.results.byRun(runId).map((row) => {
    const raw = rawByResult.get(row.id) ?? [];
    const result = toResult(row, raw.map(toSample));
    result.telemetry = telemetryOf(store.telemetry.byResult(row.id), raw, system);
    result.physicalLimit = physicalLimitOf(result, system);
    return result;
  });
  return { run: toRunSummary(run), system, results };
}
