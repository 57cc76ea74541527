import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../test/helpers/temp-dir';
import { RIGMARK_APPLICATION_ID } from './application-id';
import { LATEST_SCHEMA_VERSION, migrations } from './migrations';
import { openDatabase } from './open-database';
import { createStore } from './store';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).reverse().forEach((c) => c()));
function tempFile(): string {
  const t = makeTempDir('rigmark-store-');
  cleanups.push(t.cleanup);
  return join(t.dir, 'rigmark.db');
}

describe('database open and migrations', () => {
  it('creates every table as STRICT, in WAL mode, at the latest schema version', () => {
    const db = openDatabase(tempFile());
    cleanups.push(() => db.close());
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const tables = db.prepare<[], { name: string; strict: number }>("SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%'").all();
    expect(tables.map((t) => t.name).sort()).toEqual(['devices', 'model_hashes', 'results', 'runs', 'samples', 'settings', 'systems', 'telemetry']);
    expect(tables.every((t) => t.strict === 1)).toBe(true);
  });

  it('applies each migration in order, and a failing migration leaves the database at the previous version', () => {
    const file = tempFile();
    openDatabase(file).close();
    const broken = [...migrations, { version: migrations.length + 1, name: 'broken', sql: 'CREATE TABLE ok_table (x INTEGER) STRICT; THIS IS NOT SQL;' }];
    expect(() => openDatabase(file, { migrations: broken })).toThrow(/Could not open the database/);
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(db.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'ok_table'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('refuses a newer database before writing anything to it', () => {
    const file = tempFile();
    const db = new Database(file);
    // A newer Rigmark's database carries Rigmark's application id (a file without it is another application's).
    db.pragma(`application_id = ${RIGMARK_APPLICATION_ID}`);
    db.pragma('user_version = 7');
    db.close();
    const before = createHash('sha256').update(readFileSync(file)).digest('hex');
    expect(() => openDatabase(file)).toThrow(expect.objectContaining({ code: 'NEWER_SCHEMA' }));
    expect(createHash('sha256').update(readFileSync(file)).digest('hex')).toBe(before);
  });

  it('reports a database locked by another writer as LOCKED with a plain message', () => {
    const file = tempFile();
    openDatabase(file).close();
    const holder = new Database(file);
    holder.exec('BEGIN EXCLUSIVE');
    cleanups.push(() => holder.close());
    expect(() => openDatabase(file, { busyTimeoutMs: 50 })).toThrow(expect.objectContaining({ code: 'LOCKED' }));
  });
});

describe('hot queries use their indexes', () => {
  it('results of a run and a benchmark history are index lookups, not scans', () => {
    const store = createStore(tempFile());
    cleanups.push(() => store.close());
    const plan = (sql: string) => store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all().map((r) => (r as { detail: string }).detail).join('\n');
    expect(plan('SELECT * FROM results WHERE run_id = 1 ORDER BY ordinal')).toMatch(/USING INDEX results_by_run/);
    expect(plan("SELECT * FROM results WHERE benchmark_id = 'x' ORDER BY run_id DESC")).toMatch(/USING INDEX results_by_benchmark/);
    expect(plan('SELECT * FROM telemetry WHERE result_id = 1 ORDER BY t_ms')).toMatch(/USING INDEX telemetry_by_result/);
    expect(plan('SELECT * FROM samples WHERE result_id = 1 ORDER BY sample_index')).toMatch(/USING INDEX sqlite_autoindex_samples/);
  });
});

describe('settings', () => {
  it('returns defaults, stores a patch, and falls back per key when a stored value no longer validates', () => {
    const store = createStore(tempFile());
    cleanups.push(() => store.close());
    expect(store.settings.get().ollamaEndpoint).toBe('http://127.0.0.1:11434');
    store.settings.update({ theme: 'light', modelFolders: ['/models'] });
    expect(store.settings.get()).toMatchObject({ theme: 'light', modelFolders: ['/models'] });
    store.db.prepare("UPDATE settings SET value_json = '\"purple\"' WHERE key = 'theme'").run();
    expect(store.settings.get()).toMatchObject({ theme: 'dark', modelFolders: ['/models'] });
  });
});
