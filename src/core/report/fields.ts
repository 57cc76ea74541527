import type { Result, RunDetail } from '../../shared/domain/results';

/** One exported column: the single field list that drives JSON, CSV and Markdown alike (as llama-bench does). */
export interface ExportField {
  key: string;
  header: string;
  value(result: Result, detail: RunDetail): string | number | boolean | null;
}

const num = (v: number | null, digits = 3): number | null => (v === null ? null : Number(v.toPrecision(digits + 3)));

export const EXPORT_FIELDS: readonly ExportField[] = [
  { key: 'runId', header: 'run', value: (_r, d) => d.run.id },
  { key: 'startedAt', header: 'started', value: (_r, d) => d.run.startedAt },
  { key: 'system', header: 'system', value: (_r, d) => d.run.systemLabel },
  { key: 'benchmarkId', header: 'benchmark', value: (r) => r.benchmarkId },
  { key: 'status', header: 'status', value: (r) => r.status },
  { key: 'median', header: 'median', value: (r) => num(r.stats.median) },
  { key: 'unit', header: 'unit', value: (r) => r.unit },
  { key: 'cvPct', header: 'CV %', value: (r) => (r.stats.cv === null ? null : num(r.stats.cv * 100, 2)) },
  { key: 'min', header: 'min', value: (r) => num(r.stats.min) },
  { key: 'max', header: 'max', value: (r) => num(r.stats.max) },
  { key: 'samples', header: 'samples', value: (r) => r.stats.count },
  { key: 'backend', header: 'backend', value: (r) => stringOrNull(r.identity.backend) },
  { key: 'model', header: 'model', value: (r) => stringOrNull(r.identity.modelKey) },
  { key: 'identityHash', header: 'identity', value: (r) => r.identityHash || null },
  { key: 'reason', header: 'reason', value: (r) => r.reason },
];

function stringOrNull(v: unknown): string | null {
  return v === undefined || v === null ? null : String(v);
}
