import {
  CardMetaSchema,
  ReferenceRecordSchema,
  type CardMeta,
  type ReferenceDataset,
  type ReferenceRecord,
} from '../../shared/domain/reference';
import { UserReferenceFileSchema, userReferenceLabel } from '../../shared/domain/user-reference';
import { formatIssues, recordLabel } from './issue-text';
import { ReferenceDataError } from './load-reference';

/** One user reference file, validated on its own against the bundled dataset. */
export interface ParsedUserFile {
  name: string;
  /** The file's own `sourceFile` text, or null. */
  sourceText: string | null;
  /** Every record, its `sourceTitle` prefixed with "your file: NAME — " so the file shows wherever the figure does. */
  records: ReferenceRecord[];
  /** Cards the file defines (none of them in the bundled catalogue). */
  cards: CardMeta[];
}

function parseJson(name: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ReferenceDataError(`${name}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}

function parseCards(name: string, rawCards: readonly unknown[], bundled: ReferenceDataset): CardMeta[] {
  const bundledKeys = new Set(bundled.cards.map((c) => c.key));
  const seen = new Set<string>();
  return rawCards.map((raw, index) => {
    const result = CardMetaSchema.safeParse(raw);
    if (!result.success) throw new ReferenceDataError(`${name}: card #${index}: ${formatIssues(result.error, raw)}`);
    const { key } = result.data;
    if (bundledKeys.has(key)) {
      throw new ReferenceDataError(
        `${name}: card #${index} (key ${key}): key: the bundled catalogue has '${key}' already; leave it out of "cards" and use the key in the records`,
      );
    }
    if (seen.has(key)) throw new ReferenceDataError(`${name}: card #${index} (key ${key}): key: appears twice in this file`);
    seen.add(key);
    return result.data;
  });
}

function checkRecord(record: ReferenceRecord, cardKeys: ReadonlySet<string>, bundledIds: ReadonlySet<string>): string | null {
  if (bundledIds.has(record.id)) return `id: the bundled dataset has a record '${record.id}' already`;
  if (!cardKeys.has(record.gpuKey)) return `gpuKey: no card '${record.gpuKey}' in the bundled catalogue or in this file's "cards"`;
  // A zero or negative figure cannot enter a ratio: refuse it here rather than show an empty comparison later.
  if (!(record.value > 0)) return `value: expected a number above zero, got ${record.value}`;
  return null;
}

function labelled(name: string, record: ReferenceRecord): ReferenceRecord {
  const label = userReferenceLabel(name);
  return { ...record, sourceTitle: record.sourceTitle.trim() === '' ? label : `${label} — ${record.sourceTitle}` };
}

/**
 * Validates a user's reference file (the bundled `figures.json` format, optional `cards`) as a whole: the first
 * problem throws `ReferenceDataError` naming the file, the record index and id, and the field ("fleet.json:
 * reference record #3 (id fleet/tg128): value: expected number, got string"), so nothing of a bad file is used.
 * Checks against the bundled dataset only; clashes between two user files are the library's to find.
 */
export function parseUserReference(name: string, text: string, bundled: ReferenceDataset): ParsedUserFile {
  const json = parseJson(name, text);
  const envelope = UserReferenceFileSchema.safeParse(json);
  if (!envelope.success) throw new ReferenceDataError(`${name}: ${formatIssues(envelope.error, json)}`);
  const cards = parseCards(name, envelope.data.cards ?? [], bundled);
  const cardKeys = new Set([...bundled.cards.map((c) => c.key), ...cards.map((c) => c.key)]);
  const bundledIds = new Set(bundled.records.map((r) => r.id));
  const firstIndexById = new Map<string, number>();
  const records = envelope.data.records.map((raw, index) => {
    const result = ReferenceRecordSchema.safeParse(raw);
    if (!result.success) throw new ReferenceDataError(`${name}: ${recordLabel(index, raw)}: ${formatIssues(result.error, raw)}`);
    const earlier = firstIndexById.get(result.data.id);
    const problem = earlier === undefined ? checkRecord(result.data, cardKeys, bundledIds) : `id: duplicate of record #${earlier}`;
    if (problem !== null) throw new ReferenceDataError(`${name}: ${recordLabel(index, raw)}: ${problem}`);
    firstIndexById.set(result.data.id, index);
    return labelled(name, result.data);
  });
  const sourceText = envelope.data.sourceFile?.trim() || null;
  return { name, sourceText, records, cards };
}
