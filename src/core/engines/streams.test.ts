import { describe, expect, it } from 'vitest';
import { EngineError } from './errors';
import { readLines, readNdjson, readSseData } from './streams';

const URL = 'http://127.0.0.1:1/test';
const encoder = new TextEncoder();

/** A body that delivers `chunks` one by one; with `hangAfter` it then sends nothing more and never ends. */
function bodyOf(chunks: string[], hangAfter = false): ReadableStream<Uint8Array> {
  let index = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[index++];
      if (chunk !== undefined) controller.enqueue(encoder.encode(chunk));
      else if (!hangAfter) controller.close();
      else return new Promise<void>(() => undefined);
      return undefined;
    },
  });
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

const options = { idleTimeoutMs: 1000, url: URL };

describe('readLines', () => {
  it('reassembles lines split across chunks, with CRLF and a final line without newline', async () => {
    expect(await collect(readLines(bodyOf(['ab', 'c\r\nde', 'f\n', 'tail']), options))).toEqual(['abc', 'def', 'tail']);
  });

  it('decodes a multi-byte character split between chunks', async () => {
    const bytes = encoder.encode('é\n');
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, 1));
        controller.enqueue(bytes.slice(1));
        controller.close();
      },
    });
    expect(await collect(readLines(body, options))).toEqual(['é']);
  });

  it('fails with TIMEOUT when the stream stalls longer than the idle timeout', async () => {
    const startedAt = performance.now();
    const error: unknown = await collect(readLines(bodyOf(['a\n'], true), { idleTimeoutMs: 200, url: URL })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EngineError);
    expect((error as EngineError).code).toBe('TIMEOUT');
    expect((error as EngineError).detail).toBe('the stream stalled: no data for 0.2 s');
    expect(performance.now() - startedAt).toBeLessThan(1500);
  });
});

describe('readNdjson', () => {
  it('parses one JSON value per non-empty line', async () => {
    const body = bodyOf(['{"response":"a","done":false}\n\n{"resp', 'onse":"","done":true}\n']);
    expect(await collect(readNdjson(body, options))).toEqual([
      { response: 'a', done: false },
      { response: '', done: true },
    ]);
  });

  it('reports a line that is not JSON as MALFORMED', async () => {
    const error: unknown = await collect(readNdjson(bodyOf(['{"a":1}\nnot json\n']), options)).catch((e: unknown) => e);
    expect((error as EngineError).code).toBe('MALFORMED');
  });
});

describe('readSseData', () => {
  it('yields the data of each event, skipping comments and other fields, [DONE] included', async () => {
    const body = bodyOf([': keep-alive\n\n', 'event: message\nid: 1\ndata: {"a":1}\n\n', 'data:{"b":\r\n', 'data: 2}\r\n\r\n', 'data: [DONE]\n\n']);
    expect(await collect(readSseData(body, options))).toEqual(['{"a":1}', '{"b":\n2}', '[DONE]']);
  });

  it('still yields an event whose blank line never came before the end', async () => {
    expect(await collect(readSseData(bodyOf(['data: [DONE]']), options))).toEqual(['[DONE]']);
  });
});
