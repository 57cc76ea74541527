import Database from 'better-sqlite3';
import { RigmarkError, errorMessage } from '../errors';
import { RIGMARK_APPLICATION_ID, RIGMARK_V1_TABLES } from './application-id';

/** What the read-only look at an existing file found, before anything may write to it. */
interface Header {
  userVersion: number;
  applicationId: number;
  tables: Set<string>;
  /** `PRAGMA quick_check`'s first findings; `['ok']` for a sound file. */
  check: string[];
}

function readHeader(file: string, nativeBinding: string | undefined): Header {
  const ro = new Database(file, { readonly: true, fileMustExist: true, nativeBinding });
  try {
    const userVersion = ro.pragma('user_version', { simple: true }) as number;
    const applicationId = ro.pragma('application_id', { simple: true }) as number;
    // quick_check reads every page (O(size), a few hundred ms for a large history) and finds the damage that would
    // otherwise surface mid-run as a bare "database disk image is malformed", after a run row was already written.
    const check = quickCheck(ro);
    const tables = new Set(
      ro.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all().map((r) => r.name),
    );
    return { userVersion, applicationId, tables, check };
  } finally {
    ro.close();
  }
}

/** `PRAGMA quick_check`'s findings; damage bad enough to stop the check itself is reported as one finding. */
function quickCheck(ro: Database.Database): string[] {
  try {
    return ro.prepare<[], { quick_check: string }>('PRAGMA quick_check(5)').all().map((r) => r.quick_check);
  } catch (error) {
    if (!String((error as { code?: unknown }).code).startsWith('SQLITE_CORRUPT')) throw error;
    return [errorMessage(error)];
  }
}

const moveAside = 'It was left exactly as it is: move it aside (rename it, e.g. to rigmark.db.old) and Rigmark will start a new database there, or set RIGMARK_DATA_DIR to use another folder.';

function foreign(file: string, why: string): RigmarkError {
  return new RigmarkError('NOT_RIGMARK', `${file} is an SQLite database of another application, not Rigmark's (${why}). ${moveAside}`);
}

/**
 * Checks an existing file through a read-only connection, so a file that is refused stays byte-identical: it must
 * be sound (`quick_check`), be Rigmark's (its application id; or, written before Rigmark set one, Rigmark's tables
 * at schema version ≥ 1; or an empty database) and not be newer than `latest`.
 * @throws RigmarkError CORRUPT, NOT_RIGMARK or NEWER_SCHEMA; SQLite's own errors (not a database, locked) as thrown.
 */
export function assertOpenableRigmarkDatabase(file: string, latest: number, nativeBinding: string | undefined): void {
  const h = readHeader(file, nativeBinding);
  if (h.check.length !== 1 || h.check[0] !== 'ok') {
    throw new RigmarkError(
      'CORRUPT',
      `The database ${file} is damaged (SQLite's check of its pages found: ${h.check.join('; ')}). Rigmark will not write to it. ${moveAside} ` +
        'The old file can still be inspected or partly recovered with “sqlite3 rigmark.db .recover”.',
    );
  }
  const hasRigmarkTables = RIGMARK_V1_TABLES.every((t) => h.tables.has(t));
  if (h.applicationId !== RIGMARK_APPLICATION_ID) {
    if (h.applicationId !== 0) throw foreign(file, `its application id is ${h.applicationId}`);
    if (h.userVersion === 0 && h.tables.size > 0) throw foreign(file, `it holds tables Rigmark did not make: ${[...h.tables].slice(0, 5).join(', ')}`);
    if (h.userVersion > 0 && !hasRigmarkTables) throw foreign(file, `schema version ${h.userVersion} without Rigmark's tables`);
    // Left: an empty database (Rigmark creates its tables) or a Rigmark database from before the application id
    // (migration 002 stamps it).
  }
  if (h.userVersion > latest) {
    throw new RigmarkError(
      'NEWER_SCHEMA',
      `The database ${file} was written by a newer Rigmark (schema version ${h.userVersion}; this Rigmark knows up to ` +
        `version ${latest}). It was left untouched: update Rigmark, or set RIGMARK_DATA_DIR to use another folder.`,
    );
  }
}
