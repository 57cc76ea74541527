import type { Category, Identity, ResultStatus } from '../../shared/domain/benchmark';
import type { Db } from './open-database';

export interface ResultRow {
  id: number;
  run_id: number;
  ordinal: number;
  benchmark_id: string;
  title: string;
  category: Category;
  unit: string;
  higher_is_better: number;
  status: ResultStatus;
  params_json: string;
  identity_json: string;
  identity_hash: string;
  metric_units_json: string;
  notes_json: string;
  reason: string | null;
  stderr_tail: string | null;
  estimated_ms: number;
  started_at: string | null;
  finished_at: string | null;
}

/** A result in a benchmark's history, with its run's start and its machine's label. */
export type HistoryRow = ResultRow & { started_at_run: string; system_label: string };

export interface SampleRow {
  id: number;
  result_id: number;
  sample_index: number;
  is_warmup: number;
  value: number;
  metrics_json: string;
  duration_ms: number;
  work_units: number | null;
  taken_at: string;
}

export interface NewResult {
  runId: number;
  ordinal: number;
  benchmarkId: string;
  title: string;
  category: Category;
  unit: string;
  higherIsBetter: boolean;
  status: ResultStatus;
  params: Record<string, unknown>;
  reason: string | null;
  estimatedMs: number;
}

export interface NewSample {
  resultId: number;
  index: number;
  isWarmup: boolean;
  value: number;
  metrics: Record<string, number>;
  durationMs: number;
  workUnits: number | null;
  takenAt: string;
}

export function createResultsRepo(db: Db) {
  const insert = db.prepare(
    `INSERT INTO results (run_id, ordinal, benchmark_id, title, category, unit, higher_is_better, status, params_json, reason, estimated_ms)
     VALUES (@runId, @ordinal, @benchmarkId, @title, @category, @unit, @hib, @status, @params, @reason, @estimatedMs)`,
  );
  const start = db.prepare("UPDATE results SET status = 'running', started_at = ? WHERE id = ?");
  const finish = db.prepare(
    'UPDATE results SET status = @status, reason = @reason, stderr_tail = @stderrTail, finished_at = @at WHERE id = @id',
  );
  const setIdentity = db.prepare(
    'UPDATE results SET identity_json = ?, identity_hash = ?, metric_units_json = ?, notes_json = ? WHERE id = ?',
  );
  const insertSample = db.prepare(
    `INSERT INTO samples (result_id, sample_index, is_warmup, value, metrics_json, duration_ms, work_units, taken_at)
     VALUES (@resultId, @index, @isWarmup, @value, @metrics, @durationMs, @workUnits, @takenAt)`,
  );
  const byRun = db.prepare<[number], ResultRow>('SELECT * FROM results WHERE run_id = ? ORDER BY ordinal');
  const byId = db.prepare<[number], ResultRow>('SELECT * FROM results WHERE id = ?');
  const samplesByRun = db.prepare<[number], SampleRow>(
    'SELECT s.* FROM samples s JOIN results r ON r.id = s.result_id WHERE r.run_id = ? ORDER BY s.result_id, s.sample_index',
  );
  const samplesByResult = db.prepare<[number], SampleRow>('SELECT * FROM samples WHERE result_id = ? ORDER BY sample_index');
  // Every workload of the benchmark (identity_json is in x.*): the history splits them by identity, not SQL.
  const history = db.prepare<[string, number], HistoryRow>(
    `SELECT x.*, r.started_at AS started_at_run, s.label AS system_label
     FROM results x JOIN runs r ON r.id = x.run_id JOIN systems s ON s.id = r.system_id
     WHERE x.benchmark_id = ? ORDER BY x.run_id DESC, x.ordinal LIMIT ?`,
  );

  return {
    insert(r: NewResult): number {
      const info = insert.run({ ...r, hib: r.higherIsBetter ? 1 : 0, params: JSON.stringify(r.params) });
      return Number(info.lastInsertRowid);
    },
    start(resultId: number, at: string): void {
      start.run(at, resultId);
    },
    finish(resultId: number, f: { status: ResultStatus; reason: string | null; stderrTail: string | null; at: string | null }): void {
      finish.run({ ...f, id: resultId });
    },
    setIdentity(resultId: number, identity: Identity, hash: string, metricUnits: Record<string, string>, notes: string[]): void {
      setIdentity.run(JSON.stringify(identity), hash, JSON.stringify(metricUnits), JSON.stringify(notes), resultId);
    },
    insertSample(s: NewSample): void {
      insertSample.run({ ...s, isWarmup: s.isWarmup ? 1 : 0, metrics: JSON.stringify(s.metrics) });
    },
    byRun: (runId: number): ResultRow[] => byRun.all(runId),
    get: (resultId: number): ResultRow | null => byId.get(resultId) ?? null,
    samplesByRun: (runId: number): SampleRow[] => samplesByRun.all(runId),
    samplesByResult: (resultId: number): SampleRow[] => samplesByResult.all(resultId),
    history: (benchmarkId: string, limit: number): HistoryRow[] => history.all(benchmarkId, limit),
  };
}
export type ResultsRepo = ReturnType<typeof createResultsRepo>;
