import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiTestCore, FIXTURE_BENCHMARK_ID } from '../../../test/helpers/api-core';
import { readStream, send } from '../../../test/helpers/raw-http';
import { makeTempDir } from '../../../test/helpers/temp-dir';
import { CONTENT_SECURITY_POLICY } from '../../shared/api/csp';
import type { RigmarkCore } from '../app/rigmark-core';
import { startServer } from './start-server';
import type { RunningServer } from './start-server';

describe('startServer (real core on loopback)', () => {
  let core: RigmarkCore;
  let closeCore: () => Promise<void>;
  let server: RunningServer;
  let temp: { dir: string; cleanup: () => void };
  let auth: Record<string, string>;
  const host = (): Record<string, string> => ({ host: `127.0.0.1:${server.port}` });
  const call = (channel: string, body: string, headers: Record<string, string> = {}) =>
    send(server.port, { method: 'POST', path: `/api/call/${channel}`, body, headers: { ...auth, 'content-type': 'application/json', ...headers } });

  beforeAll(async () => {
    ({ core, cleanup: closeCore } = await createApiTestCore());
    temp = makeTempDir('rigmark-static-');
    const staticDir = join(temp.dir, 'renderer');
    mkdirSync(join(staticDir, 'assets'), { recursive: true });
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Rigmark</title>');
    writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(staticDir, 'assets', 'app.css'), 'body{}');
    writeFileSync(join(staticDir, '.env'), 'SECRET=dot');
    writeFileSync(join(temp.dir, 'secret.txt'), 'SECRET outside the static dir');
    server = await startServer({ core, staticDir, keepAliveMs: 50, version: '1.2.3' });
    auth = { authorization: `Bearer ${server.token}` };
  });
  afterAll(async () => {
    await server.close();
    await closeCore();
    temp.cleanup();
  });

  it('listens on 127.0.0.1 and prints a URL carrying a fresh 32-byte token', async () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
    expect(server.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const other = await startServer({ core, staticDir: temp.dir });
    expect(other.token).not.toBe(server.token);
    await other.close();
  });

  it('serves index.html with the CSP and hardening headers', async () => {
    const res = await send(server.port, { path: '/?token=x' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.body).toContain('<title>Rigmark</title>');
  });

  it('serves assets with their MIME types and falls back to index.html for client routes only', async () => {
    expect((await send(server.port, { path: '/assets/app.js' })).headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await send(server.port, { path: '/assets/app.css' })).headers['content-type']).toBe('text/css; charset=utf-8');
    expect((await send(server.port, { path: '/runs/3' })).body).toContain('<title>Rigmark</title>');
    expect((await send(server.port, { path: '/assets/missing.js' })).status).toBe(404);
    const head = await send(server.port, { method: 'HEAD', path: '/assets/app.js' });
    expect([head.status, head.body, head.headers['content-length']]).toEqual([200, '', '14']);
  });

  it('never serves a file outside the static dir or a dot-file, however the path is spelled', async () => {
    const paths = ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt', '/%2e%2e%2f%2e%2e%2fsecret.txt', '/.env', '/%00', '/%E0%A4%A'];
    for (const path of paths) {
      const res = await send(server.port, { path });
      expect(res.body, path).not.toContain('SECRET');
    }
  });

  it('refuses API calls without the right token with 401', async () => {
    expect((await send(server.port, { method: 'POST', path: '/api/call/app:info', body: '{}', headers: { 'content-type': 'application/json' } })).status).toBe(401);
    const wrong = await call('app:info', '{}', { authorization: 'Bearer wrong' });
    expect(wrong.status).toBe(401);
    expect(JSON.parse(wrong.body)).toEqual({ ok: false, error: { code: 'UNAUTHORIZED', message: 'missing or wrong token' } });
    // The query token is for EventSource only; on calls it would end up in history and logs.
    const query = await send(server.port, { method: 'POST', path: `/api/call/app:info?token=${server.token}`, body: '{}', headers: { 'content-type': 'application/json' } });
    expect(query.status).toBe(401);
    expect((await send(server.port, { path: `/api/events?token=wrong` })).status).toBe(401);
  });

  it('accepts the token as a Bearer header or x-rigmark-token and answers the contract', async () => {
    const bearer = await call('app:info', '{}');
    expect(bearer.status).toBe(200);
    expect(JSON.parse(bearer.body)).toMatchObject({ ok: true, value: { mode: 'web', version: '1.2.3', electron: null } });
    const header = await send(server.port, { method: 'POST', path: '/api/call/settings:get', body: '', headers: { 'x-rigmark-token': server.token, 'content-type': 'application/json' } });
    expect(JSON.parse(header.body)).toMatchObject({ ok: true, value: { theme: 'dark' } });
    expect(header.headers['cache-control']).toBe('no-store');
  });

  it('refuses a foreign Host header with 403 (DNS rebinding)', async () => {
    for (const value of ['evil.example:80', `evil.example:${server.port}`, `127.0.0.1:${server.port + 1}`, '127.0.0.1']) {
      expect((await call('app:info', '{}', { host: value })).status, value).toBe(403);
      expect((await send(server.port, { path: '/', headers: { host: value } })).status, value).toBe(403);
    }
    // Node's HTTP parser already answers 400 to an HTTP/1.1 request without Host; either way it is refused.
    expect([400, 403]).toContain((await send(server.port, { path: '/', omitHost: true })).status);
    expect((await call('app:info', '{}', { host: `localhost:${server.port}` })).status).toBe(200);
  });

  it('refuses a foreign or null Origin with 403 and accepts its own', async () => {
    for (const origin of ['http://evil.example', 'null', `http://127.0.0.1:${server.port + 1}`, `https://127.0.0.1:${server.port}`]) {
      expect((await call('app:info', '{}', { origin })).status, origin).toBe(403);
    }
    expect((await call('app:info', '{}', { origin: `http://127.0.0.1:${server.port}`, ...host() })).status).toBe(200);
    expect((await call('app:info', '{}', { origin: `http://localhost:${server.port}` })).status).toBe(200);
  });

  it('maps API failures to HTTP statuses with an ApiResponse body', async () => {
    expect((await call('runs:delete', '{}')).status).toBe(404);
    const bad = await call('runs:get', '{"runId":"x"}');
    expect([bad.status, JSON.parse(bad.body).error.code]).toEqual([400, 'BAD_INPUT']);
    const notJson = await call('app:info', '{nope');
    expect([notJson.status, JSON.parse(notJson.body)]).toEqual([400, { ok: false, error: { code: 'BAD_INPUT', message: 'request body is not valid JSON' } }]);
    expect((await call('app:info', '{}', { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await send(server.port, { path: '/api/call/app:info', headers: auth })).status).toBe(405);
    expect((await send(server.port, { path: '/api/nothing', headers: auth })).status).toBe(404);
  });

  it('refuses bodies over 1 MiB with 413, declared or chunked', async () => {
    const big = JSON.stringify({ model: 'x'.repeat(1024 * 1024) });
    expect((await call('benchmarks:list', big)).status).toBe(413);
    const chunked = await send(server.port, {
      method: 'POST',
      path: '/api/call/benchmarks:list',
      body: big,
      isChunked: true,
      headers: { ...auth, 'content-type': 'application/json' },
    });
    // The server answers 413 and cuts the connection; a client still writing may see the reset first.
    expect([413, 0]).toContain(chunked.status);
    expect((await call('app:info', '{}')).status).toBe(200);
  });

  it('streams the events of a run over SSE, in order, authorised by ?token=', async () => {
    const events = await collectRun(server.port, server.token, () => call('runs:start', JSON.stringify({ benchmarkIds: [FIXTURE_BENCHMARK_ID] })));
    const types = events.map((e) => e.type);
    expect(types[0]).toBe('run-started');
    expect(types.indexOf('instance-started')).toBeLessThan(types.indexOf('sample'));
    expect(types.indexOf('sample')).toBeLessThan(types.indexOf('instance-finished'));
    expect(events.at(-1)).toMatchObject({ type: 'run-finished', status: 'completed' });
    await expect(readStream(server.port, '/api/events', () => true)).rejects.toThrow('status 401');
  });

  it('sends keep-alive comments on an idle event stream', async () => {
    const stream = await readStream(server.port, `/api/events?token=${server.token}`, (t) => t.includes(': keep-alive\n\n'));
    stream.close();
    expect(stream.text).toMatch(/^retry: 2000\n: connected\n\n/);
  });

  it('ends open event streams when closed', async () => {
    const staticDir = join(temp.dir, 'renderer');
    const own = await startServer({ core, staticDir });
    const stream = await readStream(own.port, `/api/events?token=${own.token}`, (t) => t.includes(': connected'));
    await own.close();
    await stream.ended;
    await expect(send(own.port, { path: '/' })).rejects.toThrow(/ECONNREFUSED/);
  });

  it('refuses a weak caller-supplied token and a taken port', async () => {
    await expect(startServer({ core, staticDir: temp.dir, token: 'short' })).rejects.toThrow(/32–256/);
    await expect(startServer({ core, staticDir: temp.dir, port: server.port })).rejects.toThrow(/EADDRINUSE/);
  });
});

/** Opens a stream, triggers `start`, and returns the events of that run in order once it has finished. */
async function collectRun(port: number, token: string, start: () => Promise<unknown>): Promise<Array<{ type: string }>> {
  let opened!: () => void;
  const isOpen = new Promise<void>((resolve) => (opened = resolve));
  const pending = readStream(port, `/api/events?token=${token}`, (t) => t.includes('"run-finished"'), opened);
  await isOpen;
  await start();
  const { text, close } = await pending;
  close();
  return text
    .split('\n\n')
    .filter((frame) => frame.startsWith('data: '))
    .map((frame) => JSON.parse(frame.slice('data: '.length)) as { type: string });
}
