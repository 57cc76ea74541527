import type { RigmarkApi } from '../../../shared/api/contract';
import { withValidation } from './validated-api';
import { createWebTransport, takeToken } from './web-transport';

export type TransportChoice =
  | { kind: 'desktop' | 'web'; api: RigmarkApi }
  | { kind: 'missing-token'; message: string };

/**
 * Chooses how to reach core once, at start: the Electron preload exposes `window.rigmark` (IPC); otherwise this is
 * web mode and the page must have been opened with the token `rigmark serve` printed.
 */
export function pickTransport(win: Window): TransportChoice {
  const preload = (win as Window & { rigmark?: RigmarkApi }).rigmark;
  if (preload !== undefined) return { kind: 'desktop', api: withValidation(preload) };
  const token = takeToken(win);
  if (token === null) {
    return {
      kind: 'missing-token',
      message: 'This page needs the address that `rigmark serve` printed (it ends in ?token=…). Open that address instead.',
    };
  }
  const api = createWebTransport({
    token,
    fetch: win.fetch.bind(win),
    createEventSource: (url) => new EventSource(url),
  });
  return { kind: 'web', api: withValidation(api) };
}
