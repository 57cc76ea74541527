import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiTestCore, FIXTURE_BENCHMARK_ID, validApiInputs } from '../../../test/helpers/api-core';
import { apiContract } from '../../shared/api/contract';
import { comparisonToCsv, comparisonToMarkdown } from '../compare';
import type { Channel } from '../../shared/api/contract';
import type { RigmarkCore } from '../app/rigmark-core';
import { RigmarkError } from '../errors';
import { createDispatcher } from './dispatch';
import type { Dispatch } from './dispatch';

const OPTIONS = { mode: 'web', version: '9.9.9', electronVersion: null } as const;

describe('createDispatcher (real core, fixture catalogue)', () => {
  let core: RigmarkCore;
  let cleanup: () => Promise<void>;
  let dispatch: Dispatch;
  let runId: number;

  beforeAll(async () => {
    ({ core, cleanup } = await createApiTestCore());
    dispatch = createDispatcher(core, { ...OPTIONS, validateOutput: true });
    ({ runId } = await core.startRun({ benchmarkIds: [FIXTURE_BENCHMARK_ID] }));
    await core.waitForRun(runId);
  });
  afterAll(() => cleanup());

  it('answers every contract channel with output that matches its schema', async () => {
    const inputs = validApiInputs(core, runId);
    for (const channel of Object.keys(apiContract) as Channel[]) {
      const response = await dispatch(channel, inputs[channel]);
      expect(response, channel).toMatchObject({ ok: true });
      if (response.ok) expect(apiContract[channel].output.safeParse(response.value).success, channel).toBe(true);
      // Runs must not overlap (core answers CONFLICT), so let the one just started finish.
      if (channel === 'runs:start' && response.ok) await core.waitForRun((response.value as { runId: number }).runId);
    }
  });

  it('refuses input of the wrong shape on every channel with BAD_INPUT', async () => {
    for (const channel of Object.keys(apiContract)) {
      const response = await dispatch(channel, 'not an object');
      expect(response, channel).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    }
  });

  it('explains BAD_INPUT with the field path and the zod message', async () => {
    const response = await dispatch('runs:get', { runId: 'seven' });
    expect(response.ok).toBe(false);
    if (!response.ok) expect(response.error.message).toMatch(/^invalid input for runs:get: runId: .*expected number/);
  });

  it('refuses undeclared fields on strict inputs', async () => {
    expect(await dispatch('settings:update', { theme: 'dark', isAdmin: true })).toMatchObject({ error: { code: 'BAD_INPUT' } });
  });

  it('answers NOT_FOUND for unknown channels, including prototype names', async () => {
    for (const channel of ['runs:delete', '__proto__', 'constructor', 'toString', '']) {
      expect(await dispatch(channel, {}), channel).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
  });

  it('answers NOT_FOUND for a run that does not exist', async () => {
    expect(await dispatch('runs:get', { runId: 999_999 })).toMatchObject({ error: { code: 'NOT_FOUND' } });
    expect(await dispatch('runs:export', { runId: 999_999, format: 'csv' })).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  it('reports mode, version and runtime versions in app:info', async () => {
    const response = await dispatch('app:info', {});
    expect(response).toEqual({
      ok: true,
      value: { version: '9.9.9', dataDir: core.dataDir, node: process.versions.node, electron: null, mode: 'web' },
    });
  });

  it('names the export file and MIME type by format', async () => {
    const response = await dispatch('runs:export', { runId, format: 'csv' });
    expect(response).toMatchObject({ ok: true, value: { fileName: `rigmark-run-${runId}.csv`, mimeType: 'text/csv' } });
  });

  it('exports comparisons as core writes them: a run against the cards asked for, or card against card', async () => {
    const cards = ['a100', 'rtx-3090'];
    const run = await dispatch('compare:export', { kind: 'run', runId, cards, format: 'md' });
    expect(run).toEqual({
      ok: true,
      value: { fileName: `rigmark-compare-run-${runId}.md`, mimeType: 'text/markdown', content: comparisonToMarkdown(core.compareRun({ runId, cards }).comparison) },
    });
    const pair = await dispatch('compare:export', { kind: 'cards', ref: 'a100', vs: 'rtx-4090', format: 'csv' });
    expect(pair).toEqual({
      ok: true,
      value: { fileName: 'rigmark-a100-vs-rtx-4090.csv', mimeType: 'text/csv', content: comparisonToCsv(core.compareCards({ ref: 'a100', vs: 'rtx-4090' })) },
    });
  });

  it('refuses a comparison export with fields of the other kind, an unknown format or an unknown card', async () => {
    expect(await dispatch('compare:export', { kind: 'cards', runId, format: 'csv' })).toMatchObject({ error: { code: 'BAD_INPUT' } });
    expect(await dispatch('compare:export', { kind: 'run', ref: 'a100', format: 'csv' })).toMatchObject({ error: { code: 'BAD_INPUT' } });
    expect(await dispatch('compare:export', { kind: 'run', format: 'json' })).toMatchObject({ error: { code: 'BAD_INPUT' } });
    expect(await dispatch('compare:export', { kind: 'cards', ref: 'a100', vs: 'no-such-card', format: 'md' })).toMatchObject({ error: { code: 'BAD_INPUT' } });
  });
});

describe('createDispatcher error mapping', () => {
  let core: RigmarkCore;
  let cleanup: () => Promise<void>;
  beforeAll(async () => ({ core, cleanup } = await createApiTestCore()));
  afterAll(() => cleanup());

  const throwing = (error: unknown): Dispatch =>
    createDispatcher({ ...core, listRuns: () => { throw error; } }, OPTIONS);

  it('passes an error code through when it is an API code', async () => {
    const response = await throwing(new RigmarkError('CONFLICT', 'a run is already in progress'))('runs:list', {});
    expect(response).toEqual({ ok: false, error: { code: 'CONFLICT', message: 'a run is already in progress' } });
  });

  it('maps other codes and plain errors to INTERNAL with the message and no stack', async () => {
    const newer = await throwing(new RigmarkError('NEWER_SCHEMA', 'database is newer'))('runs:list', {});
    expect(newer).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'database is newer' } });
    const plain = await throwing(new TypeError('boom'))('runs:list', {});
    expect(plain).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'boom' } });
    expect(JSON.stringify(plain)).not.toContain('dispatch.ts');
    expect(await throwing('a string')('runs:list', {})).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'a string' } });
  });

  it('answers INTERNAL when core breaks the output contract and validation is on', async () => {
    const broken = { ...core, listRuns: () => [{ id: 'not a number' }] } as unknown as RigmarkCore;
    const checked = await createDispatcher(broken, { ...OPTIONS, validateOutput: true })('runs:list', {});
    expect(checked).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringMatching(/invalid runs:list output/) } });
    const unchecked = await createDispatcher(broken, { ...OPTIONS, validateOutput: false })('runs:list', {});
    expect(unchecked).toEqual({ ok: true, value: [{ id: 'not a number' }] });
  });
});
