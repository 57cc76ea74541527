/**
 * Rigmark's own overhead, measured (never asserted in tests): system detection, database open + migrate, the cost
 * of storing one sample, and a worker's spawn-to-first-message latency.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { computeStats } from '../src/core/bench/stats';
import { createForkLauncher } from '../src/core/bench/runner/fork-launcher';
import { detectSystem } from '../src/core/hardware/detect-system';
import { hashSnapshot } from '../src/core/hardware/snapshot-hash';
import { createStore } from '../src/core/store/store';

export interface BenchRow {
  name: string;
  median: number | null;
  unit: string;
  cv: number | null;
  n: number;
}

async function timeIt(n: number, fn: () => Promise<void> | void): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

function row(name: string, values: number[], unit: string): BenchRow {
  const s = computeStats(values);
  return { name, median: s.median, unit, cv: s.cv, n: s.count };
}

export async function measureOverhead(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'rigmark-bench-'));
  try {
    const rows: BenchRow[] = [];
    rows.push(row('detect system', await timeIt(5, async () => void (await detectSystem())), 'ms'));
    let k = 0;
    rows.push(row('open + migrate a new database', await timeIt(10, () => createStore(join(dir, `db-${k++}.db`)).close()), 'ms'));
    const store = createStore(join(dir, 'samples.db'));
    const snapshot = await detectSystem();
    const systemId = store.systems.upsert(snapshot, hashSnapshot(snapshot));
    const runId = store.runs.create({ systemId, suite: 'bench', request: {}, appVersion: 'bench', pid: process.pid, startedAt: new Date().toISOString() });
    const resultId = store.results.insert({ runId, ordinal: 0, benchmarkId: 'bench.samples', title: 'bench', category: 'system', unit: 'x', higherIsBetter: true, status: 'running', params: {}, reason: null, estimatedMs: 0 });
    let i = 0;
    const perSample = await timeIt(2000, () =>
      store.results.insertSample({ resultId, index: i++, isWarmup: false, value: i, metrics: { a: 1 }, durationMs: 1, workUnits: null, takenAt: new Date().toISOString() }),
    );
    rows.push(row('store one sample (WAL, own transaction)', perSample.map((ms) => ms * 1000), 'µs'));
    store.close();
    const launcher = createForkLauncher();
    rows.push(
      row(
        'worker spawn → first message',
        await timeIt(5, () => new Promise<void>((resolve) => {
          const h = launcher.launch();
          h.onMessage(() => {
            h.kill();
            resolve();
          });
        })),
        'ms',
      ),
    );
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
