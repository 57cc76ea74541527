import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiErrorCode, ApiResponse } from '../../shared/api/contract';
import { HTTP_CALL_PREFIX, HTTP_EVENTS_PATH, TOKEN_QUERY_PARAM } from '../../shared/api/transport';
import type { RigmarkCore } from '../app/rigmark-core';
import { RIGMARK_VERSION } from '../version';
import { createDispatcher } from '../api/dispatch';
import type { Dispatch } from '../api/dispatch';
import { readBody } from './body';
import { createEventHub } from './event-stream';
import type { EventHub } from './event-stream';
import { assertStrongToken, generateToken, isHostAllowed, isOriginAllowed, presentedToken, tokensEqual } from './guards';
import { serveStatic } from './static-files';

/** The only interface web mode binds: nothing off this machine can reach it. */
const HOST = '127.0.0.1';
const ONE_MIB = 1024 * 1024;
/** Body cap for `runs:import` only: a 50 MiB export plus its JSON escaping. */
const IMPORT_MAX_BODY_BYTES = 64 * ONE_MIB;
/** Body cap for `reference:add`: an 8 MiB reference file plus its JSON escaping. */
const REFERENCE_MAX_BODY_BYTES = 16 * ONE_MIB;

export interface StartServerOptions {
  core: RigmarkCore;
  /** The built renderer (`out/renderer`). */
  staticDir: string;
  /** TCP port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number;
  /** The API token; a fresh 32-byte base64url one per start by default. Must be ≥ 32 URL-safe characters. */
  token?: string;
  /** Rigmark's version, reported by `app:info` (default: package.json's). */
  version?: string;
  /** Interval of SSE keep-alive comments, ms (default 15 000). */
  keepAliveMs?: number;
  /** Largest accepted request body, bytes (default 1 MiB). */
  maxBodyBytes?: number;
}

export interface RunningServer {
  /** What to open in a browser: `http://127.0.0.1:PORT/?token=…` (the page moves the token to sessionStorage). */
  url: string;
  port: number;
  token: string;
  /** Ends event streams and open connections, then stops listening. Does not close the core. */
  close(): Promise<void>;
}

const STATUS_OF: Record<ApiErrorCode, number> = {
  BAD_INPUT: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  UNAVAILABLE: 422,
  INTERNAL: 500,
  STORE: 503,
};

/** Headers on every answer: no MIME sniffing, no referrer (the page URL may carry the token), no framing. */
function setCommonHeaders(res: ServerResponse): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}

function sendJson(res: ServerResponse, response: ApiResponse<unknown>, status?: number): void {
  const body = JSON.stringify(response);
  const code = status ?? (response.ok ? 200 : STATUS_OF[response.error.code]);
  res.writeHead(code, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body)),
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

function fail(res: ServerResponse, code: ApiErrorCode, message: string, status?: number): void {
  sendJson(res, { ok: false, error: { code, message } }, status);
}

interface Context {
  dispatch: Dispatch;
  hub: EventHub;
  token: string;
  staticDir: string;
  maxBodyBytes: number;
  port: () => number;
}

async function handleCall(req: IncomingMessage, res: ServerResponse, ctx: Context, channel: string): Promise<void> {
  if (req.method !== 'POST') return fail(res, 'BAD_INPUT', 'use POST', 405);
  // Requiring a JSON content type makes any cross-site form or "simple" request fail before it is read.
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) return fail(res, 'BAD_INPUT', 'Content-Type must be application/json', 415);
  // A run export may be up to 50 MiB of text (more once JSON-escaped in the body); every other channel keeps the small cap.
  const maxBytes =
    channel === 'runs:import'
      ? Math.max(ctx.maxBodyBytes, IMPORT_MAX_BODY_BYTES)
      : channel === 'reference:add'
        ? Math.max(ctx.maxBodyBytes, REFERENCE_MAX_BODY_BYTES)
        : ctx.maxBodyBytes;
  const body = await readBody(req, maxBytes);
  if (!body.ok) {
    if (body.error.kind === 'aborted') return void res.destroy();
    res.setHeader('Connection', 'close');
    return fail(res, 'BAD_INPUT', `request body over ${maxBytes} bytes`, 413);
  }
  let input: unknown = {};
  if (body.text.trim() !== '') {
    try {
      input = JSON.parse(body.text);
    } catch {
      return fail(res, 'BAD_INPUT', 'request body is not valid JSON');
    }
  }
  sendJson(res, await ctx.dispatch(channel, input));
}

async function handleApi(req: IncomingMessage, res: ServerResponse, ctx: Context, url: URL): Promise<void> {
  const isEvents = url.pathname === HTTP_EVENTS_PATH;
  const token = presentedToken(req, url, isEvents);
  if (token === null || !tokensEqual(token, ctx.token)) return fail(res, 'UNAUTHORIZED', 'missing or wrong token');
  if (isEvents) {
    if (req.method !== 'GET') return fail(res, 'BAD_INPUT', 'use GET', 405);
    return ctx.hub.attach(res);
  }
  if (url.pathname.startsWith(HTTP_CALL_PREFIX)) {
    let channel: string;
    try {
      channel = decodeURIComponent(url.pathname.slice(HTTP_CALL_PREFIX.length));
    } catch {
      return fail(res, 'BAD_INPUT', 'malformed channel name');
    }
    return handleCall(req, res, ctx, channel);
  }
  fail(res, 'NOT_FOUND', `no such endpoint: ${url.pathname}`);
}

async function handle(req: IncomingMessage, res: ServerResponse, ctx: Context): Promise<void> {
  setCommonHeaders(res);
  const port = ctx.port();
  if (!isHostAllowed(req, port)) return fail(res, 'FORBIDDEN', 'unexpected Host header');
  if (!isOriginAllowed(req, port)) return fail(res, 'FORBIDDEN', 'cross-origin request refused');
  // Only origin-form targets ("/path?query"); absolute-form or "*" targets have no business here.
  if (!req.url?.startsWith('/')) return fail(res, 'BAD_INPUT', 'bad request target');
  const url = new URL(req.url, `http://${HOST}:${port}`);
  if (url.pathname === '/api' || url.pathname.startsWith('/api/')) return handleApi(req, res, ctx, url);
  if (req.method !== 'GET' && req.method !== 'HEAD') return fail(res, 'BAD_INPUT', 'use GET', 405);
  return serveStatic(req, res, ctx.staticDir, url.pathname);
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/**
 * Starts web mode: the built renderer plus the API contract over HTTP (`POST /api/call/<channel>`) and
 * server-sent events (`GET /api/events`), on 127.0.0.1 only. Every `/api/` request must carry the token;
 * Host and Origin are checked on every request. Rejects when the port is taken or the token is weak.
 */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const token = options.token ?? generateToken();
  assertStrongToken(token);
  const version = options.version ?? RIGMARK_VERSION;
  const dispatch = createDispatcher(options.core, { mode: 'web', version, electronVersion: null });
  const hub = createEventHub((listener) => options.core.onEvent(listener), options.keepAliveMs ?? 15_000);
  let boundPort = 0;
  const ctx: Context = {
    dispatch,
    hub,
    token,
    staticDir: options.staticDir,
    maxBodyBytes: options.maxBodyBytes ?? ONE_MIB,
    port: () => boundPort,
  };
  const server = createServer((req, res) => {
    handle(req, res, ctx).catch(() => {
      if (!res.headersSent) fail(res, 'INTERNAL', 'request failed');
      else res.destroy();
    });
  });
  try {
    boundPort = await listen(server, options.port ?? 0);
  } catch (error) {
    hub.close();
    throw error;
  }
  const url = `http://${HOST}:${boundPort}/?${TOKEN_QUERY_PARAM}=${token}`;
  return {
    url,
    port: boundPort,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        hub.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
