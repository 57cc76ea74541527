/**
 * Wire details both transports agree on. The renderer's IPC client (through the preload) and its web client (HTTP
 * + SSE) import these names; the main process and the web server implement them. Payloads are the contract's.
 */

/** IPC: `ipcRenderer.invoke(IPC_CALL, channel, input)` resolves to an `ApiResponse`. */
export const IPC_CALL = 'api:call';
/** IPC: main → renderer `webContents.send(IPC_EVENT, apiEvent)`. */
export const IPC_EVENT = 'api:event';

/**
 * HTTP: `POST ${HTTP_CALL_PREFIX}<channel>` with `Content-Type: application/json` and the channel's input as the
 * body (an empty body counts as `{}`). The body of every answer, success or failure, is an `ApiResponse` JSON.
 */
export const HTTP_CALL_PREFIX = '/api/call/';
/** HTTP: `GET` server-sent events; each message is `data: <ApiEvent JSON>`. */
export const HTTP_EVENTS_PATH = '/api/events';
/** Request header carrying the web-mode token (`Authorization: Bearer <token>` is accepted too). */
export const TOKEN_HEADER = 'x-rigmark-token';
/**
 * Query parameter carrying the token: in the URL `rigmark serve` prints (read once by the page), and on
 * `/api/events` only, because `EventSource` cannot set headers.
 */
export const TOKEN_QUERY_PARAM = 'token';
/** Where the web client keeps the token for the tab's lifetime after stripping it from the address bar. */
export const TOKEN_SESSION_KEY = 'rigmark.token';

/** The CSP strings live in csp.ts; re-exported here for callers that look for every wire detail in one place. */
export { CONTENT_SECURITY_POLICY, DEV_CONTENT_SECURITY_POLICY, metaPolicy } from './csp';
