import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import {
  CardsFileSchema,
  FiguresFileSchema,
  ReferenceRecordSchema,
  type ReferenceDataset,
  type ReferenceRecord,
} from '../../shared/domain/reference';

/** Thrown when the bundled dataset is malformed; the message names the record and the field path. */
export class ReferenceDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReferenceDataError';
  }
}

export const FIGURES_FILE = 'figures.json';
export const CARDS_FILE = 'cards.json';

export interface LoadReferenceOptions {
  /** Folder holding figures.json and cards.json. Default: `defaultReferenceDir()`. */
  dir?: string;
}

/**
 * `RIGMARK_REFERENCE_DIR`, else the nearest `resources/reference` above this module. That finds the folder from
 * the sources (tests, CLI via tsx) and from the electron-vite output under `out/`; a packaged app passes `dir`
 * (its `process.resourcesPath`) explicitly.
 */
export function defaultReferenceDir(): string {
  const fromEnv = process.env['RIGMARK_REFERENCE_DIR'];
  if (fromEnv) return resolve(fromEnv);
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'resources', 'reference');
    if (existsSync(join(candidate, FIGURES_FILE))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new ReferenceDataError('reference dataset not found: set RIGMARK_REFERENCE_DIR');
    dir = parent;
  }
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current = root;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return typeof value;
}

/** "value: expected number, got string" — one line per zod issue. */
function formatIssues(error: z.ZodError, input: unknown): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.length > 0 ? issue.path.join('.') : '(root)';
      const detail =
        issue.code === 'invalid_type'
          ? `expected ${issue.expected}, got ${describe(valueAt(input, issue.path))}`
          : issue.message;
      return `${path}: ${detail}`;
    })
    .join('; ');
}

function recordLabel(index: number, raw: unknown): string {
  const id = valueAt(raw, ['id']);
  return `reference record #${index} (id ${typeof id === 'string' ? id : 'unknown'})`;
}

function parseRecords(rawRecords: readonly unknown[], cardKeys: ReadonlySet<string>): ReferenceRecord[] {
  const firstIndexById = new Map<string, number>();
  return rawRecords.map((raw, index) => {
    const result = ReferenceRecordSchema.safeParse(raw);
    if (!result.success) throw new ReferenceDataError(`${recordLabel(index, raw)}: ${formatIssues(result.error, raw)}`);
    const record = result.data;
    const earlier = firstIndexById.get(record.id);
    if (earlier !== undefined) {
      throw new ReferenceDataError(`${recordLabel(index, raw)}: id: duplicate of record #${earlier}`);
    }
    firstIndexById.set(record.id, index);
    if (!cardKeys.has(record.gpuKey)) {
      throw new ReferenceDataError(`${recordLabel(index, raw)}: gpuKey: no card '${record.gpuKey}' in ${CARDS_FILE}`);
    }
    return record;
  });
}

/**
 * Validates the two parsed JSON files and returns the dataset. Throws `ReferenceDataError` naming the record
 * index, id and field path of the first malformed record ("reference record #12 (id …): value: expected number,
 * got string").
 */
export function parseReference(figuresJson: unknown, cardsJson: unknown): ReferenceDataset {
  const cardsFile = CardsFileSchema.safeParse(cardsJson);
  if (!cardsFile.success) throw new ReferenceDataError(`reference cards: ${formatIssues(cardsFile.error, cardsJson)}`);
  const cardKeys = new Set<string>();
  for (const card of cardsFile.data.cards) {
    if (cardKeys.has(card.key)) throw new ReferenceDataError(`reference cards: key '${card.key}' appears twice`);
    cardKeys.add(card.key);
  }
  const envelope = FiguresFileSchema.safeParse(figuresJson);
  if (!envelope.success) {
    throw new ReferenceDataError(`reference dataset: ${formatIssues(envelope.error, figuresJson)}`);
  }
  const { records, ...meta } = envelope.data;
  return { ...meta, records: parseRecords(records, cardKeys), cards: cardsFile.data.cards };
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ReferenceDataError(`cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

const cache = new Map<string, ReferenceDataset>();

/**
 * Loads and validates the bundled reference dataset once per folder, then serves it from memory. Call at start
 * so a malformed dataset fails loudly before any comparison. Throws `ReferenceDataError`.
 */
export function loadReference(options: LoadReferenceOptions = {}): ReferenceDataset {
  const dir = resolve(options.dir ?? defaultReferenceDir());
  const cached = cache.get(dir);
  if (cached) return cached;
  const dataset = parseReference(readJson(join(dir, FIGURES_FILE)), readJson(join(dir, CARDS_FILE)));
  cache.set(dir, dataset);
  return dataset;
}

/** Forgets cached datasets (tests, or after the files were replaced). */
export function clearReferenceCache(): void {
  cache.clear();
}
