/**
 * A run can now end `failed` with a reason (its database stayed locked or the disk filled mid-run). SQLite cannot
 * change a CHECK constraint in place, so `runs` is rebuilt (SQLite's documented procedure; `migrate` turns foreign
 * keys off around it, so results that reference runs are kept as they are).
 */
export const migration003 = {
  version: 3,
  name: 'run-failure',
  sql: `
CREATE TABLE runs_new (
  id INTEGER PRIMARY KEY,
  system_id INTEGER NOT NULL REFERENCES systems(id),
  suite TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('running', 'completed', 'cancelled', 'interrupted', 'failed')),
  request_json TEXT NOT NULL,
  app_version TEXT NOT NULL,
  owner_pid INTEGER NOT NULL,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  owner_token TEXT,
  owner_start TEXT,
  import_hash TEXT,
  reason TEXT
) STRICT;
INSERT INTO runs_new (id, system_id, suite, status, request_json, app_version, owner_pid, started_at, finished_at, owner_token, owner_start, import_hash)
  SELECT id, system_id, suite, status, request_json, app_version, owner_pid, started_at, finished_at, owner_token, owner_start, import_hash FROM runs;
DROP TABLE runs;
ALTER TABLE runs_new RENAME TO runs;
CREATE UNIQUE INDEX runs_by_import_hash ON runs (import_hash) WHERE import_hash IS NOT NULL;
`,
} as const;
