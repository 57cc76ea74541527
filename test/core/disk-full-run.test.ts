import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startPlannedRun } from '../../src/core/app/start-run';
import type { AvailabilityContext } from '../../src/core/bench/definition';
import { planRun } from '../../src/core/bench/planner';
import { createForkLauncher } from '../../src/core/bench/runner/fork-launcher';
import { detectSystem } from '../../src/core/hardware/detect-system';
import { createStore } from '../../src/core/store/store';
import type { CoreEvent } from '../../src/shared/domain/events';
import type { SystemSnapshot } from '../../src/shared/domain/system';
import { FIXTURE_WORKER_ENTRY, fixtureDefinitions } from '../fixtures/bench/fixture-definitions';
import { makeTempDir } from '../helpers/temp-dir';

/**
 * A full disk, made real at the store boundary: `PRAGMA max_page_count` caps the database file at its current size,
 * so SQLite itself answers every growing write with SQLITE_FULL ("database or disk is full"), exactly as it does
 * when the filesystem has no room left. Raising the cap is the user freeing space.
 */
let snapshot: SystemSnapshot;
beforeAll(async () => {
  snapshot = await detectSystem();
});
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).reverse().forEach((c) => c()));

async function setUp(benchmarkIds: string[], repetitions: number, outageLimitMs: number) {
  const tmp = makeTempDir();
  const store = createStore(join(tmp.dir, 'rigmark.db'));
  cleanups.push(tmp.cleanup, () => store.close());
  const ctx: AvailabilityContext = { snapshot, dataDir: tmp.dir, settings: store.settings.get(), params: {} };
  const items = await planRun({ benchmarkIds, repetitions }, fixtureDefinitions, ctx);
  const events: CoreEvent[] = [];
  const run = startPlannedRun({ benchmarkIds, repetitions }, ctx, items, {
    store,
    launcher: createForkLauncher({ entry: FIXTURE_WORKER_ENTRY }),
    scratchDir: join(tmp.dir, 'scratch'),
    dataDir: tmp.dir,
    now: () => new Date(),
    emit: (e) => events.push(e),
    createTelemetry: undefined,
    recorder: { outageLimitMs, retryDelaysMs: [50, 100, 200] },
  });
  return { store, run, events };
}

const fillDisk = (store: ReturnType<typeof createStore>): void => {
  const pages = store.db.pragma('page_count', { simple: true }) as number;
  store.db.pragma(`max_page_count = ${pages}`);
};
const freeDisk = (store: ReturnType<typeof createStore>): void => void store.db.pragma('max_page_count = 1073741823');
const countSamples = (store: ReturnType<typeof createStore>): number => (store.db.prepare('SELECT COUNT(*) AS n FROM samples').get() as { n: number }).n;

describe('a run when the disk fills', () => {
  it('keeps samples in memory while the disk is full and writes them all once space is freed', async () => {
    const { store, run, events } = await setUp(['fixture.slow'], 10, 30_000);
    await new Promise((r) => setTimeout(r, 700));
    fillDisk(store);
    // Enough samples to overflow the pages the file still has free.
    await new Promise((r) => setTimeout(r, 1500));
    freeDisk(store);
    await run.done;
    expect(events.at(-1)).toMatchObject({ type: 'run-finished', status: 'completed', unsavedWrites: 0 });
    expect(countSamples(store)).toBe(events.filter((e) => e.type === 'sample').length);
    expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
  }, 60_000);
});
