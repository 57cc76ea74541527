import type { SampleRow } from '../../store/results-repo';
import type { Store } from '../../store/store';
import { storedParamsKey } from './params-key';

/** One earlier finished instance of a workload on this machine, with its samples in order. */
export interface PastInstance {
  startedAt: string;
  finishedAt: string;
  samples: Pick<SampleRow, 'is_warmup' | 'duration_ms' | 'taken_at'>[];
}

/** How many recent results of a benchmark are scanned for matching params (params are compared in JS). */
const SCAN_LIMIT = 200;

/**
 * Reads the newest finished instances (`passed` or `unstable`) of a benchmark with these params, measured on the
 * system with this snapshot hash. Imported runs (`import_hash` set) are left out even when they carry this
 * machine's hash: their timestamps say when another Rigmark ran them, and a copy of a run must not count twice.
 */
export function createTimingHistory(store: Store) {
  const candidates = store.db.prepare<[string, string], { id: number; params_json: string; started_at: string; finished_at: string }>(
    `SELECT x.id, x.params_json, x.started_at, x.finished_at
     FROM results x JOIN runs r ON r.id = x.run_id JOIN systems s ON s.id = r.system_id
     WHERE x.benchmark_id = ? AND s.hash = ? AND r.import_hash IS NULL
       AND x.status IN ('passed', 'unstable') AND x.started_at IS NOT NULL AND x.finished_at IS NOT NULL
     ORDER BY x.run_id DESC, x.id DESC LIMIT ${SCAN_LIMIT}`,
  );
  return {
    /** Newest first, at most `limit`. */
    recent(benchmarkId: string, key: string, systemHash: string, limit: number): PastInstance[] {
      const out: PastInstance[] = [];
      // `all`, not `iterate`: better-sqlite3 refuses other statements on the connection while an iterator is open.
      for (const row of candidates.all(benchmarkId, systemHash)) {
        if (storedParamsKey(row.params_json) !== key) continue;
        const samples = store.results.samplesByResult(row.id);
        if (samples.length > 0) out.push({ startedAt: row.started_at, finishedAt: row.finished_at, samples });
        if (out.length >= limit) break;
      }
      return out;
    },
  };
}
export type TimingHistory = ReturnType<typeof createTimingHistory>;
