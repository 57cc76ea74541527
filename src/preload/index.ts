/**
 * The preload: the only bridge between the sandboxed page and the main process. It exposes `window.rigmark` with
 * exactly two functions — `call(channel, input)` for contract channels and `onEvent(listener)` — and nothing
 * else: no `ipcRenderer`, no Node, no way to name an IPC channel of the page's choosing. Built as CommonJS, since
 * sandboxed preloads cannot be ES modules. See src/preload/README.md.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRenderer, IpcRendererEvent } from 'electron';
import { isApiChannel } from '../shared/api/channels';
import type { ApiEvent, ApiResponse, RigmarkApi } from '../shared/api/contract';
import { IPC_CALL, IPC_EVENT } from '../shared/api/transport';

type PreloadIpc = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;

/** Builds the object exposed as `window.rigmark` (exported for the unit test; the page only sees the bridge copy). */
export function createPreloadApi(ipc: PreloadIpc): RigmarkApi {
  const call = async (channel: unknown, input: unknown): Promise<ApiResponse<unknown>> => {
    // Refused here as well as in main: only contract channels ever leave the page, through one IPC name.
    if (!isApiChannel(channel)) return { ok: false, error: { code: 'NOT_FOUND', message: `unknown channel: ${String(channel)}` } };
    try {
      return (await ipc.invoke(IPC_CALL, channel, input)) as ApiResponse<unknown>;
    } catch (error) {
      return { ok: false, error: { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) } };
    }
  };
  const onEvent = (listener: (event: ApiEvent) => void): (() => void) => {
    if (typeof listener !== 'function') throw new TypeError('onEvent needs a function');
    // The IPC event object (with `sender` and ports) stays here; the page gets the payload only.
    const handler = (_event: IpcRendererEvent, payload: ApiEvent): void => listener(payload);
    ipc.on(IPC_EVENT, handler);
    return () => void ipc.removeListener(IPC_EVENT, handler);
  };
  // `call` is generic in RigmarkApi; the value types come from main's dispatcher, which is typed per channel.
  return { call: call as RigmarkApi['call'], onEvent };
}

contextBridge.exposeInMainWorld('rigmark', createPreloadApi(ipcRenderer));
