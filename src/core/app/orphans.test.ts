import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { rtx4090Snapshot } from '../../../test/fixtures/hardware/snapshots';
import { makeTempDir } from '../../../test/helpers/temp-dir';
import { hashSnapshot } from '../hardware/snapshot-hash';
import { currentRunOwner, processStart, type RunOwner } from '../store/run-owner';
import { createStore } from '../store/store';
import { createRigmarkCore } from './create-core';
import { isRunOwnerAlive } from './orphans';

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A live process that is not Rigmark: the PID a dead owner's PID could have been handed to. */
async function unrelatedProcess(): Promise<ChildProcess & { pid: number }> {
  const child = spawn('sleep', ['600'], { stdio: 'ignore' });
  cleanups.push(() => void child.kill('SIGKILL'));
  await new Promise((resolve, reject) => child.once('spawn', resolve).once('error', reject));
  if (child.pid === undefined) throw new Error('sleep has no pid');
  return child as ChildProcess & { pid: number };
}

/** A data dir whose database holds one `running` run per owner, as a Rigmark process left it. */
function dataDirWithRunningRuns(owners: RunOwner[]): { dataDir: string; runIds: number[] } {
  const tmp = makeTempDir('rigmark-orphans-');
  cleanups.push(tmp.cleanup);
  const store = createStore(join(tmp.dir, 'rigmark.db'));
  const snapshot = rtx4090Snapshot();
  const systemId = store.systems.upsert(snapshot, hashSnapshot(snapshot));
  const runIds = owners.map(({ pid, ...owner }) =>
    store.runs.create({ systemId, suite: 'quick', request: {}, appVersion: 'test', pid, owner, startedAt: '2026-01-02T03:04:05.000Z' }),
  );
  store.close();
  return { dataDir: tmp.dir, runIds };
}

async function statusesAfterOpen(dataDir: string): Promise<Map<number, string>> {
  const core = await createRigmarkCore({ dataDir, detect: async () => rtx4090Snapshot() });
  cleanups.push(() => core.close());
  return new Map(core.listRuns().map((r) => [r.id, r.status]));
}

describe.runIf(process.platform === 'linux')('orphaned runs whose owner PID was reused (Linux start times)', () => {
  it('reads a process start time from /proc: the same while it lives, none once it is gone', async () => {
    const child = await unrelatedProcess();
    const start = processStart(child.pid);
    expect(start).toMatch(/^[0-9a-f-]*:\d+$/);
    expect(processStart(child.pid)).toBe(start);
    expect(processStart(process.pid)).toBe(currentRunOwner().start);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    expect(processStart(child.pid)).toBeNull();
  });

  it('marks interrupted a run whose owner PID is alive but belongs to a later process; leaves the true owner alone', async () => {
    const reused = await unrelatedProcess();
    const realStart = processStart(reused.pid);
    const { dataDir, runIds } = dataDirWithRunningRuns([
      // The dead owner had this PID, started at another instant.
      { pid: reused.pid, token: 'dead-owner-token', start: 'some-earlier-boot:12345' },
      // A live Rigmark process beside this one (same PID and start): its run must go on.
      { pid: reused.pid, token: 'live-owner-token', start: realStart },
    ]);
    const statuses = await statusesAfterOpen(dataDir);
    expect(statuses.get(runIds[0]!)).toBe('interrupted');
    expect(statuses.get(runIds[1]!)).toBe('running');
  });
});

describe('isRunOwnerAlive', () => {
  it('this process, as it recorded itself, is alive; its PID with another token is an earlier, dead process', () => {
    const self = currentRunOwner();
    expect(isRunOwnerAlive(self)).toBe(true);
    expect(isRunOwnerAlive({ ...self, token: 'an-earlier-process-with-this-pid' })).toBe(false);
  });

  it('falls back to PID liveness for runs recorded before owner start times (schema version 1)', async () => {
    const live = await unrelatedProcess();
    expect(isRunOwnerAlive({ pid: live.pid, token: null, start: null })).toBe(true);
    live.kill('SIGKILL');
    await new Promise((resolve) => live.once('exit', resolve));
    expect(isRunOwnerAlive({ pid: live.pid, token: null, start: null })).toBe(false);
  });
});
