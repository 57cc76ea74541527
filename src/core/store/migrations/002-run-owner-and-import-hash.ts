import { RIGMARK_APPLICATION_ID } from '../application-id';

/**
 * Who owns a running run, beyond its PID (a PID is reused once its process dies), and which export an imported run
 * came from. `owner_token` is random per process; `owner_start` is the owner's start instant as the OS tells it
 * (Linux: boot id and `/proc/<pid>/stat` start time), null where the OS gives none. `import_hash` is the sha256 of
 * the normalised export, unique so the same export is never imported twice. Also stamps the Rigmark application id.
 */
export const migration002 = {
  version: 2,
  name: 'run-owner-and-import-hash',
  sql: `
ALTER TABLE runs ADD COLUMN owner_token TEXT;
ALTER TABLE runs ADD COLUMN owner_start TEXT;
ALTER TABLE runs ADD COLUMN import_hash TEXT;
CREATE UNIQUE INDEX runs_by_import_hash ON runs (import_hash) WHERE import_hash IS NOT NULL;
PRAGMA application_id = ${RIGMARK_APPLICATION_ID};
`,
} as const;
