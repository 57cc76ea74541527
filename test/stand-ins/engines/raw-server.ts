import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A bare loopback HTTP server for protocol-level tests of the engine helpers. */
export interface RawServer {
  url: string;
  close(): Promise<void>;
}

/** Starts `handler` on 127.0.0.1 at a free port. `close()` also destroys open (stalled) connections. */
export async function startRawServer(handler: RequestListener): Promise<RawServer> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A loopback URL where nothing listens: a port just bound and released (connection refused). */
export async function closedPortUrl(): Promise<string> {
  const server = await startRawServer(() => undefined);
  await server.close();
  return server.url;
}
