import { EngineError } from './errors';
import { guardRequest, openResponse, type RequestOptions } from './http';
import { readNdjson, readSseData, type StreamReadOptions } from './streams';

/** Deadlines of a streamed request; `timeoutMs` bounds the whole stream, `idleTimeoutMs` each gap. */
export interface StreamRequestOptions extends RequestOptions {
  /** Longest gap between two chunks of the body, in milliseconds. */
  idleTimeoutMs: number;
}

type Reader<T> = (body: ReadableStream<Uint8Array>, options: StreamReadOptions) => AsyncGenerator<T, void, void>;

async function* streamWith<T>(url: string, options: StreamRequestOptions, read: Reader<T>): AsyncGenerator<T, void, void> {
  const guard = guardRequest(url, options);
  try {
    const response = await openResponse(url, options, guard);
    if (response.body === null) throw new EngineError('MALFORMED', 'the answer has no body', url);
    yield* read(response.body, { idleTimeoutMs: options.idleTimeoutMs, url, signal: guard.signal });
  } finally {
    guard.dispose();
  }
}

/**
 * Sends a request and yields the parsed NDJSON values of the streamed answer (Ollama). Nothing is sent until the
 * first `next()`, so a caller can start its clock just before iterating.
 * @throws {EngineError} UNREACHABLE, TIMEOUT, HTTP_<status>, MALFORMED, DROPPED or ABORTED.
 */
export function streamNdjson(url: string, options: StreamRequestOptions): AsyncGenerator<unknown, void, void> {
  return streamWith(url, options, readNdjson);
}

/**
 * Sends a request and yields the `data` payloads of the server-sent events of the answer (OpenAI-style),
 * `[DONE]` included: the protocol's end marker is the caller's to check.
 * @throws {EngineError} UNREACHABLE, TIMEOUT, HTTP_<status>, DROPPED or ABORTED.
 */
export function streamSse(url: string, options: StreamRequestOptions): AsyncGenerator<string, void, void> {
  return streamWith(url, options, readSseData);
}
