import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadReference } from './load-reference';
import { parseUserReference } from './user-file';

const bundled = loadReference();
const fixture = (name: string): string => readFileSync(fileURLToPath(new URL(`../../../test/fixtures/reference/${name}`, import.meta.url)), 'utf8');
const fleet = JSON.parse(fixture('fleet.json')) as { records: Record<string, unknown>[]; cards: Record<string, unknown>[] };

/** fleet.json with one record changed. */
function withRecord(index: number, patch: (r: Record<string, unknown>) => Record<string, unknown>): string {
  return JSON.stringify({ ...fleet, records: fleet.records.map((r, i) => (i === index ? patch(structuredClone(r)) : r)) });
}

describe('parseUserReference', () => {
  it('reads a fleet file: its own card, a figure for an existing card, every source title labelled with the file', () => {
    const parsed = parseUserReference('fleet.json', fixture('fleet.json'), bundled);
    expect(parsed.cards.map((c) => c.key)).toEqual(['fleet-l40s']);
    expect(parsed.records.map((r) => r.gpuKey)).toEqual(['fleet-l40s', 'a100']);
    expect(parsed.records[1]?.sourceTitle).toBe('your file: fleet.json — Example fleet: nightly llama-bench, November 2026');
    expect(parsed.sourceText).toBe('Example fleet measurements (test fixture)');
  });

  it('names the record index, id and field of a malformed value', () => {
    const bad = withRecord(1, (r) => ({ ...r, value: '5890' }));
    expect(() => parseUserReference('fleet.json', bad, bundled)).toThrow(
      'fleet.json: reference record #1 (id fleet/a100/pp512): value: expected number, got string',
    );
  });

  it('names nested workload fields and missing fields', () => {
    const nested = withRecord(0, (r) => ({ ...r, workload: { ...(r['workload'] as object), promptTokens: 0 } }));
    expect(() => parseUserReference('fleet.json', nested, bundled)).toThrow(/^fleet\.json: reference record #0 \(id fleet\/l40s\/pp512\): workload\.promptTokens: /);
    const missing = withRecord(1, (r) => {
      delete r['sourceUrl'];
      return r;
    });
    expect(() => parseUserReference('fleet.json', missing, bundled)).toThrow(/record #1 .*sourceUrl: expected string, got undefined/);
  });

  it('refuses a figure for a card neither the catalogue nor the file defines, and a figure of zero', () => {
    expect(() => parseUserReference('fleet.json', withRecord(1, (r) => ({ ...r, gpuKey: 'rtx-9999' })), bundled)).toThrow(
      /record #1 .*gpuKey: no card 'rtx-9999' in the bundled catalogue or in this file's "cards"/,
    );
    expect(() => parseUserReference('fleet.json', withRecord(0, (r) => ({ ...r, value: 0 })), bundled)).toThrow(
      /record #0 .*value: expected a number above zero, got 0/,
    );
  });

  it('refuses ids the bundled dataset or the file itself has already', () => {
    const bundledId = bundled.records[0]?.id ?? '';
    expect(() => parseUserReference('fleet.json', withRecord(1, (r) => ({ ...r, id: bundledId })), bundled)).toThrow(
      `fleet.json: reference record #1 (id ${bundledId}): id: the bundled dataset has a record '${bundledId}' already`,
    );
    expect(() => parseUserReference('fleet.json', withRecord(1, (r) => ({ ...r, id: 'fleet/l40s/pp512' })), bundled)).toThrow(
      /record #1 .*id: duplicate of record #0/,
    );
  });

  it('refuses a card that redefines a bundled one, a malformed card, bad JSON and an empty file', () => {
    const redefined = JSON.stringify({ ...fleet, cards: [{ ...fleet.cards[0], key: 'a100' }] });
    expect(() => parseUserReference('fleet.json', redefined, bundled)).toThrow(/card #0 \(key a100\): key: the bundled catalogue has 'a100' already/);
    const badCard = JSON.stringify({ ...fleet, cards: [{ key: 'x' }] });
    expect(() => parseUserReference('fleet.json', badCard, bundled)).toThrow(/^fleet\.json: card #0: displayName: expected string, got undefined/);
    expect(() => parseUserReference('fleet.json', '{"records": [', bundled)).toThrow(/^fleet\.json: not valid JSON/);
    expect(() => parseUserReference('fleet.json', '{"records": []}', bundled)).toThrow('fleet.json: records: a reference file needs at least one record');
  });
});
