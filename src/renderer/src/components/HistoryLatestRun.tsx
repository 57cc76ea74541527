import { useState } from 'react';
import type { ApiError } from '../../../shared/api/contract';
import type { BenchmarkInfo } from '../../../shared/domain/benchmark';
import { COMPARABLE_BENCHMARK_IDS } from '../../../shared/domain/compare';
import type { RunDetail } from '../../../shared/domain/results';
import { workloadTitle } from '../../../shared/format/workload';
import { useRun, useRuns } from '../api/resources';

/** A benchmark measured in the latest run, named in words ("Prompt processing · 512 tokens"). */
export interface LatestBenchmark {
  id: string;
  title: string;
}

export type LatestRunState =
  | { status: 'loading' }
  | { status: 'error'; error: ApiError; reload: () => void }
  /** No run has a measured result yet (or there are no runs). */
  | { status: 'none'; hasRuns: boolean }
  | { status: 'ok'; runId: number; benchmarks: LatestBenchmark[] };

// The benchmarks published figures exist for come first: they are what a user compares.
const PREFERRED = [COMPARABLE_BENCHMARK_IDS.llamacppPp512, COMPARABLE_BENCHMARK_IDS.llamacppTg128] as const;

/** The benchmark History opens on: pp512, else tg128, else the latest run's first measured benchmark. */
export function openingBenchmark(benchmarks: readonly LatestBenchmark[]): string | null {
  return PREFERRED.find((id) => benchmarks.some((b) => b.id === id)) ?? benchmarks[0]?.id ?? null;
}

function measuredBenchmarks(detail: RunDetail, catalogue: readonly BenchmarkInfo[]): LatestBenchmark[] {
  const out: LatestBenchmark[] = [];
  for (const r of detail.results) {
    if (r.stats.count === 0 || out.some((b) => b.id === r.benchmarkId)) continue;
    const catalogueTitle = catalogue.find((b) => b.id === r.benchmarkId)?.title ?? r.title;
    out.push({ id: r.benchmarkId, title: workloadTitle(r.benchmarkId, r.identity, catalogueTitle) });
  }
  return out;
}

/**
 * The newest run with at least one measured result, through `runs:list` and `runs:get` (the rule Compare's
 * "latest with results" uses): runs are read newest first, and one whose results are all failed or skipped is
 * passed over. Reloads when a run finishes, as `useRuns` does.
 */
export function useLatestRunWithResults(catalogue: readonly BenchmarkInfo[]): LatestRunState {
  const runs = useRuns();
  const [passedOver, setPassedOver] = useState<ReadonlySet<number>>(new Set());
  const candidates = runs.status === 'ok' ? runs.value.filter((r) => r.resultCount > r.failedCount && !passedOver.has(r.id)) : [];
  const candidate = candidates[0]?.id ?? null;
  const run = useRun(candidate);
  const detail = run.status === 'ok' && run.value.run.id === candidate ? run.value : null;
  const benchmarks = detail === null ? [] : measuredBenchmarks(detail, catalogue);
  const isEmpty = detail !== null && benchmarks.length === 0;
  // Passing over a run with nothing measured is derived from what was just read, so it happens during render
  // (React re-renders at once with the next candidate) rather than in an effect a frame later.
  if (isEmpty && candidate !== null) setPassedOver(new Set(passedOver).add(candidate));

  if (runs.status === 'error') return { status: 'error', error: runs.error, reload: runs.reload };
  if (runs.status === 'loading') return { status: 'loading' };
  if (candidate === null) return { status: 'none', hasRuns: runs.value.length > 0 };
  if (run.status === 'error') return { status: 'error', error: run.error, reload: run.reload };
  if (detail === null || isEmpty) return { status: 'loading' };
  return { status: 'ok', runId: candidate, benchmarks };
}
