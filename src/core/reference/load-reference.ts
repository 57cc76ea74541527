import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CardsFileSchema,
  FiguresFileSchema,
  ReferenceRecordSchema,
  type ReferenceDataset,
  type ReferenceRecord,
} from '../../shared/domain/reference';
import { formatIssues, recordLabel } from './issue-text';

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

const cache = new Map<string, { signature: string; dataset: ReferenceDataset }>();

/** Inode, modification time and size of each file: a replaced or edited file is read again, an unchanged one is not. */
export function fileSignature(paths: readonly string[]): string {
  return paths
    .map((path) => {
      try {
        const stat = statSync(path);
        return `${stat.ino}:${stat.mtimeMs}:${stat.size}`;
      } catch {
        return 'missing';
      }
    })
    .join('|');
}

/**
 * Loads and validates the bundled reference dataset, then serves it from memory until either file changes (by
 * modification time or size). Call at start so a malformed dataset fails loudly before any comparison.
 * Throws `ReferenceDataError`.
 */
export function loadReference(options: LoadReferenceOptions = {}): ReferenceDataset {
  const dir = resolve(options.dir ?? defaultReferenceDir());
  const files = [join(dir, FIGURES_FILE), join(dir, CARDS_FILE)];
  const signature = fileSignature(files);
  const cached = cache.get(dir);
  if (cached?.signature === signature) return cached.dataset;
  const dataset = parseReference(readJson(join(dir, FIGURES_FILE)), readJson(join(dir, CARDS_FILE)));
  cache.set(dir, { signature, dataset });
  return dataset;
}

/** Forgets cached datasets (tests, or after the files were replaced). */
export function clearReferenceCache(): void {
  cache.clear();
}
