import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../test/helpers/temp-dir';
import { RigmarkError } from '../errors';
import { loadReference } from './load-reference';
import { createReferenceLibrary, type ReferenceLibrary } from './reference-library';

const fixture = (name: string): string => readFileSync(fileURLToPath(new URL(`../../../test/fixtures/reference/${name}`, import.meta.url)), 'utf8');
const bundledCount = loadReference().records.length;

function codeOf(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (error) {
    return error instanceof RigmarkError ? `${error.code}: ${error.message}` : `not a RigmarkError: ${String(error)}`;
  }
}

describe('createReferenceLibrary', () => {
  let temp: { dir: string; cleanup: () => void };
  let userDir: string;
  let library: ReferenceLibrary;
  beforeEach(() => {
    temp = makeTempDir('rigmark-reference-');
    userDir = join(temp.dir, 'reference');
    library = createReferenceLibrary({ userDir });
  });
  afterEach(() => temp.cleanup());

  it('serves the bundled dataset alone while the data dir has no reference folder', () => {
    expect(library.dataset().records).toHaveLength(bundledCount);
    expect(library.files()).toEqual([]);
  });

  it('keeps an added file in <dataDir>/reference and loads its figures and new card beside the bundled ones', () => {
    const info = library.add('fleet.json', fixture('fleet.json'));
    expect(info).toMatchObject({ name: 'fleet.json', status: 'loaded', recordCount: 2, newCardKeys: ['fleet-l40s'], sourceLabel: 'your file: fleet.json' });
    expect(readFileSync(join(userDir, 'fleet.json'), 'utf8')).toBe(fixture('fleet.json'));
    const dataset = library.dataset();
    expect(dataset.records).toHaveLength(bundledCount + 2);
    expect(dataset.cards.some((c) => c.key === 'fleet-l40s')).toBe(true);
    expect(dataset.records.find((r) => r.id === 'fleet/a100/pp512')?.sourceTitle).toMatch(/^your file: fleet\.json — /);
  });

  it('reuses the merged dataset until a file changes on disk, then reads it again', () => {
    library.add('fleet.json', fixture('fleet.json'));
    const first = library.dataset();
    expect(library.dataset()).toBe(first);
    const edited = JSON.parse(fixture('fleet.json')) as { records: { value: number }[] };
    edited.records[1]!.value = 6000.5;
    writeFileSync(join(userDir, 'fleet.json'), JSON.stringify(edited));
    const second = library.dataset();
    expect(second).not.toBe(first);
    expect(second.records.find((r) => r.id === 'fleet/a100/pp512')?.value).toBe(6000.5);
  });

  it('refuses a malformed file with record and field named, and writes nothing', () => {
    const bad = fixture('fleet.json').replace('"value": 5890.25', '"value": "fast"');
    expect(codeOf(() => library.add('fleet.json', bad))).toBe(
      'BAD_INPUT: fleet.json: reference record #1 (id fleet/a100/pp512): value: expected number, got string — the file was not added',
    );
    expect(existsSync(userDir)).toBe(false);
    expect(library.dataset().records).toHaveLength(bundledCount);
  });

  it('refuses a second file of the same name unless asked to replace it', () => {
    library.add('fleet.json', fixture('fleet.json'));
    expect(codeOf(() => library.add('fleet.json', fixture('fleet.json')))).toMatch(/^CONFLICT: fleet\.json is added already/);
    const info = library.add('fleet.json', fixture('tiny-llamacpp.json'), { replace: true });
    expect(info.recordCount).toBe(6);
    expect(library.dataset().records.some((r) => r.id === 'fleet/a100/pp512')).toBe(false);
  });

  it('refuses a file whose ids or new cards another added file has', () => {
    library.add('fleet.json', fixture('fleet.json'));
    expect(codeOf(() => library.add('fleet-copy.json', fixture('fleet.json')))).toBe(
      "BAD_INPUT: fleet-copy.json: card #0 (key fleet-l40s): key: fleet.json defines 'fleet-l40s' already — the file was not added",
    );
    expect(readdirSync(userDir)).toEqual(['fleet.json']);
  });

  it('lists a file edited by hand into a broken state as refused and still loads the others', () => {
    library.add('tiny.json', fixture('tiny-llamacpp.json'));
    library.add('fleet.json', fixture('fleet.json'));
    writeFileSync(join(userDir, 'fleet.json'), '{"records": [{"id": 1}]}');
    const files = library.files();
    expect(files.find((f) => f.name === 'fleet.json')).toMatchObject({ status: 'refused', recordCount: 0 });
    expect(files.find((f) => f.name === 'fleet.json')?.problem).toMatch(/^fleet\.json: reference record #0 \(id unknown\): id: expected string, got number/);
    expect(files.find((f) => f.name === 'tiny.json')).toMatchObject({ status: 'loaded', recordCount: 6 });
    expect(library.dataset().records).toHaveLength(bundledCount + 6);
  });

  it('removes a file by name and answers NOT_FOUND for one it does not have', () => {
    library.add('fleet.json', fixture('fleet.json'));
    library.remove('fleet.json');
    expect(library.files()).toEqual([]);
    expect(library.dataset().records).toHaveLength(bundledCount);
    expect(codeOf(() => library.remove('fleet.json'))).toMatch(/^NOT_FOUND: no reference file fleet\.json/);
  });

  it('refuses names that could leave the reference folder or are not JSON files', () => {
    for (const name of ['../fleet.json', 'a/b.json', '.hidden.json', 'fleet.txt', 'x..json']) {
      expect(codeOf(() => library.add(name, fixture('fleet.json'))), name).toMatch(/^BAD_INPUT: /);
    }
    expect(existsSync(userDir)).toBe(false);
  });
});
