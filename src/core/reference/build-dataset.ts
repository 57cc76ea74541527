import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { ReferenceRecord } from '../../shared/domain/reference';
import { deriveWorkload } from './derive-workload';
import { RawFigureSchema, type RawFigure } from './raw-figure';
import { derivePublishedOn } from './source-dates';

/** What the conversion writes to `resources/reference/figures.json`. */
export interface FiguresFile {
  datasetVersion: string;
  generatedAt: string;
  sourceFile: string;
  sourceSha256: string;
  records: ReferenceRecord[];
}

export interface BuildOptions {
  datasetVersion: string;
  /** The source file's date, fixed so a rebuild is byte-identical. */
  generatedAt: string;
  sourceFile: string;
}

/** JSON with keys sorted at every level, so a record's hash does not depend on key order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Stable id from the record's content (not its position), so ids survive reordering and additions to the
 * source. Identical records get `-2`, `-3`… in file order.
 */
function recordId(raw: RawFigure, used: Map<string, number>): string {
  const base = `${raw.gpu_key}/${raw.benchmark_id}/${sha256(canonicalJson(raw)).slice(0, 8)}`;
  const seen = used.get(base) ?? 0;
  used.set(base, seen + 1);
  return seen === 0 ? base : `${base}-${seen + 1}`;
}

function convertRecord(raw: RawFigure, sourceIndex: number, id: string): ReferenceRecord {
  return {
    id,
    sourceIndex,
    gpu: raw.gpu,
    gpuVariant: raw.gpu_variant,
    gpuKey: raw.gpu_key,
    suite: raw.suite,
    benchmarkId: raw.benchmark_id,
    model: raw.model,
    settings: raw.settings,
    metric: raw.metric,
    unit: raw.unit,
    higherIsBetter: raw.higher_is_better,
    value: raw.value,
    valueAsPublished: raw.value_as_published,
    sourceUrl: raw.source_url,
    sourceTitle: raw.source_title,
    sourceKind: raw.source_kind,
    note: raw.note,
    ...derivePublishedOn(raw),
    workload: deriveWorkload(raw),
  };
}

/**
 * Converts the raw `public-figures.json` text into Rigmark's dataset. Every provenance field is kept (camelCased);
 * ids, dates and workload identities are derived. Throws naming the record index and field on bad input.
 */
export function buildDataset(sourceText: string, options: BuildOptions): FiguresFile {
  const parsed: unknown = JSON.parse(sourceText);
  const rawRecords = z.array(z.unknown()).parse(parsed);
  const used = new Map<string, number>();
  const records = rawRecords.map((value, index) => {
    const result = RawFigureSchema.safeParse(value);
    if (!result.success) {
      const first = result.error.issues[0];
      throw new Error(`source record #${index}: ${first?.path.join('.') ?? ''}: ${first?.message ?? 'invalid'}`);
    }
    return convertRecord(result.data, index, recordId(result.data, used));
  });
  return {
    datasetVersion: options.datasetVersion,
    generatedAt: options.generatedAt,
    sourceFile: options.sourceFile,
    sourceSha256: sha256(sourceText),
    records,
  };
}

/** The dataset as written to disk: two-space JSON with a final newline. */
export function serialiseFigures(file: FiguresFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}
