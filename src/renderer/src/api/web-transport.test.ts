// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiEvent } from '../../../shared/api/contract';
import { DEFAULT_SETTINGS } from '../../../shared/domain/settings';
import { withValidation } from './validated-api';
import { createWebTransport, takeToken } from './web-transport';

afterEach(() => {
  window.sessionStorage.clear();
  window.history.replaceState(null, '', '/');
});

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

class FakeEventSource {
  onmessage: ((message: MessageEvent<string>) => void) | null = null;
  constructor(readonly url: string) {}
  push(data: string): void {
    this.onmessage?.(new MessageEvent('message', { data }));
  }
}

describe('web transport', () => {
  it('takes the token from the address once, keeps it for reloads and removes it from the address bar', () => {
    window.history.replaceState(null, '', '/?token=s3cret#/results');
    expect(takeToken(window)).toBe('s3cret');
    expect(window.location.search).toBe('');
    expect(window.location.hash).toBe('#/results');
    expect(takeToken(window)).toBe('s3cret');
  });

  it('has no token when opened without one', () => {
    expect(takeToken(window)).toBeNull();
  });

  it('posts the input to /api/call/<channel> with the bearer token and unwraps the envelope', async () => {
    const fetch = vi.fn(async () => jsonResponse({ ok: true, value: DEFAULT_SETTINGS }));
    const api = createWebTransport({ token: 't0k', fetch, createEventSource: (url) => new FakeEventSource(url) as unknown as EventSource });
    expect(await api.call('settings:get', {})).toEqual({ ok: true, value: DEFAULT_SETTINGS });
    expect(fetch).toHaveBeenCalledWith('/api/call/settings:get', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer t0k' },
      body: '{}',
    });
  });

  it('passes the server error through, and turns a non-JSON 401 into an UNAUTHORIZED error', async () => {
    const errorApi = createWebTransport({
      token: 't',
      fetch: async () => jsonResponse({ ok: false, error: { code: 'NOT_FOUND', message: 'run 9 not found' } }, 404),
      createEventSource: (url) => new FakeEventSource(url) as unknown as EventSource,
    });
    expect(await errorApi.call('runs:get', { runId: 9 })).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'run 9 not found' } });
    const plainApi = createWebTransport({
      token: 't',
      fetch: async () => new Response('nope', { status: 401, statusText: 'Unauthorized' }),
      createEventSource: (url) => new FakeEventSource(url) as unknown as EventSource,
    });
    expect(await plainApi.call('runs:list', {})).toEqual({ ok: false, error: { code: 'UNAUTHORIZED', message: 'HTTP 401 Unauthorized' } });
  });

  it('rejects a reply that does not match the contract instead of showing it', async () => {
    const api = withValidation(
      createWebTransport({
        token: 't',
        fetch: async () => jsonResponse({ ok: true, value: { theme: 'purple' } }),
        createEventSource: (url) => new FakeEventSource(url) as unknown as EventSource,
      }),
    );
    const response = await api.call('settings:get', {});
    expect(response.ok).toBe(false);
    expect(response.ok ? '' : response.error.message).toMatch(/Unexpected reply from settings:get/);
  });

  it('opens one event stream with the token and delivers only events that match the contract', () => {
    const sources: FakeEventSource[] = [];
    const api = withValidation(
      createWebTransport({
        token: 'a b',
        fetch: async () => jsonResponse({}),
        createEventSource: (url) => {
          const source = new FakeEventSource(url);
          sources.push(source);
          return source as unknown as EventSource;
        },
      }),
    );
    const seen: ApiEvent[] = [];
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    api.onEvent((e) => seen.push(e));
    api.onEvent(() => undefined);
    expect(sources.map((s) => s.url)).toEqual(['/api/events?token=a%20b']);
    sources[0]?.push(JSON.stringify({ type: 'run-finished', runId: 1, status: 'completed' }));
    sources[0]?.push(JSON.stringify({ type: 'run-finished', runId: 'x' }));
    sources[0]?.push('not json');
    expect(seen).toEqual([{ type: 'run-finished', runId: 1, status: 'completed' }]);
  });
});
