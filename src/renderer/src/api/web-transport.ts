import { ApiErrorSchema } from '../../../shared/api/contract';
import { HTTP_CALL_PREFIX, HTTP_EVENTS_PATH, TOKEN_QUERY_PARAM, TOKEN_SESSION_KEY } from '../../../shared/api/transport';
import type { ApiEvent, ApiResponse, Channel, ChannelInput, ChannelOutput, RigmarkApi } from '../../../shared/api/contract';
import { errorMessage } from './validated-api';

/** The browser surface the web transport needs; injected so tests can pass stand-ins. */
export interface WebTransportDeps {
  token: string;
  fetch: typeof fetch;
  createEventSource: (url: string) => EventSource;
}

/**
 * Reads the per-start token that `rigmark serve` puts in the address (`?token=…`) once, keeps it in
 * sessionStorage (so a reload keeps working, and it dies with the tab) and removes it from the address bar so it
 * does not end up in history, bookmarks or screenshots.
 */
export function takeToken(win: Window): string | null {
  const url = new URL(win.location.href);
  const fromUrl = url.searchParams.get(TOKEN_QUERY_PARAM);
  if (fromUrl !== null && fromUrl !== '') {
    win.sessionStorage.setItem(TOKEN_SESSION_KEY, fromUrl);
    url.searchParams.delete(TOKEN_QUERY_PARAM);
    win.history.replaceState(win.history.state, '', `${url.pathname}${url.search}${url.hash}`);
    return fromUrl;
  }
  return win.sessionStorage.getItem(TOKEN_SESSION_KEY);
}

/** Web mode: `POST /api/call/<channel>` with a bearer token, events over SSE. Same-origin only (CSP connect-src). */
export function createWebTransport(deps: WebTransportDeps): RigmarkApi {
  const listeners = new Set<(event: ApiEvent) => void>();
  let source: EventSource | null = null;

  // One EventSource for the whole app, opened with the first listener; EventSource reconnects by itself.
  const ensureSource = (): void => {
    if (source !== null) return;
    source = deps.createEventSource(`${HTTP_EVENTS_PATH}?${TOKEN_QUERY_PARAM}=${encodeURIComponent(deps.token)}`);
    source.onmessage = (message: MessageEvent<string>) => {
      let event: ApiEvent;
      try {
        event = JSON.parse(message.data) as ApiEvent;
      } catch {
        return;
      }
      for (const listener of listeners) listener(event);
    };
  };

  return {
    async call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ApiResponse<ChannelOutput<C>>> {
      let response: Response;
      try {
        response = await deps.fetch(`${HTTP_CALL_PREFIX}${channel}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${deps.token}` },
          body: JSON.stringify(input),
        });
      } catch (error) {
        return { ok: false, error: { code: 'INTERNAL', message: `Could not reach Rigmark: ${errorMessage(error)}` } };
      }
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        return { ok: false, error: { code: httpCode(response.status), message: `HTTP ${response.status} ${response.statusText}`.trim() } };
      }
      if (isEnvelope(body)) {
        if (body.ok) return { ok: true, value: body.value as ChannelOutput<C> };
        const parsed = ApiErrorSchema.safeParse(body.error);
        if (parsed.success) return { ok: false, error: parsed.data };
      }
      return { ok: false, error: { code: httpCode(response.status), message: `Malformed reply (HTTP ${response.status})` } };
    },
    onEvent(listener) {
      listeners.add(listener);
      ensureSource();
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

function isEnvelope(body: unknown): body is { ok: boolean; value?: unknown; error?: unknown } {
  return typeof body === 'object' && body !== null && typeof (body as { ok?: unknown }).ok === 'boolean';
}

function httpCode(status: number): 'UNAUTHORIZED' | 'FORBIDDEN' | 'NOT_FOUND' | 'BAD_INPUT' | 'INTERNAL' {
  if (status === 401) return 'UNAUTHORIZED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 400) return 'BAD_INPUT';
  return 'INTERNAL';
}
