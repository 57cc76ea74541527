import { beforeAll, describe, expect, it, vi } from 'vitest';
import { contextBridge, ipcMain, ipcRenderer } from '../../test/stand-ins/electron';
import type { ApiEvent, RigmarkApi } from '../shared/api/contract';
import { IPC_CALL, IPC_EVENT } from '../shared/api/transport';

vi.mock('electron', () => import('../../test/stand-ins/electron'));

describe('preload (stand-in contextBridge and ipcRenderer)', () => {
  let api: RigmarkApi;
  const invoked: unknown[][] = [];

  beforeAll(async () => {
    ipcMain.handle(IPC_CALL, (_event, ...args) => {
      invoked.push(args);
      return { ok: true, value: 'from main' };
    });
    await import('./index');
    api = contextBridge.exposed.get('rigmark') as RigmarkApi;
  });

  it('exposes exactly window.rigmark with call and onEvent, nothing else', () => {
    expect([...contextBridge.exposed.keys()]).toEqual(['rigmark']);
    expect(Object.keys(api).sort()).toEqual(['call', 'onEvent']);
  });

  it('forwards contract channels over the one IPC name', async () => {
    expect(await api.call('runs:list', { limit: 5 })).toEqual({ ok: true, value: 'from main' });
    expect(invoked.at(-1)).toEqual(['runs:list', { limit: 5 }]);
  });

  it('refuses a channel outside the contract without touching IPC', async () => {
    const before = invoked.length;
    const response = await (api.call as (c: string, i: unknown) => Promise<unknown>)('shell:openExternal', { url: 'x' });
    expect(response).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'unknown channel: shell:openExternal' } });
    expect(invoked.length).toBe(before);
  });

  it('passes event payloads without the IPC event, and unsubscribes', () => {
    const seen: unknown[] = [];
    const unsubscribe = api.onEvent((event) => seen.push(event));
    const payload: ApiEvent = { type: 'run-finished', runId: 1, status: 'completed' };
    ipcRenderer.emit(IPC_EVENT, { sender: 'secret', ports: [] }, payload);
    unsubscribe();
    ipcRenderer.emit(IPC_EVENT, {}, payload);
    expect(seen).toEqual([payload]);
    expect(ipcRenderer.listenerCount(IPC_EVENT)).toBe(0);
  });

  it('turns an IPC failure into an INTERNAL response', async () => {
    ipcMain.removeHandler(IPC_CALL);
    expect(await api.call('app:info', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});
