/** The first schema. STRICT tables; every raw sample kept; statistics are derived on read, never stored. */
export const migration001 = {
  version: 1,
  name: 'initial',
  sql: `
CREATE TABLE systems (
  id INTEGER PRIMARY KEY,
  hash TEXT NOT NULL UNIQUE,
  label TEXT NOT NULL,
  snapshot_json TEXT NOT NULL,
  first_seen_at TEXT NOT NULL
) STRICT;

CREATE TABLE devices (
  id INTEGER PRIMARY KEY,
  system_id INTEGER NOT NULL REFERENCES systems(id) ON DELETE CASCADE,
  device_index INTEGER NOT NULL,
  vendor TEXT NOT NULL,
  name TEXT NOT NULL,
  vram_mib REAL,
  UNIQUE (system_id, device_index)
) STRICT;

CREATE TABLE runs (
  id INTEGER PRIMARY KEY,
  system_id INTEGER NOT NULL REFERENCES systems(id),
  suite TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('running', 'completed', 'cancelled', 'interrupted')),
  request_json TEXT NOT NULL,
  app_version TEXT NOT NULL,
  owner_pid INTEGER NOT NULL,
  started_at TEXT NOT NULL,
  finished_at TEXT
) STRICT;

CREATE TABLE results (
  id INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  benchmark_id TEXT NOT NULL,
  title TEXT NOT NULL,
  category TEXT NOT NULL,
  unit TEXT NOT NULL,
  higher_is_better INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'running', 'passed', 'unstable', 'failed', 'unavailable', 'cancelled', 'interrupted')),
  params_json TEXT NOT NULL,
  identity_json TEXT NOT NULL DEFAULT '{}',
  identity_hash TEXT NOT NULL DEFAULT '',
  metric_units_json TEXT NOT NULL DEFAULT '{}',
  notes_json TEXT NOT NULL DEFAULT '[]',
  reason TEXT,
  stderr_tail TEXT,
  estimated_ms REAL NOT NULL DEFAULT 0,
  started_at TEXT,
  finished_at TEXT
) STRICT;
CREATE INDEX results_by_run ON results (run_id, ordinal);
CREATE INDEX results_by_benchmark ON results (benchmark_id, run_id);

CREATE TABLE samples (
  id INTEGER PRIMARY KEY,
  result_id INTEGER NOT NULL REFERENCES results(id) ON DELETE CASCADE,
  sample_index INTEGER NOT NULL,
  is_warmup INTEGER NOT NULL,
  value REAL NOT NULL,
  metrics_json TEXT NOT NULL,
  duration_ms REAL NOT NULL,
  work_units REAL,
  taken_at TEXT NOT NULL,
  UNIQUE (result_id, sample_index)
) STRICT;

CREATE TABLE telemetry (
  id INTEGER PRIMARY KEY,
  result_id INTEGER NOT NULL REFERENCES results(id) ON DELETE CASCADE,
  t_ms REAL NOT NULL,
  gpu_index INTEGER NOT NULL,
  power_w REAL,
  temp_c REAL,
  sm_clock_mhz REAL,
  mem_clock_mhz REAL,
  util_pct REAL,
  mem_used_mib REAL,
  throttle_mask INTEGER
) STRICT;
CREATE INDEX telemetry_by_result ON telemetry (result_id, t_ms);

CREATE TABLE model_hashes (
  cache_key TEXT PRIMARY KEY,
  sha256 TEXT NOT NULL,
  hashed_at TEXT NOT NULL
) STRICT;

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value_json TEXT NOT NULL
) STRICT;
`,
} as const;
