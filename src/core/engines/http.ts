import { EngineError, formatSeconds } from './errors';

/** Deadlines and cancellation for one request. All times in milliseconds. */
export interface RequestOptions {
  /** Whole request, body included (for streams: until the stream is fully read). */
  timeoutMs: number;
  /**
   * Until the response headers arrive: covers the TCP connect and a server that accepts but never answers.
   * Defaults to `timeoutMs`. (Node's fetch cannot separate connect from first byte without undici's Agent.)
   */
  headersTimeoutMs?: number;
  /** Caller cancellation (the run's signal). */
  signal?: AbortSignal;
  /** JSON request body; when set the request is a POST. */
  body?: unknown;
}

/** A parsed JSON response. */
export interface JsonReply {
  data: unknown;
  headers: Headers;
  status: number;
}

/** The armed deadlines of one request: abort on overall/headers timeout or caller cancellation. */
export interface RequestGuard {
  signal: AbortSignal;
  /** Call when response headers arrived: stops the headers deadline. */
  markHeaders(): void;
  /** Stops all timers and listeners; call in `finally`. */
  dispose(): void;
}

/** Arms the deadlines of `options` for a request to `url`; aborting reasons are {@link EngineError}s. */
export function guardRequest(url: string, options: RequestOptions): RequestGuard {
  const controller = new AbortController();
  const abort = (error: EngineError): void => controller.abort(error);
  const headersMs = options.headersTimeoutMs ?? options.timeoutMs;
  // Armed first: on equal deadlines it fires first, so a server that never answers reads "no answer".
  const headers = setTimeout(
    () => abort(new EngineError('TIMEOUT', `no answer within ${formatSeconds(headersMs)}`, url)),
    headersMs,
  );
  const overall = setTimeout(
    () => abort(new EngineError('TIMEOUT', `no complete answer within ${formatSeconds(options.timeoutMs)}`, url)),
    options.timeoutMs,
  );
  const onCallerAbort = (): void => abort(new EngineError('ABORTED', 'cancelled', url));
  if (options.signal?.aborted === true) onCallerAbort();
  options.signal?.addEventListener('abort', onCallerAbort, { once: true });
  return {
    signal: controller.signal,
    markHeaders: () => clearTimeout(headers),
    dispose: () => {
      clearTimeout(overall);
      clearTimeout(headers);
      options.signal?.removeEventListener('abort', onCallerAbort);
    },
  };
}

/** Network error codes (Node / undici) → classified reason. */
const NETWORK_CODES: Record<string, [EngineError['code'], string]> = {
  ECONNREFUSED: ['UNREACHABLE', 'connection refused'],
  ENOTFOUND: ['UNREACHABLE', 'host not found'],
  EAI_AGAIN: ['UNREACHABLE', 'host name lookup failed'],
  EHOSTUNREACH: ['UNREACHABLE', 'host unreachable'],
  ENETUNREACH: ['UNREACHABLE', 'network unreachable'],
  EADDRNOTAVAIL: ['UNREACHABLE', 'address not available'],
  ECONNRESET: ['DROPPED', 'the server closed the connection before the response was complete'],
  EPIPE: ['DROPPED', 'the server closed the connection before the response was complete'],
  UND_ERR_SOCKET: ['DROPPED', 'the server closed the connection before the response was complete'],
  UND_ERR_CONNECT_TIMEOUT: ['TIMEOUT', 'connect timed out'],
  UND_ERR_HEADERS_TIMEOUT: ['TIMEOUT', 'no answer (headers timeout)'],
  UND_ERR_BODY_TIMEOUT: ['TIMEOUT', 'no data (body timeout)'],
  ETIMEDOUT: ['TIMEOUT', 'connect timed out'],
};

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') return code;
  // undici reports a dual-stack connect failure (localhost → ::1 and 127.0.0.1) as an AggregateError.
  if (error instanceof AggregateError) return errorCode(error.errors[0]);
  return undefined;
}

/**
 * Classifies anything fetch or a body read threw into an {@link EngineError}. Our own abort reasons pass through;
 * `signal` is the request's guard signal, whose reason wins over the generic error fetch raises on abort.
 */
export function classifyFetchError(error: unknown, url: string, signal?: AbortSignal): EngineError {
  if (error instanceof EngineError) return error;
  if (signal?.aborted === true && signal.reason instanceof EngineError) return signal.reason;
  const cause = error instanceof Error ? error.cause : undefined;
  const code = errorCode(cause) ?? errorCode(error);
  const known = code === undefined ? undefined : NETWORK_CODES[code];
  if (known !== undefined) return new EngineError(known[0], known[1], url, { cause: error });
  if (code === 'ERR_INVALID_URL') return new EngineError('BAD_ENDPOINT', 'not a valid URL', url, { cause: error });
  if (error instanceof Error && error.name === 'AbortError') return new EngineError('ABORTED', 'cancelled', url);
  const text = cause instanceof Error ? cause.message : error instanceof Error ? error.message : String(error);
  // A body cut off mid-transfer surfaces as a bare "terminated" TypeError from undici.
  if (text === 'terminated') return new EngineError('DROPPED', 'the connection closed mid-response', url);
  return new EngineError('UNREACHABLE', text, url, { cause: error });
}

/** The human part of an error body: Ollama `{error}`, OpenAI `{error:{message}}`, FastAPI `{detail}`, or text. */
export function errorDetailFromBody(text: string): string {
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null) {
      const record = parsed as Record<string, unknown>;
      const nested = record.error;
      if (typeof nested === 'string') return nested;
      if (typeof nested === 'object' && nested !== null) {
        const message = (nested as Record<string, unknown>).message;
        if (typeof message === 'string') return message;
      }
      if (typeof record.message === 'string') return record.message;
      if (typeof record.detail === 'string') return record.detail;
    }
  } catch {
    // Not JSON: fall through to the raw text.
  }
  return text.trim().slice(0, 200);
}

/**
 * Sends the request and waits for the headers. A non-2xx status throws `HTTP_<status>` with the server's own
 * message. The caller owns `guard` (dispose it when done with the body).
 */
export async function openResponse(url: string, options: RequestOptions, guard: RequestGuard): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: options.body === undefined ? 'GET' : 'POST',
      headers: options.body === undefined ? { accept: 'application/json' } : { 'content-type': 'application/json' },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: guard.signal,
    });
  } catch (error) {
    throw classifyFetchError(error, url, guard.signal);
  }
  guard.markHeaders();
  if (!response.ok) {
    const text = await response.text().catch(() => '');
    const detail = errorDetailFromBody(text);
    const status = response.status;
    throw new EngineError(`HTTP_${status}`, `HTTP ${status}${detail === '' ? '' : `: ${detail}`}`, url);
  }
  return response;
}

/** Parses `text` as JSON or throws `MALFORMED` quoting the start of what came back. */
export function parseJson(text: string, url: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const excerpt = text.length > 60 ? `${text.slice(0, 60)}…` : text;
    throw new EngineError('MALFORMED', `the answer is not valid JSON: ${JSON.stringify(excerpt)}`, url, {
      cause: error,
    });
  }
}

/**
 * Requests `url` (GET, or POST with a JSON body) and parses the JSON answer.
 * @throws {EngineError} UNREACHABLE, TIMEOUT, HTTP_<status>, MALFORMED, DROPPED or ABORTED.
 */
export async function requestJson(url: string, options: RequestOptions): Promise<JsonReply> {
  const guard = guardRequest(url, options);
  try {
    const response = await openResponse(url, options, guard);
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      throw classifyFetchError(error, url, guard.signal);
    }
    return { data: parseJson(text, url), headers: response.headers, status: response.status };
  } finally {
    guard.dispose();
  }
}

/**
 * Like {@link requestJson}, returning only the parsed body. Times in milliseconds.
 * @throws {EngineError} UNREACHABLE, TIMEOUT, HTTP_<status>, MALFORMED, DROPPED or ABORTED.
 */
export async function fetchJson(url: string, options: RequestOptions): Promise<unknown> {
  return (await requestJson(url, options)).data;
}
