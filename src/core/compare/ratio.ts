import type { Ratio } from '../../shared/domain/compare';

/** Why a value cannot enter a ratio, or null when it can (a finite number above zero). */
function unusable(value: number | null | undefined, side: string): string | null {
  if (value === null || value === undefined) return `${side} value missing`;
  if (!Number.isFinite(value)) return `${side} value is not a finite number`;
  if (value === 0) return `${side} value is zero`;
  if (value < 0) return `${side} value is negative`;
  return null;
}

function noRatio(reason: string): Ratio {
  return { ratio: null, deltaPct: null, reason };
}

/**
 * How much faster `subject` is than `reference`, direction-aware: higher-is-better → subject / reference;
 * lower-is-better (s/image) → reference / subject. So > 1 always means "subject is faster". deltaPct =
 * (ratio − 1) × 100. Never NaN or ±Infinity: a missing, zero, negative or non-finite input, or a ratio too large or
 * small to represent, gives nulls and a reason.
 */
export function directionAwareRatio(
  subject: number | null | undefined,
  reference: number | null | undefined,
  higherIsBetter: boolean,
  labels: { subject: string; reference: string } = { subject: 'your', reference: 'reference' },
): Ratio {
  const problem = unusable(subject, labels.subject) ?? unusable(reference, labels.reference);
  if (problem !== null) return noRatio(problem);
  const s = subject as number;
  const r = reference as number;
  const ratio = higherIsBetter ? s / r : r / s;
  const deltaPct = (ratio - 1) * 100;
  if (!Number.isFinite(ratio) || ratio <= 0 || !Number.isFinite(deltaPct)) {
    return noRatio('ratio out of representable range');
  }
  return { ratio, deltaPct, reason: null };
}

/** Median of the finite values; null when there are none. */
export function median(values: readonly number[]): number | null {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] as number;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] as number) + upper) / 2;
}

/**
 * Median of speed ratios (positive finite values; null when there are none). With an even count it is the
 * geometric mean of the two middle ratios, not their average: a ratio and its inverse are the same fact seen from
 * either side, so inverting every ratio must invert the median (Compare's "yours ÷ card" and Upgrade's "card ÷
 * yours" then headline one number). The plain average of 1/486 and 1/68.7 is 1/120, of 486 and 68.7 is 277.
 */
export function medianRatio(ratios: readonly number[]): number | null {
  const sorted = ratios.filter((v) => Number.isFinite(v) && v > 0).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] as number;
  // √a·√b, not √(a·b): the product of two extreme ratios can overflow or underflow where the result does not.
  const result = sorted.length % 2 === 1 ? upper : Math.sqrt(sorted[mid - 1] as number) * Math.sqrt(upper);
  return Number.isFinite(result) && result > 0 ? result : null;
}

/**
 * Geometric mean of positive finite values (computed through logs so long lists neither overflow nor underflow);
 * null when there are none or the result is not representable.
 */
export function geometricMean(values: readonly number[]): number | null {
  const usable = values.filter((v) => Number.isFinite(v) && v > 0);
  if (usable.length === 0) return null;
  const meanLog = usable.reduce((sum, v) => sum + Math.log(v), 0) / usable.length;
  const result = Math.exp(meanLog);
  return Number.isFinite(result) && result > 0 ? result : null;
}

/** (ratio − 1) × 100, or null when the ratio is null or the result is not finite. */
export function deltaPctOf(ratio: number | null): number | null {
  if (ratio === null || !Number.isFinite(ratio)) return null;
  const delta = (ratio - 1) * 100;
  return Number.isFinite(delta) ? delta : null;
}

/** "+23.0 %", "−18.0 %" (true minus sign, as the UI shows it), "—" for null. */
export function formatDeltaPct(deltaPct: number | null, digits = 1): string {
  if (deltaPct === null || !Number.isFinite(deltaPct)) return '—';
  const text = Math.abs(deltaPct).toFixed(digits);
  if (Number(text) === 0) return `${text} %`;
  return `${deltaPct > 0 ? '+' : '−'}${text} %`;
}
