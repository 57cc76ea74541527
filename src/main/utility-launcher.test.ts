import { describe, expect, it } from 'vitest';
import { asElectron, standIn, utilityProcess } from '../../test/stand-ins/electron';
import type { WorkerJob } from '../shared/worker-protocol';
import type { ForkUtility } from './utility-launcher';
import { createUtilityLauncher } from './utility-launcher';

const JOB: WorkerJob = {
  type: 'job',
  benchmarkId: 'system.memory',
  params: {},
  repetitions: { warmups: 0, planned: 1, max: 2, cvThreshold: 0.05 },
  scratchDir: '/tmp/x',
  dataDir: '/tmp/d',
};

function launch(killed: number[] = []) {
  const launcher = createUtilityLauncher({
    entry: '/app/out/main/worker-entry.js',
    fork: asElectron<ForkUtility>(utilityProcess.fork),
    env: { PATH: '/bin', NODE_OPTIONS: '--inspect', ELECTRON_RUN_AS_NODE: '1' },
    killPid: (pid) => killed.push(pid),
  });
  const handle = launcher.launch();
  const child = standIn.forks.at(-1);
  if (!child) throw new Error('nothing forked');
  return { handle, child };
}

describe('createUtilityLauncher (stand-in utilityProcess)', () => {
  it('forks the worker entry with a cleaned env and piped output', () => {
    const { child } = launch();
    expect(child.modulePath).toBe('/app/out/main/worker-entry.js');
    expect(child.options).toMatchObject({ stdio: 'pipe', env: { PATH: '/bin' } });
    expect(child.options['env']).not.toHaveProperty('NODE_OPTIONS');
    expect(child.options['env']).not.toHaveProperty('ELECTRON_RUN_AS_NODE');
  });

  it('holds a job until the process has spawned, then posts it', () => {
    const { handle, child } = launch();
    handle.send(JOB);
    expect(child.posted).toEqual([]);
    child.simulateSpawn(4242);
    expect(child.posted).toEqual([JOB]);
    expect(handle.pid).toBe(4242);
  });

  it('relays messages and reports the exit code', () => {
    const { handle, child } = launch();
    const messages: unknown[] = [];
    const exits: unknown[] = [];
    handle.onMessage((m) => messages.push(m));
    handle.onExit((e) => exits.push(e));
    child.emit('message', { type: 'ready' });
    child.emit('exit', 3);
    expect(messages).toEqual([{ type: 'ready' }]);
    expect(exits).toEqual([{ code: 3, signal: null }]);
  });

  it('kills with SIGKILL by pid, since the worker catches SIGTERM', () => {
    const killed: number[] = [];
    const { handle, child } = launch(killed);
    child.simulateSpawn(777);
    handle.kill();
    expect(killed).toEqual([777]);
    expect(child.killCount).toBe(0);
    child.emit('exit', 9);
    handle.kill();
    expect(killed).toEqual([777]);
  });

  it('keeps the tail of stdout and stderr for crash reports', async () => {
    const { handle, child } = launch();
    child.stderr.write('Assertion failed in ggml\n');
    await new Promise((resolve) => setImmediate(resolve));
    expect(handle.stderrTail()).toContain('Assertion failed in ggml');
  });
});
