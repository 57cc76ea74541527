import type { RepetitionPolicy } from '../../shared/domain/benchmark';
import type { Stats } from '../../shared/domain/results';

/** Median, mean, min, max, sample standard deviation and CV of counted samples; nulls when there are none. */
export function computeStats(values: readonly number[]): Stats {
  const finite = values.filter((v) => Number.isFinite(v));
  const n = finite.length;
  if (n === 0) return { count: 0, median: null, mean: null, min: null, max: null, stdev: null, cv: null };
  const sorted = [...finite].sort((a, b) => a - b);
  const mid = Math.floor(n / 2);
  const median = n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  const mean = finite.reduce((s, v) => s + v, 0) / n;
  const stdev = n > 1 ? Math.sqrt(finite.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1)) : 0;
  const cv = mean !== 0 ? stdev / Math.abs(mean) : null;
  return { count: n, median, mean, min: sorted[0]!, max: sorted[n - 1]!, stdev, cv };
}

/**
 * The adaptive rule (docs/METHOD.md, after the Phoronix Test Suite): keep adding repetitions while the CV of the
 * counted samples is above the threshold, up to `policy.max`.
 */
export function needsAnotherRepetition(counted: readonly number[], policy: RepetitionPolicy): boolean {
  if (counted.length < policy.planned) return true;
  if (counted.length >= policy.max) return false;
  const { cv } = computeStats(counted);
  return cv !== null && cv > policy.cvThreshold;
}

/**
 * True when one more repetition (taking about as long as the last one) ends within the instance's time budget, or
 * when it has none. Only extra repetitions are held to it: the planned ones always run.
 */
export function fitsBudget(elapsedMs: number, lastDurationMs: number, policy: Pick<RepetitionPolicy, 'budgetMs'>): boolean {
  return policy.budgetMs === undefined || elapsedMs + lastDurationMs <= policy.budgetMs;
}

/** A finished instance whose CV is still above the threshold is `unstable`. */
export function isUnstable(counted: readonly number[], policy: Pick<RepetitionPolicy, 'cvThreshold'>): boolean {
  const { cv } = computeStats(counted);
  return cv !== null && cv > policy.cvThreshold;
}

/** Default policy: 1 warm-up, N planned, up to 2N, CV threshold 3.5 %. */
export function repetitionPolicy(planned: number, warmups = 1): RepetitionPolicy {
  return { warmups, planned, max: planned * 2, cvThreshold: 0.035 };
}
