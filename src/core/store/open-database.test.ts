import { createHash } from 'node:crypto';
import { closeSync, openSync, readdirSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../test/helpers/temp-dir';
import { RIGMARK_APPLICATION_ID } from './application-id';
import { LATEST_SCHEMA_VERSION, migrations } from './migrations';
import { openDatabase } from './open-database';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).reverse().forEach((c) => c()));
function tempFile(): string {
  const t = makeTempDir('rigmark-open-');
  cleanups.push(t.cleanup);
  return join(t.dir, 'rigmark.db');
}
const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Opening must fail with `code`, and leave the file byte-identical with nothing created beside it. */
function expectRefusedUntouched(file: string, code: string, message: RegExp): void {
  const before = sha256(file);
  const siblings = readdirSync(dirname(file)).sort();
  expect(() => openDatabase(file)).toThrow(expect.objectContaining({ code, message: expect.stringMatching(message) }));
  expect(sha256(file)).toBe(before);
  expect(readdirSync(dirname(file)).sort()).toEqual(siblings);
}

/** A database another application made, in the default rollback-journal mode. */
function foreignDatabase(file: string, setup: string): void {
  const db = new Database(file);
  db.exec(setup);
  db.close();
}

describe('openDatabase: recognising a Rigmark database', () => {
  it('stamps a new database with Rigmark\'s application id', () => {
    const file = tempFile();
    openDatabase(file).close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('application_id', { simple: true })).toBe(RIGMARK_APPLICATION_ID);
    db.close();
  });

  it('takes an empty (zero-byte) file at the data path as a new database', () => {
    const file = tempFile();
    writeFileSync(file, '');
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    db.close();
  });

  it("refuses another application's database at schema version 0 and leaves it byte-identical", () => {
    const file = tempFile();
    foreignDatabase(file, "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('keep me');");
    expectRefusedUntouched(file, 'NOT_RIGMARK', /another application.*holds tables Rigmark did not make: notes.*move it aside/);
  });

  it("refuses another application's database at schema version 1 (it has no Rigmark tables) untouched", () => {
    const file = tempFile();
    foreignDatabase(file, 'CREATE TABLE systems (x TEXT); CREATE TABLE contacts (name TEXT); PRAGMA user_version = 1;');
    expectRefusedUntouched(file, 'NOT_RIGMARK', /schema version 1 without Rigmark's tables.*move it aside/);
  });

  it('refuses a database carrying another application id, even with tables named like Rigmark\'s', () => {
    const file = tempFile();
    openDatabase(file, { migrations: migrations.slice(0, 1) }).close();
    const db = new Database(file);
    db.pragma('application_id = 305419896');
    db.pragma('journal_mode = DELETE');
    db.close();
    expectRefusedUntouched(file, 'NOT_RIGMARK', /application id is 305419896/);
  });

  it('refuses a newer Rigmark database untouched, naming both schema versions', () => {
    const file = tempFile();
    foreignDatabase(file, `PRAGMA application_id = ${RIGMARK_APPLICATION_ID}; PRAGMA user_version = 7;`);
    expectRefusedUntouched(file, 'NEWER_SCHEMA', new RegExp(`schema version 7; this Rigmark knows up to version ${LATEST_SCHEMA_VERSION}`));
  });
});

describe('openDatabase: damaged files', () => {
  it('refuses a database whose header is fine but whose pages are corrupt, in plain words, byte-identical', () => {
    const file = tempFile();
    const db = openDatabase(file);
    const insert = db.prepare('INSERT INTO settings (key, value_json) VALUES (?, ?)');
    for (let i = 0; i < 2000; i++) insert.run(`key-${i}`, JSON.stringify('x'.repeat(50)));
    db.close();
    const pageSize = 4096;
    const pages = statSync(file).size / pageSize;
    expect(pages).toBeGreaterThan(10);
    // Garbage over the middle pages (b-tree pages of the settings table), the header page left intact.
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(pageSize * 3, 0xa5), 0, pageSize * 3, pageSize * Math.floor(pages / 2));
    closeSync(fd);
    const header = new Database(file, { readonly: true });
    expect(header.pragma('application_id', { simple: true })).toBe(RIGMARK_APPLICATION_ID);
    header.close();
    expectRefusedUntouched(file, 'CORRUPT', /is damaged \(SQLite's check of its pages found: database disk image is malformed\)/);
    expect(() => openDatabase(file)).toThrow(/move it aside/);
  });
});

describe('migration 002: run owner, import hash, application id', () => {
  it('keeps every version-1 row, adopts the database (application id), and adds the new columns empty', () => {
    const file = tempFile();
    const v1 = openDatabase(file, { migrations: migrations.slice(0, 1) });
    expect(v1.pragma('application_id', { simple: true })).toBe(0);
    v1.prepare("INSERT INTO systems (id, hash, label, snapshot_json, first_seen_at) VALUES (1, 'h', 'Old box', '{}', '2025-01-01T00:00:00.000Z')").run();
    v1.prepare(
      "INSERT INTO runs (id, system_id, suite, status, request_json, app_version, owner_pid, started_at) VALUES (1, 1, 'quick', 'completed', '{}', '0.1.0', 42, '2025-01-01T00:00:00.000Z')",
    ).run();
    v1.close();

    const v2 = openDatabase(file);
    cleanups.push(() => v2.close());
    expect(v2.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(v2.pragma('application_id', { simple: true })).toBe(RIGMARK_APPLICATION_ID);
    expect(v2.prepare('SELECT id, suite, owner_pid, owner_token, owner_start, import_hash FROM runs').all()).toEqual([
      { id: 1, suite: 'quick', owner_pid: 42, owner_token: null, owner_start: null, import_hash: null },
    ]);
    const insert = v2.prepare(
      "INSERT INTO runs (system_id, suite, status, request_json, app_version, owner_pid, started_at, import_hash) VALUES (1, 'custom', 'completed', '{}', '0.1.0', 1, '2025-01-01T00:00:00.000Z', ?)",
    );
    insert.run(null);
    insert.run(null);
    insert.run('abc');
    expect(() => insert.run('abc')).toThrow(/UNIQUE constraint failed: runs.import_hash/);
  });
});
