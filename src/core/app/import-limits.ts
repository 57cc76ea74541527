import type { Result, RunDetail, Stats } from '../../shared/domain/results';

/**
 * The largest value a sample or median may claim, per unit. Generous but finite: each is about 100× beyond the
 * fastest hardware there is, so no honest measurement comes near, while 1e308 tokens/s (accepted before) is refused.
 *  - tokens/s: the fastest published LLM serving is ~1e4–1e5 tokens/s aggregate → 1e7.
 *  - GB/s: HBM3e on the largest accelerators is ~8e3 GB/s → 1e5 (100 TB/s).
 *  - GFLOP/s: a whole accelerator peaks near 1e7 GFLOP/s at FP4; FP32 (what Rigmark runs) is ~1e5 → 1e7.
 *  - MB/s: memory, disk and CPU hashing throughput stay below 1e5 MB/s → 1e6.
 * Any other unit (an export may carry one this Rigmark does not know) gets UNKNOWN_UNIT_BOUND.
 */
const VALUE_BOUNDS: Readonly<Record<string, number>> = {
  'tokens/s': 1e7,
  't/s': 1e7,
  'GB/s': 1e5,
  'GFLOP/s': 1e7,
  'MB/s': 1e6,
};
export const UNKNOWN_UNIT_BOUND = 1e9;
/** Secondary metrics (milliseconds, counts, throughputs) have assorted units; this only stops absurd ones. */
const METRIC_BOUND = 1e12;
/** One repetition longer than about 11 days is no repetition Rigmark ran (the longest timeouts are hours). */
const MAX_DURATION_MS = 1e9;

/**
 * Longest strings an import accepts, in characters: a little beyond what Rigmark itself writes (a 4 KiB stderr
 * tail, reasons of a sentence or two, ids and titles of a few words) so a doctored export cannot make `results`
 * print megabytes. `unit` is not a whitelist: an export may carry a unit this Rigmark does not know.
 */
export const FIELD_MAX_CHARS: ReadonlyMap<string, number> = new Map([
  ['benchmarkId', 128],
  ['title', 256],
  ['unit', 64],
  ['suite', 64],
  ['systemLabel', 512],
  ['identityHash', 128],
  ['reason', 8 * 1024],
  ['stderrTail', 16 * 1024],
]);
/** An identity, metric or other object key. */
export const MAX_KEY_CHARS = 128;
/** Any other string: identity values (model paths, engine versions), snapshot fields, tool details. */
export const MAX_OTHER_CHARS = 4 * 1024;
/** Problems listed in full; past this many only their number is told (a doctored file can hold millions). */
const MAX_LISTED = 20;

/** Timestamps must fall in these years: before 1970 or after 2200 is a broken clock or a doctored file. */
const MIN_YEAR = 1970;
const MAX_YEAR = 2200;
const ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/;

/** Why `text` is not a plausible ISO 8601 instant, or null when it is one. */
export function timestampProblem(text: string): string | null {
  const m = ISO_8601.exec(text);
  if (!m) return `${JSON.stringify(text.slice(0, 40))} is not an ISO 8601 date and time (like 2026-01-02T03:04:05.000Z)`;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map((x) => Number(x ?? 0)) as [number, number, number, number, number, number];
  // Date.parse rolls 31 February over into March; check the calendar day itself.
  const calendar = new Date(Date.UTC(year, month - 1, day));
  if (calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59 || Number.isNaN(Date.parse(text))) {
    return `${JSON.stringify(text)} is not a real date and time`;
  }
  if (year < MIN_YEAR || year > MAX_YEAR) return `${JSON.stringify(text)} is outside the years ${MIN_YEAR}–${MAX_YEAR}`;
  return null;
}

/** Problems found, each naming the record and field. */
class Problems {
  readonly listed: string[] = [];
  count = 0;
  add(path: string, message: string): void {
    this.count += 1;
    if (this.listed.length < MAX_LISTED) this.listed.push(`${path}: ${message}`);
  }
}

/** 1e+308, 12.5, 1.23e+8: short enough for a message whatever the magnitude. */
const fmt = (n: number): string => (Math.abs(n) < 1e6 ? String(n) : n.toExponential(2).replace(/\.?0+e/, 'e'));
const shortKey = (key: string): string => (key.length > 40 ? `${key.slice(0, 40)}…` : key);

/** Every string in `value` (keys included) within its limit: named fields by name, the rest by `MAX_OTHER_CHARS`. */
function checkStrings(value: unknown, path: string, problems: Problems, limit = MAX_OTHER_CHARS): void {
  if (typeof value === 'string') {
    if (value.length > limit) problems.add(path, `${value.length} characters, the limit is ${limit}`);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => checkStrings(v, `${path}[${i}]`, problems));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key.length > MAX_KEY_CHARS) problems.add(path, `a key of ${key.length} characters, the limit is ${MAX_KEY_CHARS}`);
      checkStrings(v, `${path}.${shortKey(key)}`, problems, FIELD_MAX_CHARS.get(key) ?? MAX_OTHER_CHARS);
    }
  }
}

function checkValue(value: number | null, path: string, unit: string, bound: number, problems: Problems): void {
  if (value === null) return;
  const u = unit === '' ? '' : ` ${unit.slice(0, 64)}`;
  if (!Number.isFinite(value) || value < 0) problems.add(path, `${value}${u} is impossible: a measurement is a finite number ≥ 0`);
  else if (value > bound) problems.add(path, `${fmt(value)}${u} is above the largest plausible value, ${fmt(bound)}${u}`);
}

function checkStats(stats: Stats, path: string, unit: string, bound: number, problems: Problems): void {
  for (const key of ['median', 'mean', 'min', 'max', 'stdev'] as const) checkValue(stats[key], `${path}.${key}`, unit, bound, problems);
  if (stats.cv !== null && !(stats.cv >= 0)) problems.add(`${path}.cv`, `${stats.cv} is impossible: a coefficient of variation is ≥ 0`);
}

function checkTimestamp(value: string | null, path: string, problems: Problems): void {
  const problem = value === null ? null : timestampProblem(value);
  if (problem) problems.add(path, problem);
}

function checkResult(r: Result, path: string, problems: Problems): void {
  const bound = VALUE_BOUNDS[r.unit] ?? UNKNOWN_UNIT_BOUND;
  checkStats(r.stats, `${path}.stats`, r.unit, bound, problems);
  checkTimestamp(r.startedAt, `${path}.startedAt`, problems);
  checkTimestamp(r.finishedAt, `${path}.finishedAt`, problems);
  for (const [name, m] of Object.entries(r.metrics)) checkStats(m.stats, `${path}.metrics.${shortKey(name)}.stats`, m.unit, METRIC_BOUND, problems);
  r.samples.forEach((s, i) => {
    const at = `${path}.samples[${i}]`;
    checkValue(s.value, `${at}.value`, r.unit, bound, problems);
    checkValue(s.durationMs, `${at}.durationMs`, 'ms', MAX_DURATION_MS, problems);
    for (const [name, v] of Object.entries(s.metrics)) checkValue(v, `${at}.metrics.${shortKey(name)}`, '', METRIC_BOUND, problems);
    checkTimestamp(s.takenAt, `${at}.takenAt`, problems);
  });
}

/**
 * What in a schema-valid run export no Rigmark could have measured or written: negative or absurd values for the
 * unit, timestamps that are not ISO 8601 or fall outside 1970–2200, strings past `FIELD_MAX_CHARS` (`MAX_OTHER_CHARS` for the rest). Each problem names
 * its field by path (`detail.results[0].samples[3].value`) and, for a result, its benchmark id.
 * @returns the first problems (at most 20) and how many there are in all; none when the export is plausible.
 */
export function importLimitProblems(detail: RunDetail): { listed: string[]; count: number } {
  const problems = new Problems();
  checkStrings(detail, 'detail', problems);
  checkTimestamp(detail.run.startedAt, 'detail.run.startedAt', problems);
  checkTimestamp(detail.run.finishedAt, 'detail.run.finishedAt', problems);
  checkTimestamp(detail.system.capturedAt, 'detail.system.capturedAt', problems);
  detail.results.forEach((r, i) => {
    checkResult(r, `detail.results[${i}] (${JSON.stringify(shortKey(r.benchmarkId))})`, problems);
  });
  return { listed: problems.listed, count: problems.count };
}
