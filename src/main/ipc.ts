import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { ApiEvent, ApiResponse } from '../shared/api/contract';
import { IPC_CALL, IPC_EVENT } from '../shared/api/transport';
import type { Dispatch } from '../core/api/dispatch';

const FORBIDDEN: ApiResponse<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'IPC refused: the caller is not the Rigmark page' },
};

/**
 * True when an IPC call comes from the top frame of the app's own page. Checked on every call, not once per
 * window: if anything ever got a foreign page or an iframe into a window, it still could not reach core.
 */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>, isAppUrl: (url: string) => boolean): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}

/**
 * Registers the one IPC handler, `api:call`, that carries every contract channel: the sender is checked, then
 * channel and input go to the dispatcher, which validates them with the contract's schemas. Returns a function
 * that removes the handler.
 */
export function registerApiIpc(ipcMain: IpcMain, dispatch: Dispatch, isAppUrl: (url: string) => boolean): () => void {
  ipcMain.handle(IPC_CALL, async (event, channel: unknown, input: unknown) => {
    if (!isTrustedSender(event, isAppUrl)) return FORBIDDEN;
    if (typeof channel !== 'string') return { ok: false, error: { code: 'BAD_INPUT', message: 'channel must be a string' } };
    return dispatch(channel, input);
  });
  return () => ipcMain.removeHandler(IPC_CALL);
}

/**
 * Pushes every core event to the given web contents (`api:event`). Contents that are gone are skipped, so a
 * window closing mid-run never throws inside core's event loop. Returns the unsubscribe function.
 */
export function forwardEvents(
  subscribe: (listener: (event: ApiEvent) => void) => () => void,
  targets: () => readonly WebContents[],
): () => void {
  return subscribe((event) => {
    for (const contents of targets()) {
      if (!contents.isDestroyed()) contents.send(IPC_EVENT, event);
    }
  });
}
