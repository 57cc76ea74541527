import type { RunStatus } from '../../shared/domain/benchmark';
import type { Db } from './open-database';
import { currentRunOwner, type RunOwner } from './run-owner';

export interface RunRow {
  id: number;
  system_id: number;
  suite: string;
  status: RunStatus;
  request_json: string;
  app_version: string;
  owner_pid: number;
  owner_token: string | null;
  owner_start: string | null;
  /** sha256 of the normalised export an imported run came from; null for a run measured here. */
  import_hash: string | null;
  /** Why the run failed (schema version 3); null otherwise. */
  reason: string | null;
  started_at: string;
  finished_at: string | null;
  system_label: string;
  result_count: number;
  failed_count: number;
}

const RUN_SELECT = `
  SELECT r.*, s.label AS system_label,
    (SELECT COUNT(*) FROM results x WHERE x.run_id = r.id) AS result_count,
    (SELECT COUNT(*) FROM results x WHERE x.run_id = r.id AND x.status = 'failed') AS failed_count
  FROM runs r JOIN systems s ON s.id = r.system_id`;

export function createRunsRepo(db: Db) {
  const insert = db.prepare(
    `INSERT INTO runs (system_id, suite, status, request_json, app_version, owner_pid, owner_token, owner_start, import_hash, started_at)
     VALUES (@systemId, @suite, 'running', @request, @appVersion, @pid, @token, @start, @importHash, @startedAt)`,
  );
  const finish = db.prepare('UPDATE runs SET status = ?, finished_at = ?, reason = ? WHERE id = ?');
  const byId = db.prepare<[number], RunRow>(`${RUN_SELECT} WHERE r.id = ?`);
  const list = db.prepare<[number], RunRow>(`${RUN_SELECT} ORDER BY r.id DESC LIMIT ?`);
  const running = db.prepare<[], { id: number; owner_pid: number; owner_token: string | null; owner_start: string | null }>(
    "SELECT id, owner_pid, owner_token, owner_start FROM runs WHERE status = 'running'",
  );
  const byImportHash = db.prepare<[string], { id: number }>('SELECT id FROM runs WHERE import_hash = ?');
  const interruptResults = db.prepare(
    "UPDATE results SET status = 'interrupted', finished_at = COALESCE(finished_at, ?) WHERE run_id = ? AND status IN ('pending', 'running')",
  );

  return {
    /**
     * Stores a new `running` run. `owner` defaults to this process when `pid` is this process's (a row of another
     * PID gets no token or start unless given them); `importHash` marks a run imported from an export.
     */
    create(input: {
      systemId: number;
      suite: string;
      request: unknown;
      appVersion: string;
      pid: number;
      startedAt: string;
      owner?: Omit<RunOwner, 'pid'>;
      importHash?: string | null;
    }): number {
      const owner = input.owner ?? (input.pid === process.pid ? currentRunOwner() : { token: null, start: null });
      const info = insert.run({
        systemId: input.systemId,
        suite: input.suite,
        request: JSON.stringify(input.request),
        appVersion: input.appVersion,
        pid: input.pid,
        token: owner.token,
        start: owner.start,
        importHash: input.importHash ?? null,
        startedAt: input.startedAt,
      });
      return Number(info.lastInsertRowid);
    },
    /** The run imported from the export with this content hash, if any. */
    findByImportHash(hash: string): number | null {
      return byImportHash.get(hash)?.id ?? null;
    },
    /** `reason` says why a run `failed` (its store stayed locked, the disk filled); null for other endings. */
    finish(runId: number, status: RunStatus, at: string, reason: string | null = null): void {
      finish.run(status, at, reason, runId);
    },
    get(runId: number): RunRow | null {
      return byId.get(runId) ?? null;
    },
    list(limit: number): RunRow[] {
      return list.all(limit);
    },
    /**
     * Runs left `running` by a process that no longer exists become `interrupted`; their samples stay.
     * `isAlive` is injected so a live run of another Rigmark process (a server beside a CLI) is left alone; it gets
     * the recorded owner (PID, token, start) so a PID since reused by another process is not taken for the owner.
     */
    markOrphansInterrupted: db.transaction((isAlive: (owner: RunOwner) => boolean, at: string): number[] => {
      const orphans = running.all().filter((r) => !isAlive({ pid: r.owner_pid, token: r.owner_token, start: r.owner_start }));
      for (const r of orphans) {
        interruptResults.run(at, r.id);
        finish.run('interrupted', at, null, r.id);
      }
      return orphans.map((r) => r.id);
    }),
  };
}
export type RunsRepo = ReturnType<typeof createRunsRepo>;
