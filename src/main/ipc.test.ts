import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IpcMain, WebContents } from 'electron';
import { createApiTestCore, FIXTURE_BENCHMARK_ID, validApiInputs } from '../../test/helpers/api-core';
import { asElectron, ipcMain, standIn } from '../../test/stand-ins/electron';
import { createDispatcher } from '../core/api/dispatch';
import type { RigmarkCore } from '../core/app/rigmark-core';
import { apiContract } from '../shared/api/contract';
import type { ApiEvent, Channel } from '../shared/api/contract';
import { IPC_CALL, IPC_EVENT } from '../shared/api/transport';
import { forwardEvents, registerApiIpc } from './ipc';
import { createAppUrlPolicy } from './security';

const APP_URL = 'rigmark://app/index.html';
const top = (url: string) => ({ url, parent: null });

describe('registerApiIpc (stand-in ipcMain, real core)', () => {
  let core: RigmarkCore;
  let cleanup: () => Promise<void>;
  let unregister: () => void;
  const invoke = (frame: { url: string; parent: unknown } | null, channel: unknown, input: unknown) =>
    ipcMain.simulateInvoke(IPC_CALL, asElectron(frame), channel, input) as Promise<{ ok: boolean; error?: { code: string } }>;

  beforeAll(async () => {
    ({ core, cleanup } = await createApiTestCore());
    const dispatch = createDispatcher(core, { mode: 'desktop', version: '1.0.0', electronVersion: '45.5.0' });
    unregister = registerApiIpc(asElectron<IpcMain>(ipcMain), dispatch, createAppUrlPolicy({ kind: 'app', rootDir: '/opt/rigmark/out/renderer', url: APP_URL }));
  });
  afterAll(async () => {
    unregister();
    await cleanup();
  });

  it('registers one handler, api:call, that answers every contract channel', async () => {
    expect([...ipcMain.handlers.keys()]).toEqual([IPC_CALL]);
    const { runId } = await core.startRun({ benchmarkIds: [FIXTURE_BENCHMARK_ID] });
    await core.waitForRun(runId);
    const inputs = validApiInputs(core, runId);
    for (const channel of Object.keys(apiContract) as Channel[]) {
      const response = await invoke(top(APP_URL), channel, inputs[channel]);
      expect(response, channel).toMatchObject({ ok: true });
      if (channel === 'runs:start' && response.ok) await core.waitForRun((response as unknown as { value: { runId: number } }).value.runId);
    }
  });

  it('answers app:info for the desktop shell', async () => {
    expect(await invoke(top(`${APP_URL}#/about`), 'app:info', {})).toMatchObject({ ok: true, value: { mode: 'desktop', electron: '45.5.0' } });
  });

  it('answers BAD_INPUT to invalid input and a non-string channel', async () => {
    expect(await invoke(top(APP_URL), 'runs:get', { runId: -1 })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await invoke(top(APP_URL), 42, {})).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await invoke(top(APP_URL), 'shell:exec', {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('answers FORBIDDEN to a foreign page, an iframe, or a frame that is gone', async () => {
    expect(await invoke(top('https://evil.example/'), 'app:info', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await invoke(top('file:///tmp/download.html'), 'app:info', {})).toMatchObject({ error: { code: 'FORBIDDEN' } });
    // The built page opened as a file is not the app: only rigmark://app/index.html is.
    expect(await invoke(top('file:///opt/rigmark/out/renderer/index.html'), 'app:info', {})).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect(await invoke(top('rigmark://other/index.html'), 'app:info', {})).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect(await invoke({ url: APP_URL, parent: top(APP_URL) }, 'app:info', {})).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect(await invoke(null, 'app:info', {})).toMatchObject({ error: { code: 'FORBIDDEN' } });
  });
});

describe('forwardEvents', () => {
  it('sends core events as api:event to live contents only, until unsubscribed', () => {
    const listeners = new Set<(event: ApiEvent) => void>();
    const subscribe = (listener: (event: ApiEvent) => void) => (listeners.add(listener), () => void listeners.delete(listener));
    const live = new standIn.FakeWebContents(new standIn.FakeSession());
    const gone = new standIn.FakeWebContents(new standIn.FakeSession());
    gone.destroy();
    const stop = forwardEvents(subscribe, () => asElectron<WebContents[]>([live, gone]));
    const event: ApiEvent = { type: 'run-finished', runId: 1, status: 'completed' };
    listeners.forEach((listener) => listener(event));
    stop();
    listeners.forEach((listener) => listener(event));
    expect(live.sent).toEqual([{ channel: IPC_EVENT, args: [event] }]);
    expect(gone.sent).toEqual([]);
    expect(listeners.size).toBe(0);
  });
});
