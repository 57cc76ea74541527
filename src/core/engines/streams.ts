import { EngineError, formatSeconds } from './errors';
import { classifyFetchError, parseJson } from './http';

/** How a response body is read. */
export interface StreamReadOptions {
  /** Longest wait for the next chunk of bytes before giving up (a stalled server), in milliseconds. */
  idleTimeoutMs: number;
  /** For error messages. */
  url: string;
  /** The request's guard signal: when it aborted, its reason (overall timeout, cancel) names the failure. */
  signal?: AbortSignal;
}

type Chunk = Awaited<ReturnType<ReadableStreamDefaultReader<Uint8Array>['read']>>;

async function readWithIdleTimeout(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  options: StreamReadOptions,
): Promise<Chunk> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const idle = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new EngineError('TIMEOUT', `the stream stalled: no data for ${formatSeconds(options.idleTimeoutMs)}`, options.url));
    }, options.idleTimeoutMs);
  });
  try {
    return await Promise.race([reader.read(), idle]);
  } catch (error) {
    throw classifyFetchError(error, options.url, options.signal);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Reads a body as UTF-8 text lines (`\n` or `\r\n`), waiting at most `idleTimeoutMs` for each chunk. A final line
 * without a newline is still yielded. Stopping early (break) cancels the body, which closes the connection.
 * @throws {EngineError} TIMEOUT when a chunk does not come in time; DROPPED when the connection closes abruptly.
 */
export async function* readLines(
  body: ReadableStream<Uint8Array>,
  options: StreamReadOptions,
): AsyncGenerator<string, void, void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let pending = '';
  let isFinished = false;
  try {
    for (;;) {
      const { done, value } = await readWithIdleTimeout(reader, options);
      pending += done ? decoder.decode() : decoder.decode(value, { stream: true });
      let newline = pending.indexOf('\n');
      while (newline >= 0) {
        yield pending.slice(0, newline).replace(/\r$/, '');
        pending = pending.slice(newline + 1);
        newline = pending.indexOf('\n');
      }
      if (done) break;
    }
    isFinished = true;
    if (pending !== '') yield pending.replace(/\r$/, '');
  } finally {
    // On early exit or error, cancel so the socket is released instead of left half-read.
    if (!isFinished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

/**
 * Reads newline-delimited JSON (Ollama's streaming format): one parsed value per non-empty line.
 * @throws {EngineError} MALFORMED for a line that is not JSON, plus the errors of {@link readLines}.
 */
export async function* readNdjson(
  body: ReadableStream<Uint8Array>,
  options: StreamReadOptions,
): AsyncGenerator<unknown, void, void> {
  for await (const line of readLines(body, options)) {
    if (line.trim() === '') continue;
    yield parseJson(line, options.url);
  }
}

/**
 * Reads server-sent events and yields the `data` of each event (multi-line data joined with `\n`), as OpenAI-style
 * servers send `data: {...}` … `data: [DONE]`. Comments and other fields (`event:`, `id:`, `retry:`) are skipped.
 * An event left without its blank line at the end of the stream is still yielded.
 * @throws {EngineError} the errors of {@link readLines}.
 */
export async function* readSseData(
  body: ReadableStream<Uint8Array>,
  options: StreamReadOptions,
): AsyncGenerator<string, void, void> {
  let data: string[] = [];
  for await (const line of readLines(body, options)) {
    if (line === '') {
      if (data.length > 0) yield data.join('\n');
      data = [];
    } else if (line.startsWith('data:')) {
      data.push(line.slice(line.startsWith('data: ') ? 6 : 5));
    }
  }
  if (data.length > 0) yield data.join('\n');
}
