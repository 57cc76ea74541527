import type { Session, WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY, DEV_CONTENT_SECURITY_POLICY } from '../shared/api/csp';
import type { RendererEntry } from './app-paths';
import { APP_HOST, APP_SCHEME } from './app-protocol';

function parseUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/** True for `rigmark://app/…`, the app's own origin (app-protocol.ts). */
function isAppOrigin(url: URL): boolean {
  return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
}

/**
 * True for URLs of the app's own page: in production `rigmark://app/index.html` (any hash or query, for client
 * routes), under `npm run dev` the dev server's origin. Never a file:// URL. Used by the navigation guard and the
 * IPC sender check.
 */
export function createAppUrlPolicy(entry: RendererEntry): (url: string) => boolean {
  const own = new URL(entry.url);
  return (value) => {
    const url = parseUrl(value);
    if (url === null) return false;
    if (entry.kind === 'dev') return url.origin === own.origin;
    return isAppOrigin(url) && url.pathname === own.pathname;
  };
}

/**
 * Keeps a web contents on the app's page: any navigation or redirect elsewhere, in any frame, is cancelled (a
 * link or injected script cannot load a foreign page, which would then sit next to our preload); `window.open` and
 * `<webview>` are refused outright — Rigmark has no second window and is offline.
 */
export function hardenWebContents(contents: WebContents, isAppUrl: (url: string) => boolean): void {
  const guard = (event: { url: string; preventDefault(): void }): void => {
    if (!isAppUrl(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', guard);
  contents.on('will-frame-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/**
 * True for requests the page may make: its own origin (`rigmark://app/`, or the dev server under `npm run dev`),
 * inline data and blobs, and DevTools. Nothing else — in particular no `file:` URL: the page has no business
 * reading the disk, and its own files come over `rigmark://`.
 */
export function createRequestPolicy(entry: RendererEntry): (url: string) => boolean {
  const devHost = entry.kind === 'dev' ? new URL(entry.url).host : null;
  return (value) => {
    const url = parseUrl(value);
    if (url === null) return false;
    if (['data:', 'blob:', 'devtools:'].includes(url.protocol)) return true;
    if (devHost !== null) return ['http:', 'ws:'].includes(url.protocol) && url.host === devHost;
    return isAppOrigin(url);
  };
}

/** Response headers with our CSP in place of any the server sent (header names are case-insensitive). */
function withCsp(headers: Record<string, string[]> | undefined, csp: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') out[name] = value;
  }
  out['Content-Security-Policy'] = [csp];
  return out;
}

/**
 * Session-wide defences, installed once before the window loads:
 * - every permission (camera, notifications, USB, HID…) is denied and reported as not granted: the UI needs none;
 * - requests go nowhere but the app's own origin (or the dev server): the app is offline by design, so a bug or an
 *   injected script cannot reach the network or the disk;
 * - the CSP is set as a response header on everything the session loads (the dev server's pages carry the dev
 *   policy; the rigmark:// handler sets the strict one itself, and the built page has it in its meta tag).
 */
export function hardenSession(ses: Session, entry: RendererEntry): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  const isAllowedRequest = createRequestPolicy(entry);
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url) }));
  const csp = entry.kind === 'dev' ? DEV_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY;
  ses.webRequest.onHeadersReceived((details, callback) => callback({ responseHeaders: withCsp(details.responseHeaders, csp) }));
}
