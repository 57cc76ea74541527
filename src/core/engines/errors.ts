/**
 * How a request to an external engine failed. `HTTP_<status>` carries the server's status code.
 * - `UNREACHABLE`: nothing answered (connection refused, host not found, reset before any response).
 * - `TIMEOUT`: a connect, headers, overall or stream-idle deadline passed.
 * - `MALFORMED`: the server answered, but not with the JSON or stream framing the protocol defines.
 * - `DROPPED`: the connection closed before the response (or stream) was complete.
 * - `ENGINE_ERROR`: the server reported an error inside a stream that had started with status 200.
 * - `ABORTED`: the caller cancelled (run cancelled by the user).
 * - `BAD_ENDPOINT`: the configured endpoint is not an http(s) URL.
 */
export type EngineErrorCode =
  | 'UNREACHABLE'
  | 'TIMEOUT'
  | 'MALFORMED'
  | 'DROPPED'
  | 'ENGINE_ERROR'
  | 'ABORTED'
  | 'BAD_ENDPOINT'
  | `HTTP_${number}`;

/**
 * A classified engine failure. `detail` is the short human reason ("connection refused", "HTTP 500: out of
 * memory") that adapters put in user-facing messages; `message` adds the URL.
 */
export class EngineError extends Error {
  constructor(
    readonly code: EngineErrorCode,
    readonly detail: string,
    readonly url: string,
    options?: { cause?: unknown },
  ) {
    super(`${detail} (${url})`, options);
    this.name = 'EngineError';
  }
}

/** True when `error` is an {@link EngineError}, optionally with the given code. */
export function isEngineError(error: unknown, code?: EngineErrorCode): error is EngineError {
  return error instanceof EngineError && (code === undefined || error.code === code);
}

/** Seconds with at most one decimal, for messages ("no data for 0.5 s"). */
export function formatSeconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}

/**
 * Re-labels a failure in the middle of a token stream with how far it got: "the stream ended after 37 of 128
 * tokens (connection closed)", "the stream stalled: no data for 30 s after 37 of 128 tokens". Other engine errors
 * pass unchanged; anything else becomes MALFORMED (a parser threw on what the server sent).
 */
export function streamFailure(error: unknown, url: string, received: number, expected: number): EngineError {
  const progress = `after ${received} of ${expected} tokens`;
  if (isEngineError(error, 'TIMEOUT')) return new EngineError('TIMEOUT', `${error.detail} ${progress}`, url, { cause: error });
  if (isEngineError(error, 'DROPPED')) {
    return new EngineError('DROPPED', `the stream ended ${progress} (connection closed)`, url, { cause: error });
  }
  return isEngineError(error) ? error : new EngineError('MALFORMED', String(error), url, { cause: error });
}
