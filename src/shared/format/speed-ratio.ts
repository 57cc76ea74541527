/**
 * Speed ratios in words, one formatter for every shell (UI, CLI, exports) so the same fact reads the same
 * everywhere: "486× slower", "1.17× faster", "same speed". Percentages stop being readable once one side is many
 * times the other (−99.8 % and −99.9 % look alike; +48,499.9 % says nothing), so the factor is the headline and
 * ±% the detail.
 */

const LOCALE = 'en-US';
const threeSignificant = new Intl.NumberFormat(LOCALE, { maximumSignificantDigits: 3 });
const grouped0 = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });

/** A factor ≥ 1 at three significant digits ("1.17", "12.3", "486", "2,310"). */
export function formatFactor(factor: number): string {
  return factor >= 1000 ? grouped0.format(factor) : threeSignificant.format(factor);
}

export type SpeedDirection = 'faster' | 'slower' | 'same';

/** The factor and its direction for a ratio (> 1 = the subject is faster); null when there is no usable ratio. */
export function speedFactor(ratio: number | null | undefined): { factor: number; direction: SpeedDirection } | null {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio) || ratio <= 0) return null;
  const factor = ratio >= 1 ? ratio : 1 / ratio;
  // "1.00× faster" says nothing: below the shown precision the two are the same speed.
  if (formatFactor(factor) === '1') return { factor: 1, direction: 'same' };
  return { factor, direction: ratio > 1 ? 'faster' : 'slower' };
}

/** "486× slower", "1.17× faster", "same speed"; "—" when there is no ratio. `ratio` > 1 means the subject is faster. */
export function speedRatioText(ratio: number | null | undefined): string {
  const speed = speedFactor(ratio);
  if (speed === null) return '—';
  if (speed.direction === 'same') return 'same speed';
  return `${formatFactor(speed.factor)}× ${speed.direction}`;
}

/** A plain count of workloads: "1 workload", "17 workloads". */
export function workloadCountText(count: number): string {
  return `${count} workload${count === 1 ? '' : 's'}`;
}

/**
 * The same comparison seen from the other side: a ratio of target ÷ yours (an upgrade gain) as yours ÷ target, with
 * its ±%, so Compare and Upgrade state one fact in one direction ("486× slower, −99.8 %").
 */
export function invertRatio(ratio: number | null): { ratio: number | null; deltaPct: number | null } {
  if (ratio === null || !Number.isFinite(ratio) || ratio <= 0) return { ratio: null, deltaPct: null };
  const inverted = 1 / ratio;
  const deltaPct = (inverted - 1) * 100;
  return Number.isFinite(inverted) && Number.isFinite(deltaPct) ? { ratio: inverted, deltaPct } : { ratio: null, deltaPct: null };
}
