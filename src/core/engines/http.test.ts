import { afterEach, describe, expect, it } from 'vitest';
import { closedPortUrl, startRawServer, type RawServer } from '../../../test/stand-ins/engines/raw-server';
import { EngineError } from './errors';
import { errorDetailFromBody, fetchJson, requestJson } from './http';

let server: RawServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function failureOf(promise: Promise<unknown>): Promise<EngineError> {
  const error: unknown = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(EngineError);
  return error as EngineError;
}

describe('fetchJson', () => {
  it('returns the parsed JSON body and sends a JSON POST body', async () => {
    server = await startRawServer((req, res) => {
      let text = '';
      req.on('data', (c: Buffer) => (text += c.toString()));
      req.on('end', () => res.end(JSON.stringify({ method: req.method, got: JSON.parse(text || 'null') as unknown })));
    });
    expect(await fetchJson(`${server.url}/x`, { timeoutMs: 2000, body: { a: 1 } })).toEqual({ method: 'POST', got: { a: 1 } });
    const reply = await requestJson(`${server.url}/x`, { timeoutMs: 2000 });
    expect(reply.status).toBe(200);
    expect(reply.data).toEqual({ method: 'GET', got: null });
  });

  it('classifies a closed port as UNREACHABLE "connection refused" at once', async () => {
    const startedAt = performance.now();
    const error = await failureOf(fetchJson(`${await closedPortUrl()}/api/tags`, { timeoutMs: 5000 }));
    expect(error.code).toBe('UNREACHABLE');
    expect(error.detail).toBe('connection refused');
    expect(performance.now() - startedAt).toBeLessThan(2000);
  });

  it('turns a 500 into HTTP_500 carrying the server message', async () => {
    server = await startRawServer((_req, res) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'llama runner process has terminated' }));
    });
    const error = await failureOf(fetchJson(server.url, { timeoutMs: 2000 }));
    expect(error.code).toBe('HTTP_500');
    expect(error.detail).toBe('HTTP 500: llama runner process has terminated');
  });

  it('reports a body that is not JSON as MALFORMED, quoting it', async () => {
    server = await startRawServer((_req, res) => res.end('{"models": ['));
    const error = await failureOf(fetchJson(server.url, { timeoutMs: 2000 }));
    expect(error.code).toBe('MALFORMED');
    expect(error.detail).toContain('{\\"models\\": [');
  });

  it('gives up on a server that never answers with TIMEOUT near the deadline', async () => {
    server = await startRawServer(() => undefined);
    const startedAt = performance.now();
    const error = await failureOf(fetchJson(server.url, { timeoutMs: 5000, headersTimeoutMs: 300 }));
    expect(error.code).toBe('TIMEOUT');
    expect(error.detail).toBe('no answer within 0.3 s');
    expect(performance.now() - startedAt).toBeLessThan(2000);
  });

  it('bounds a body that trickles forever by the overall timeout', async () => {
    server = await startRawServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"a":');
    });
    const error = await failureOf(fetchJson(server.url, { timeoutMs: 400 }));
    expect(error.code).toBe('TIMEOUT');
  });

  it('reports a connection closed before the answer as DROPPED', async () => {
    server = await startRawServer((req) => req.socket.destroy());
    const error = await failureOf(fetchJson(server.url, { timeoutMs: 2000 }));
    expect(error.code).toBe('DROPPED');
  });

  it('stops with ABORTED when the caller cancels', async () => {
    server = await startRawServer(() => undefined);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const error = await failureOf(fetchJson(server.url, { timeoutMs: 5000, signal: controller.signal }));
    expect(error.code).toBe('ABORTED');
  });
});

describe('errorDetailFromBody', () => {
  it('reads the error shapes of Ollama, OpenAI, FastAPI and plain text', () => {
    expect(errorDetailFromBody('{"error":"model not found"}')).toBe('model not found');
    expect(errorDetailFromBody('{"error":{"message":"CUDA out of memory","code":500}}')).toBe('CUDA out of memory');
    expect(errorDetailFromBody('{"object":"error","message":"bad request"}')).toBe('bad request');
    expect(errorDetailFromBody('{"detail":"Not Found"}')).toBe('Not Found');
    expect(errorDetailFromBody(' 404 page not found\n')).toBe('404 page not found');
  });
});
