import type { ServerResponse } from 'node:http';
import type { ApiEvent } from '../../shared/api/contract';

/** Fan-out of core events to every open `/api/events` response. */
export interface EventHub {
  /** Starts streaming to `res` until the client goes away or the hub closes. */
  attach(res: ServerResponse): void;
  readonly clientCount: number;
  /** Ends every stream and stops the keep-alive timer. */
  close(): void;
}

/**
 * Creates the hub. Each event is one SSE message, `data: <json>\n\n` (JSON never contains a raw newline). A
 * comment line goes out every `keepAliveMs` so that idle streams are not cut by proxies or the browser.
 */
export function createEventHub(subscribe: (listener: (event: ApiEvent) => void) => () => void, keepAliveMs: number): EventHub {
  const clients = new Set<ServerResponse>();
  const unsubscribe = subscribe((event) => {
    const frame = `data: ${JSON.stringify(event)}\n\n`;
    for (const res of clients) res.write(frame);
  });
  const timer = setInterval(() => {
    for (const res of clients) res.write(': keep-alive\n\n');
  }, keepAliveMs);
  // The timer alone must not keep a CLI process alive after everything else is done.
  timer.unref();

  return {
    attach(res) {
      res.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
      });
      // `retry` tells EventSource how soon to reconnect after a drop; the comment flushes headers at once.
      res.write('retry: 2000\n: connected\n\n');
      clients.add(res);
      res.on('close', () => clients.delete(res));
    },
    get clientCount() {
      return clients.size;
    },
    close() {
      clearInterval(timer);
      unsubscribe();
      for (const res of clients) res.end();
      clients.clear();
    },
  };
}
