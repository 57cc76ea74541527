import { afterEach, describe, expect, it } from 'vitest';
import { closedPortUrl, startRawServer, type RawServer } from '../../../test/stand-ins/engines/raw-server';
import { probeEndpoint } from './probe';

let server: RawServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('probeEndpoint', () => {
  it('answers unreachable within 2 s when nothing listens (product requirement)', async () => {
    const startedAt = performance.now();
    const result = await probeEndpoint(`${await closedPortUrl()}/api/tags`);
    expect(performance.now() - startedAt).toBeLessThan(2000);
    expect(result).toMatchObject({ isReachable: false, code: 'UNREACHABLE', detail: 'connection refused' });
  });

  it('answers unreachable within 2 s when a server accepts but never answers', async () => {
    server = await startRawServer(() => undefined);
    const startedAt = performance.now();
    const result = await probeEndpoint(server.url);
    expect(performance.now() - startedAt).toBeLessThan(2000);
    expect(result).toMatchObject({ isReachable: false, code: 'TIMEOUT' });
  });

  it('counts any HTTP answer as reachable and parses a JSON body', async () => {
    server = await startRawServer((req, res) => {
      res.writeHead(req.url === '/json' ? 200 : 404);
      res.end(req.url === '/json' ? '{"version":"0.12.6"}' : 'not found');
    });
    expect(await probeEndpoint(`${server.url}/json`)).toMatchObject({ isReachable: true, status: 200, data: { version: '0.12.6' } });
    expect(await probeEndpoint(`${server.url}/other`)).toMatchObject({ isReachable: true, status: 404, data: null });
  });
});
