/**
 * Display formatting. One fixed locale so figures line up the same on every machine and in tests; numbers are
 * shown with a precision that matches how they are measured (three significant figures is already more than the
 * run-to-run noise of most benchmarks).
 */
const LOCALE = 'en-US';

const grouped0 = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });
const grouped1 = new Intl.NumberFormat(LOCALE, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const grouped2 = new Intl.NumberFormat(LOCALE, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const significant3 = new Intl.NumberFormat(LOCALE, { maximumSignificantDigits: 3 });

/** A measured number without its unit: 12,345 · 123.4 · 12.34 · 0.123. `—` when there is none. */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const abs = Math.abs(value);
  if (abs >= 1000) return grouped0.format(value);
  if (abs >= 100) return grouped1.format(value);
  if (abs >= 1) return grouped2.format(value);
  if (abs === 0) return '0';
  return significant3.format(value);
}

/** A measured number with its unit, separated by a non-breaking space so the pair never wraps apart. */
export function formatValue(value: number | null | undefined, unit: string): string {
  const text = formatNumber(value);
  return text === '—' || unit === '' ? text : `${text}\u00a0${unit}`;
}

/**
 * Energy in joules with an SI prefix that keeps the number readable: 2.1e-8 J → "20.90 nJ", 0.41 → "410.0 mJ",
 * 12 → "12.00 J" (energy per byte and per token differ by many orders of magnitude).
 */
export function formatEnergy(joules: number | null | undefined): string {
  if (joules === null || joules === undefined || !Number.isFinite(joules)) return '—';
  const abs = Math.abs(joules);
  const [scale, unit] = abs === 0 || abs >= 1 ? [1, 'J'] : abs >= 1e-3 ? [1e3, 'mJ'] : abs >= 1e-6 ? [1e6, 'µJ'] : [1e9, 'nJ'];
  return formatValue(joules * scale, unit);
}

/** A fraction (0.021) as a percentage ("2.1 %"). */
export function formatPercent(fraction: number | null | undefined, digits = 1): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return '—';
  return `${(fraction * 100).toFixed(digits)}\u00a0%`;
}

/** A duration in milliseconds as "850 ms", "42 s", "3 min 05 s", "1 h 02 min". */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms) || ms < 0) return '—';
  if (ms < 1000) return `${Math.round(ms)}\u00a0ms`;
  const totalSeconds = Math.round(ms / 1000);
  if (totalSeconds < 60) return `${totalSeconds}\u00a0s`;
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  if (minutes < 60) return `${minutes}\u00a0min ${String(seconds).padStart(2, '0')}\u00a0s`;
  const hours = Math.floor(minutes / 60);
  return `${hours}\u00a0h ${String(minutes % 60).padStart(2, '0')}\u00a0min`;
}

/** Memory given in MiB as GiB once it is large ("24.0 GiB"), else MiB ("512 MiB"). */
export function formatMiB(mib: number | null | undefined): string {
  if (mib === null || mib === undefined || !Number.isFinite(mib)) return '—';
  if (mib >= 1024) return `${grouped1.format(mib / 1024)}\u00a0GiB`;
  return `${grouped0.format(mib)}\u00a0MiB`;
}

const dateTime = new Intl.DateTimeFormat(LOCALE, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** An ISO timestamp in the viewer's time zone ("Nov 27, 2025, 10:46"); the raw text when it does not parse. */
export function formatDateTime(iso: string | null | undefined): string {
  if (iso === null || iso === undefined || iso === '') return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTime.format(date);
}

/** Wall time between two ISO timestamps, or `—` while the second is missing. */
export function formatElapsed(startIso: string | null, endIso: string | null): string {
  if (startIso === null || endIso === null) return '—';
  return formatDuration(new Date(endIso).getTime() - new Date(startIso).getTime());
}

/**
 * A direction-aware difference as the comparison views show it: "+17.0 %", "−18.0 %" (a true minus sign), "0.0 %";
 * `—` when there is none. Core computes `deltaPct` with the direction already applied, so positive is always faster.
 */
export function formatDeltaPct(deltaPct: number | null | undefined, digits = 1): string {
  if (deltaPct === null || deltaPct === undefined || !Number.isFinite(deltaPct)) return '—';
  const text = Math.abs(deltaPct).toFixed(digits);
  if (Number(text) === 0) return `${text}\u00a0%`;
  return `${deltaPct > 0 ? '+' : '\u2212'}${text}\u00a0%`;
}

/** Whether a difference reads as faster, slower or even at the precision it is shown with (for colour only). */
export function deltaTone(deltaPct: number | null | undefined, digits = 1): 'faster' | 'slower' | 'even' | 'none' {
  if (deltaPct === null || deltaPct === undefined || !Number.isFinite(deltaPct)) return 'none';
  if (Number(Math.abs(deltaPct).toFixed(digits)) === 0) return 'even';
  return deltaPct > 0 ? 'faster' : 'slower';
}

/** A byte count as "2.1 MB", "3.56 GB" (decimal units, as file managers and model pages state sizes). */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes) || bytes < 0) return '—';
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return unit === 0 ? `${value}\u00a0B` : `${formatNumber(value)}\u00a0${units[unit] ?? ''}`;
}

/** A parameter count as "6.74 B", "1.24 B", "180 M". */
export function formatParameters(count: number | null | undefined): string {
  if (count === null || count === undefined || !Number.isFinite(count) || count <= 0) return '—';
  if (count >= 1e9) return `${significant3.format(count / 1e9)}\u00a0B`;
  if (count >= 1e6) return `${significant3.format(count / 1e6)}\u00a0M`;
  if (count >= 1e3) return `${significant3.format(count / 1e3)}\u00a0k`;
  return String(count);
}

const asPublished = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 4 });

/**
 * A published reference figure with its unit, at the precision it was published with ("15 s/image", "186.21
 * tokens/s"): rounding or padding it would misquote the source.
 */
export function formatPublished(value: number | null | undefined, unit: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const text = asPublished.format(value);
  return unit === '' ? text : `${text}\u00a0${unit}`;
}
