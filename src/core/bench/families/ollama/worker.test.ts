import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { closedPortUrl } from '../../../../../test/stand-ins/engines/raw-server';
import { makeWorkerContext } from '../../../../../test/helpers/worker-context';
import { startOllamaStandIn, type OllamaStandInOptions } from '../../../../../test/stand-ins/engines/ollama-stand-in';
import type { RunningStandIn } from '../../../../../test/stand-ins/engines/stand-in-http';
import { createTinyTokenSource } from '../../../../../test/stand-ins/engines/tiny-token-source';
import { createScriptedTokenSource, type TokenSource } from '../../../../../test/stand-ins/engines/token-source';
import { WorkerMessageSchema, type WorkerMessage } from '../../../../shared/worker-protocol';
import { EngineError } from '../../../engines/errors';
import { runHarness } from '../../worker/harness';
import { UnavailableError } from '../../worker/types';
import { generateStreamed } from './client';
import { ollamaGenerate, type OllamaState } from './worker';

let server: RunningStandIn | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(options: OllamaStandInOptions): Promise<string> {
  server = await startOllamaStandIn(options);
  return server.url;
}

/** Runs setup + one measure and returns the failure, with how long it took. */
async function failureOf(params: Record<string, unknown>): Promise<{ error: unknown; elapsedMs: number }> {
  const ctx = makeWorkerContext('ollama.generate', params);
  const startedAt = performance.now();
  const error = await ollamaGenerate.setup(ctx).then((state) => ollamaGenerate.measure(state, ctx, 0)).then(() => undefined, (e: unknown) => e);
  return { error, elapsedMs: performance.now() - startedAt };
}

describe('ollama.generate against an Ollama stand-in generating real llama.cpp tokens', () => {
  let tiny: TokenSource;
  beforeAll(async () => {
    tiny = await createTinyTokenSource({ parallel: 2 });
  });
  afterAll(async () => tiny.close());

  it('measures eval tokens/s, prompt rate, load and TTFT from real generations', async () => {
    const endpoint = await start({ tokenSource: tiny, version: '0.12.6' });
    const ctx = makeWorkerContext('ollama.generate', { endpoint, numPredict: 32, ttftNumPredict: 4 });
    const state = await ollamaGenerate.setup(ctx);
    const warmup = await ollamaGenerate.measure(state, ctx, 0);
    const rep = await ollamaGenerate.measure(state, ctx, 1);
    for (const m of [warmup, rep]) {
      expect(m.value).toBeGreaterThan(0);
      expect(m.metrics?.evalCount).toBe(32);
      expect(m.metrics?.promptTokensPerSec).toBeGreaterThan(0);
      expect(m.metrics?.ttftMs).toBeGreaterThan(0);
      expect(m.workUnits).toBe(36);
    }
    expect(warmup.metrics?.loadMs).toBeGreaterThan(rep.metrics?.loadMs ?? Infinity);
    expect(server?.requests.filter((r) => r === 'POST /api/generate')).toHaveLength(4);
    const identity = ollamaGenerate.identity(state, ctx);
    expect(identity).toMatchObject({ engine: 'ollama', engineVersion: '0.12.6', model: 'synthetic-tiny:latest', modelKey: 'synthetic-tiny', numPredict: 32 });
    expect(identity.promptTokens).toBeGreaterThan(20);
    expect(typeof identity.modelDigest).toBe('string');
    expect(ollamaGenerate.notes?.(state).join(' ')).toContain('Loading the model took');
  });

  it('runs under the real harness: a warm-up, the planned samples and a result, every message valid', async () => {
    const endpoint = await start({ tokenSource: tiny });
    const job = { ...makeWorkerContext('ollama.generate', { endpoint, numPredict: 16, ttftNumPredict: 4 }).job };
    job.repetitions = { warmups: 1, planned: 2, max: 2, cvThreshold: 0.035 };
    const messages: WorkerMessage[] = [];
    await runHarness(ollamaGenerate, job, (m) => messages.push(WorkerMessageSchema.parse(m)), new AbortController().signal);
    const samples = messages.filter((m) => m.type === 'sample');
    expect(samples.map((m) => m.isWarmup)).toEqual([true, false, false]);
    const result = messages.at(-1);
    expect(result?.type).toBe('result');
    expect(result?.type === 'result' && result.metricUnits.ttftMs).toBe('ms');
  });
});

describe('ollama.generate setup', () => {
  it('is unavailable within 2 s with the documented message when nothing listens', async () => {
    const endpoint = await closedPortUrl();
    const { error, elapsedMs } = await failureOf({ endpoint });
    expect(elapsedMs).toBeLessThan(2000);
    expect(error).toBeInstanceOf(UnavailableError);
    expect((error as UnavailableError).message).toBe(`Ollama is not answering at ${endpoint} (connection refused)`);
    expect((error as UnavailableError).howToEnable).toBe('install Ollama and run “ollama serve”, or set the endpoint in Settings');
  });

  it('picks the smallest listed model unless one is requested', async () => {
    const models = [
      { name: 'big:70b', sizeBytes: 40e9 },
      { name: 'small:1b', sizeBytes: 1e9, digest: 'abc' },
    ];
    const endpoint = await start({ tokenSource: createScriptedTokenSource(), models });
    const state: OllamaState = await ollamaGenerate.setup(makeWorkerContext('ollama.generate', { endpoint }));
    expect(state.model.name).toBe('small:1b');
    const chosen = await ollamaGenerate.setup(makeWorkerContext('ollama.generate', { endpoint, model: 'big:70b' }));
    expect(chosen.model.name).toBe('big:70b');
  });

  it('is unavailable, pointing at `ollama pull`, with no models or a missing one', async () => {
    const endpoint = await start({ tokenSource: createScriptedTokenSource(), models: [] });
    const { error } = await failureOf({ endpoint });
    expect((error as UnavailableError).message).toBe(`Ollama at ${endpoint} has no models`);
    expect((error as UnavailableError).howToEnable).toContain('ollama pull');
    await server?.close();
    const other = await start({ tokenSource: createScriptedTokenSource() });
    const missing = await failureOf({ endpoint: other, model: 'gpt-oss:20b' });
    expect((missing.error as UnavailableError).howToEnable).toBe('run “ollama pull gpt-oss:20b”');
  });
});

describe('ollama.generate faults', () => {
  const scripted = createScriptedTokenSource({ tokenDelayMs: 2 });
  const fast = { numPredict: 16, ttftNumPredict: 16, requestTimeoutMs: 1000, idleTimeoutMs: 500 };

  it.each([
    ['http500', 'HTTP_500', 'Ollama: HTTP 500: llama runner process has terminated: exit status 2'],
    ['malformedJson', 'MALFORMED', 'Ollama: the answer is not valid JSON'],
    ['dropHalfway', 'DROPPED', 'Ollama: the server closed the connection before the response was complete'],
    ['slow', 'TIMEOUT', 'Ollama: no answer within 1 s'],
    ['stall', 'TIMEOUT', 'Ollama: no answer within 1 s'],
  ] as const)('%s fails the repetition with %s and a clear message, within bounded time', async (fault, code, message) => {
    const endpoint = await start({ tokenSource: scripted, fault, slowMs: 30_000 });
    const { error, elapsedMs } = await failureOf({ endpoint, ...fast });
    expect(error).toBeInstanceOf(EngineError);
    expect((error as EngineError).code).toBe(code);
    expect((error as EngineError).message).toContain(message);
    expect(elapsedMs).toBeLessThan(3000);
  });

  it('a streamed pass cut halfway names how far it got', async () => {
    const endpoint = await start({ tokenSource: scripted, fault: 'dropHalfway' });
    const request = { model: 'scripted:latest', prompt: 'hello', numPredict: 16 };
    const error: unknown = await generateStreamed(endpoint, request, { ...fast, metadataTimeoutMs: 1000 }).catch((e: unknown) => e);
    expect((error as EngineError).code).toBe('DROPPED');
    expect((error as EngineError).detail).toBe('the stream ended after 8 of 16 tokens (connection closed)');
  });

  it('a streamed pass that stalls halfway hits the idle timeout, naming how far it got', async () => {
    const endpoint = await start({ tokenSource: scripted, fault: 'stall' });
    const request = { model: 'scripted:latest', prompt: 'hello', numPredict: 16 };
    const startedAt = performance.now();
    const error: unknown = await generateStreamed(endpoint, request, { ...fast, requestTimeoutMs: 10_000, metadataTimeoutMs: 1000 }).catch((e: unknown) => e);
    expect((error as EngineError).code).toBe('TIMEOUT');
    expect((error as EngineError).detail).toBe('the stream stalled: no data for 0.5 s after 8 of 16 tokens');
    expect(performance.now() - startedAt).toBeLessThan(3000);
  });
});
