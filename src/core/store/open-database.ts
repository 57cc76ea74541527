import Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { RigmarkError, errorMessage } from '../errors';
import { assertOpenableRigmarkDatabase } from './identify-database';
import { LATEST_SCHEMA_VERSION, migrations, type Migration } from './migrations';

export type Db = Database.Database;

export interface OpenDatabaseOptions {
  /** Path to a better_sqlite3.node built for another ABI (Electron); Node's own build is used otherwise. */
  nativeBinding?: string;
  /** Migrations to apply (tests pass their own list). */
  migrations?: readonly Migration[];
  /** How long to wait for another process's write lock before failing. */
  busyTimeoutMs?: number;
}

/**
 * Opens (creating if needed) and migrates the Rigmark database.
 *
 * An existing file that is damaged, another application's, or written by a newer Rigmark is refused before
 * anything is written to it — it is checked through a read-only connection first, so it stays byte-identical.
 * Errors are `RigmarkError`s with codes `NEWER_SCHEMA`, `NOT_RIGMARK`, `LOCKED`, `DISK_FULL`, `CORRUPT` or
 * `OPEN_FAILED`.
 */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Db {
  const list = options.migrations ?? migrations;
  const latest = options.migrations ? list.length : LATEST_SCHEMA_VERSION;
  if (existsSync(file)) {
    try {
      assertOpenableRigmarkDatabase(file, latest, options.nativeBinding);
    } catch (error) {
      throw toStoreError(error, file);
    }
  }
  mkdirSync(dirname(file), { recursive: true });
  let db: Db | undefined;
  try {
    db = new Database(file, { nativeBinding: options.nativeBinding, timeout: options.busyTimeoutMs ?? 5000 });
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    migrate(db, list);
    // Take the write lock once now: a database held by another writer fails here with a clear LOCKED error,
    // not halfway through a run.
    db.exec('BEGIN IMMEDIATE; COMMIT');
    return db;
  } catch (error) {
    db?.close();
    throw toStoreError(error, file);
  }
}

/**
 * Applies pending migrations in one transaction: either all of them land or none does. Foreign keys are off
 * while they run (SQLite's procedure for rebuilding a table: a DROP of the old table must not cascade into the
 * rows that reference it) and checked before the transaction commits.
 */
function migrate(db: Db, list: readonly Migration[]): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const pending = list.filter((m) => m.version > current);
  if (pending.length === 0) return;
  db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      for (const m of pending) {
        db.exec(m.sql);
        db.pragma(`user_version = ${m.version}`);
      }
      const broken = db.pragma('foreign_key_check') as unknown[];
      if (broken.length > 0) throw new Error(`migration left ${broken.length} rows with a broken reference`);
    }).immediate();
  } finally {
    db.pragma('foreign_keys = ON');
  }
}

function toStoreError(error: unknown, file: string): Error {
  if (error instanceof RigmarkError) return error;
  const code = (error as { code?: string }).code ?? '';
  const message = errorMessage(error);
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new RigmarkError('LOCKED', `The database ${file} is locked by another process (${message}). Close other Rigmark windows or commands and try again.`);
  }
  if (code === 'SQLITE_FULL') {
    return new RigmarkError('DISK_FULL', `The disk holding ${file} is full: nothing was written. Free some space and try again.`);
  }
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
    return new RigmarkError(
      'CORRUPT',
      `${file} is not a readable Rigmark database (${message}). It was left exactly as it is: move it aside (rename it) ` +
        'and Rigmark will start a new database there, or set RIGMARK_DATA_DIR to use another folder.',
    );
  }
  return new RigmarkError('OPEN_FAILED', `Could not open the database ${file}: ${message}`);
}
