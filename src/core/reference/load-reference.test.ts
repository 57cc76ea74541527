import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../test/helpers/temp-dir';
import {
  CARDS_FILE,
  clearReferenceCache,
  defaultReferenceDir,
  FIGURES_FILE,
  loadReference,
  parseReference,
  ReferenceDataError,
} from './load-reference';

const dir = defaultReferenceDir();
const figures = JSON.parse(readFileSync(join(dir, FIGURES_FILE), 'utf8')) as { records: Record<string, unknown>[] };
const cards: unknown = JSON.parse(readFileSync(join(dir, CARDS_FILE), 'utf8'));

/** The bundled figures with one record replaced. */
function withRecord(index: number, patch: (record: Record<string, unknown>) => Record<string, unknown>) {
  const records = figures.records.map((r, i) => (i === index ? patch(structuredClone(r)) : r));
  return { ...figures, records };
}

describe('loadReference', () => {
  afterEach(() => clearReferenceCache());

  it('loads and validates the bundled dataset: 670 figures and a card for every gpuKey', () => {
    const dataset = loadReference();
    expect(dataset.records).toHaveLength(670);
    const keys = new Set(dataset.cards.map((c) => c.key));
    for (const record of dataset.records) expect(keys.has(record.gpuKey)).toBe(true);
    expect(dataset.generatedAt).toBe('2026-11-27');
  });

  it('parses once and serves the cached dataset afterwards', () => {
    expect(loadReference()).toBe(loadReference());
    expect(loadReference({ dir })).toBe(loadReference());
  });

  it('reads another folder when given one, and reports a missing file by path', () => {
    const temp = makeTempDir();
    try {
      expect(() => loadReference({ dir: temp.dir })).toThrow(ReferenceDataError);
      expect(() => loadReference({ dir: temp.dir })).toThrow(/cannot read .*figures\.json/);
      writeFileSync(join(temp.dir, FIGURES_FILE), JSON.stringify(figures));
      writeFileSync(join(temp.dir, CARDS_FILE), JSON.stringify(cards));
      expect(loadReference({ dir: temp.dir }).records).toHaveLength(670);
    } finally {
      temp.cleanup();
    }
  });
});

describe('parseReference', () => {
  it('names the record index, id and field path of a malformed value', () => {
    const bad = withRecord(12, (r) => ({ ...r, value: '826' }));
    const id = String(figures.records[12]?.['id']);
    expect(() => parseReference(bad, cards)).toThrow(
      `reference record #12 (id ${id}): value: expected number, got string`,
    );
  });

  it('names nested paths inside the workload', () => {
    const bad = withRecord(3, (r) => ({ ...r, workload: { ...(r['workload'] as object), genTokens: -5 } }));
    expect(() => parseReference(bad, cards)).toThrow(/reference record #3 \(id .*\): workload\.genTokens: /);
  });

  it('rejects non-finite values and missing fields', () => {
    expect(() => parseReference(withRecord(0, (r) => ({ ...r, value: null })), cards)).toThrow(
      /#0 .*value: expected number, got null/,
    );
    expect(() =>
      parseReference(
        withRecord(5, (r) => {
          delete r['sourceUrl'];
          return r;
        }),
        cards,
      ),
    ).toThrow(/#5 .*sourceUrl: expected string, got undefined/);
  });

  it('rejects duplicate ids and figures for cards the catalogue lacks', () => {
    const duplicate = withRecord(7, (r) => ({ ...r, id: figures.records[2]?.['id'] }));
    expect(() => parseReference(duplicate, cards)).toThrow(/#7 .*id: duplicate of record #2/);
    const unknown = withRecord(9, (r) => ({ ...r, gpuKey: 'rtx-9999' }));
    expect(() => parseReference(unknown, cards)).toThrow(/#9 .*gpuKey: no card 'rtx-9999'/);
  });

  it('rejects a malformed envelope or card catalogue', () => {
    expect(() => parseReference({ ...figures, datasetVersion: 3 }, cards)).toThrow(
      'reference dataset: datasetVersion: expected string, got number',
    );
    expect(() => parseReference(figures, { cards: [{ key: 'x' }] })).toThrow(/reference cards: cards\.0\.displayName/);
  });
});
