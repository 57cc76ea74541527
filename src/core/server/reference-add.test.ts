import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiTestCore, FLEET_REFERENCE_FIXTURE } from '../../../test/helpers/api-core';
import { send } from '../../../test/helpers/raw-http';
import type { RigmarkCore } from '../app/rigmark-core';
import { startServer, type RunningServer } from './start-server';

describe('reference:add in web mode (real core on loopback)', () => {
  let core: RigmarkCore;
  let closeCore: () => Promise<void>;
  let server: RunningServer;
  const call = (channel: string, body: string) =>
    send(server.port, {
      method: 'POST',
      path: `/api/call/${channel}`,
      body,
      headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json', host: `127.0.0.1:${server.port}` },
    });

  beforeAll(async () => {
    ({ core, cleanup: closeCore } = await createApiTestCore());
    server = await startServer({ core, staticDir: core.dataDir, version: '1.2.3' });
  });
  afterAll(async () => {
    await server.close();
    await closeCore();
  });

  it('takes a reference file larger than the 1 MiB cap of other channels, up to its own 8 MiB limit', async () => {
    // fleet.json with a 3 MiB note: a real file's size, past the cap every other channel keeps.
    const file = JSON.parse(readFileSync(FLEET_REFERENCE_FIXTURE, 'utf8')) as { records: { note: string }[] };
    file.records[0]!.note = 'x'.repeat(3 * 1024 * 1024);
    const res = await call('reference:add', JSON.stringify({ fileName: 'big-fleet.json', content: JSON.stringify(file) }));
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { name: 'big-fleet.json', status: 'loaded', recordCount: 2 } });
    expect((await call('benchmarks:list', JSON.stringify({ model: 'x'.repeat(2 * 1024 * 1024) }))).status).toBe(413);
  });

  it('refuses a malformed file with the record and field named, and a name that leaves the folder', async () => {
    const bad = readFileSync(FLEET_REFERENCE_FIXTURE, 'utf8').replace('"value": 5890.25', '"value": null');
    const res = JSON.parse((await call('reference:add', JSON.stringify({ fileName: 'bad.json', content: bad }))).body) as unknown;
    expect(res).toEqual({
      ok: false,
      error: { code: 'BAD_INPUT', message: 'bad.json: reference record #1 (id fleet/a100/pp512): value: expected number, got null — the file was not added' },
    });
    const escape = JSON.parse((await call('reference:add', JSON.stringify({ fileName: '../x.json', content: '{}' }))).body) as { error: { code: string } };
    expect(escape.error.code).toBe('BAD_INPUT');
    expect(core.referenceFiles().map((f) => f.name)).toEqual(['big-fleet.json']);
  });
});
