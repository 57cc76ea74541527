import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';

/**
 * Faults a stand-in can play, each the way a real server shows it:
 * - `slow`: waits `slowMs` before sending a single byte (a server busy loading or swapping).
 * - `http500`: answers 500 with the protocol's JSON error body.
 * - `malformedJson`: answers 200 with a body that is not valid JSON (non-streamed) or a broken first stream event.
 * - `dropHalfway`: produces half the tokens, then destroys the socket (a crashed server); a non-streamed request
 *   gets no answer at all, as Ollama writes its JSON only at the end.
 * - `stall`: streams half the tokens, then sends nothing more while keeping the connection open.
 */
export type EngineFault = 'slow' | 'http500' | 'malformedJson' | 'dropHalfway' | 'stall';

/** Options shared by the stand-in servers. */
export interface FaultOptions {
  fault?: EngineFault;
  /** Delay of the `slow` fault, in milliseconds. Default 10 000. */
  slowMs?: number;
  /** Which routes misbehave: only generation (default) or every route (for probe and setup tests). */
  faultScope?: 'generation' | 'all';
}

/** A running stand-in server. */
export interface RunningStandIn {
  /** Base URL, e.g. `http://127.0.0.1:41234`, to put in the endpoint setting. */
  url: string;
  port: number;
  /** `METHOD /path` of every request received, in order. */
  requests: string[];
  /** Stops listening, destroys open connections and stops generations in flight. */
  close(): Promise<void>;
}

/** Per-request context for route handlers. */
export interface RouteContext {
  req: IncomingMessage;
  res: ServerResponse;
  /** Aborts when the client goes away or the server closes. */
  signal: AbortSignal;
  body: unknown;
}

export type RouteHandler = (ctx: RouteContext) => Promise<void>;

/** Sends `body` as JSON with `status`. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/**
 * Writes `chunk` and waits until it is handed to the kernel, as a real server flushes each streamed chunk. So a
 * later `dropConnection` never discards chunks already "sent", and token counts in drop tests are exact.
 */
export async function write(res: ServerResponse, chunk: string): Promise<void> {
  if (res.destroyed) return;
  await new Promise<void>((resolve) => {
    res.once('close', resolve);
    res.write(chunk, () => {
      res.off('close', resolve);
      resolve();
    });
  });
}

/** Destroys the connection mid-response: the client sees the socket close without the final chunk. */
export function dropConnection(res: ServerResponse): void {
  res.socket?.destroy();
}

/** Resolves after `ms`, or when `signal` aborts (never rejects). */
export async function wait(ms: number, signal: AbortSignal): Promise<void> {
  await delay(ms, undefined, { signal }).catch(() => undefined);
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Starts a loopback server (127.0.0.1, a free port) dispatching `METHOD /path` to `routes`. Unknown routes get
 * 404 with `notFoundBody`. Handler errors become a 500 (or a dropped connection when headers were already sent).
 */
export async function startStandIn(
  routes: Record<string, RouteHandler>,
  notFoundBody: (path: string) => unknown,
): Promise<RunningStandIn> {
  const lifetime = new AbortController();
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://stand-in').pathname;
    const key = `${req.method ?? 'GET'} ${path}`;
    requests.push(key);
    const client = new AbortController();
    const onClose = (): void => client.abort();
    res.once('close', onClose);
    lifetime.signal.addEventListener('abort', onClose, { once: true });
    const signal = AbortSignal.any([client.signal, lifetime.signal]);
    void (async () => {
      const body = await readBody(req);
      const handler = routes[key];
      if (handler === undefined) sendJson(res, 404, notFoundBody(path));
      else await handler({ req, res, signal, body });
    })()
      .catch((error: unknown) => {
        if (res.headersSent) dropConnection(res);
        else sendJson(res, 500, { error: error instanceof Error ? error.message : String(error) });
      })
      .finally(() => lifetime.signal.removeEventListener('abort', onClose));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    async close() {
      lifetime.abort();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Applies the pre-response part of a fault: `slow` waits; returns false when the client left meanwhile. */
export async function applySlow(options: FaultOptions, signal: AbortSignal): Promise<boolean> {
  if (options.fault === 'slow') await wait(options.slowMs ?? 10_000, signal);
  return !signal.aborted;
}

/** The fault that applies to a route, given its kind and the scope option. */
export function faultFor(options: FaultOptions, isGeneration: boolean): FaultOptions {
  const applies = isGeneration || options.faultScope === 'all';
  return applies ? options : {};
}

/** A day: "forever" for a stalled response; the client's timeout or `close()` ends it first. */
const FOREVER_MS = 86_400_000;

/** Blocks until the client leaves or the server closes (the `stall` fault). */
export async function stallUntilAborted(signal: AbortSignal): Promise<void> {
  await wait(FOREVER_MS, signal);
}

/**
 * Serves a small JSON route (version, model lists) honouring `fault` (already scoped with {@link faultFor}):
 * slow waits first, http500 answers `errorBody`, malformedJson cuts the JSON, dropHalfway destroys the socket,
 * stall never answers.
 */
export async function serveJson(ctx: RouteContext, fault: FaultOptions, errorBody: unknown, body: unknown): Promise<void> {
  if (!(await applySlow(fault, ctx.signal))) return;
  switch (fault.fault) {
    case 'http500':
      sendJson(ctx.res, 500, errorBody);
      return;
    case 'malformedJson': {
      const cut = JSON.stringify(body).slice(0, 12);
      ctx.res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      ctx.res.end(cut);
      return;
    }
    case 'dropHalfway':
      dropConnection(ctx.res);
      return;
    case 'stall':
      await stallUntilAborted(ctx.signal);
      return;
    default:
      sendJson(ctx.res, 200, body);
  }
}
