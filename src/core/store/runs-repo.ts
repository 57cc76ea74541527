import type { RunStatus } from '../../shared/domain/benchmark';
import type { Db } from './open-database';

export interface RunRow {
  id: number;
  system_id: number;
  suite: string;
  status: RunStatus;
  request_json: string;
  app_version: string;
  owner_pid: number;
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
    `INSERT INTO runs (system_id, suite, status, request_json, app_version, owner_pid, started_at)
     VALUES (@systemId, @suite, 'running', @request, @appVersion, @pid, @startedAt)`,
  );
  const finish = db.prepare('UPDATE runs SET status = ?, finished_at = ? WHERE id = ?');
  const byId = db.prepare<[number], RunRow>(`${RUN_SELECT} WHERE r.id = ?`);
  const list = db.prepare<[number], RunRow>(`${RUN_SELECT} ORDER BY r.id DESC LIMIT ?`);
  const running = db.prepare<[], { id: number; owner_pid: number }>("SELECT id, owner_pid FROM runs WHERE status = 'running'");
  const interruptResults = db.prepare(
    "UPDATE results SET status = 'interrupted', finished_at = COALESCE(finished_at, ?) WHERE run_id = ? AND status IN ('pending', 'running')",
  );

  return {
    create(input: { systemId: number; suite: string; request: unknown; appVersion: string; pid: number; startedAt: string }): number {
      const info = insert.run({ ...input, request: JSON.stringify(input.request) });
      return Number(info.lastInsertRowid);
    },
    finish(runId: number, status: RunStatus, at: string): void {
      finish.run(status, at, runId);
    },
    get(runId: number): RunRow | null {
      return byId.get(runId) ?? null;
    },
    list(limit: number): RunRow[] {
      return list.all(limit);
    },
    /**
     * Runs left `running` by a process that no longer exists become `interrupted`; their samples stay.
     * `isAlive` is injected so a live run of another Rigmark process (a server beside a CLI) is left alone.
     */
    markOrphansInterrupted: db.transaction((isAlive: (pid: number) => boolean, at: string): number[] => {
      const orphans = running.all().filter((r) => !isAlive(r.owner_pid));
      for (const r of orphans) {
        interruptResults.run(at, r.id);
        finish.run('interrupted', at, r.id);
      }
      return orphans.map((r) => r.id);
    }),
  };
}
export type RunsRepo = ReturnType<typeof createRunsRepo>;
