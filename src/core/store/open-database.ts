import Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { RigmarkError, errorMessage } from '../errors';
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
 * A database written by a newer Rigmark is refused before anything is written to it — it is opened read-only
 * for the version check, so the file stays byte-identical. Errors are `RigmarkError`s with codes
 * `NEWER_SCHEMA`, `LOCKED`, `DISK_FULL`, `CORRUPT` or `OPEN_FAILED`.
 */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Db {
  const list = options.migrations ?? migrations;
  const latest = options.migrations ? list.length : LATEST_SCHEMA_VERSION;
  if (existsSync(file)) assertNotNewer(file, latest, options.nativeBinding);
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

function assertNotNewer(file: string, latest: number, nativeBinding: string | undefined): void {
  let version: number;
  try {
    const ro = new Database(file, { readonly: true, fileMustExist: true, nativeBinding });
    try {
      version = ro.pragma('user_version', { simple: true }) as number;
    } finally {
      ro.close();
    }
  } catch (error) {
    throw toStoreError(error, file);
  }
  if (version > latest) {
    throw new RigmarkError(
      'NEWER_SCHEMA',
      `The database ${file} was written by a newer Rigmark (schema version ${version}; this Rigmark knows up to ` +
        `version ${latest}). It was left untouched: update Rigmark, or set RIGMARK_DATA_DIR to use another folder.`,
    );
  }
}

/** Applies pending migrations in one transaction: either all of them land or none does. */
function migrate(db: Db, list: readonly Migration[]): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const pending = list.filter((m) => m.version > current);
  if (pending.length === 0) return;
  db.transaction(() => {
    for (const m of pending) {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }
  }).immediate();
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
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    return new RigmarkError('CORRUPT', `${file} is not a readable Rigmark database (${message}). It was left as it is; move it aside to start afresh.`);
  }
  return new RigmarkError('OPEN_FAILED', `Could not open the database ${file}: ${message}`);
}
