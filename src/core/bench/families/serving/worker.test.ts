import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeWorkerContext } from '../../../../../test/helpers/worker-context';
import { startOpenAiStandIn, type OpenAiStandInOptions } from '../../../../../test/stand-ins/engines/openai-stand-in';
import { closedPortUrl } from '../../../../../test/stand-ins/engines/raw-server';
import type { RunningStandIn } from '../../../../../test/stand-ins/engines/stand-in-http';
import { createTinyTokenSource } from '../../../../../test/stand-ins/engines/tiny-token-source';
import { createScriptedTokenSource, type TokenSource } from '../../../../../test/stand-ins/engines/token-source';
import { WorkerMessageSchema, type WorkerMessage } from '../../../../shared/worker-protocol';
import { EngineError } from '../../../engines/errors';
import { runHarness } from '../../worker/harness';
import { UnavailableError } from '../../worker/types';
import { servingThroughput } from './worker';

let server: RunningStandIn | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(options: OpenAiStandInOptions): Promise<string> {
  server = await startOpenAiStandIn(options);
  return server.url;
}

async function failureOf(params: Record<string, unknown>): Promise<{ error: unknown; elapsedMs: number }> {
  const ctx = makeWorkerContext('serving.throughput', params);
  const startedAt = performance.now();
  const error = await servingThroughput.setup(ctx).then((state) => servingThroughput.measure(state, ctx, 0)).then(() => undefined, (e: unknown) => e);
  return { error, elapsedMs: performance.now() - startedAt };
}

describe('serving.throughput against an OpenAI stand-in generating real llama.cpp tokens', () => {
  let tiny: TokenSource;
  beforeAll(async () => {
    tiny = await createTinyTokenSource({ parallel: 4 });
  });
  afterAll(async () => tiny.close());

  it('sweeps concurrency 1 and 4 with sensible aggregates from the server usage counts', async () => {
    const endpoint = await start({ tokenSource: tiny, ownedBy: 'vllm' });
    const ctx = makeWorkerContext('serving.throughput', { endpoint: `${endpoint}/v1/`, concurrency: [1, 4], maxTokens: 16 });
    const state = await servingThroughput.setup(ctx);
    const startedAt = performance.now();
    const m = await servingThroughput.measure(state, ctx, 0);
    const elapsedSec = (performance.now() - startedAt) / 1000;
    const metrics = m.metrics ?? {};
    expect(m.workUnits).toBe(16 + 4 * 16);
    expect(m.value).toBe(metrics.c4_tokensPerSec);
    for (const level of [1, 4]) {
      expect(metrics[`c${level}_tokensPerSec`]).toBeGreaterThan(0);
      expect(metrics[`c${level}_ttftP50Ms`]).toBeGreaterThan(0);
      expect(metrics[`c${level}_ttftP95Ms`]).toBeGreaterThanOrEqual(metrics[`c${level}_ttftP50Ms`] ?? Infinity);
      expect(metrics[`c${level}_perStreamTokensPerSec`]).toBeGreaterThan(0);
    }
    // Bounds that hold whatever the load on the machine: a level's wall time lies within the whole measure, and
    // is at least one stream's decode span (so aggregate ≤ N tokens / span = perStream × N / (tokens − 1)).
    for (const level of [1, 4]) {
      const aggregate = metrics[`c${level}_tokensPerSec`] ?? 0;
      expect(aggregate).toBeGreaterThanOrEqual((level * 16) / elapsedSec);
      expect(aggregate).toBeLessThanOrEqual(((metrics[`c${level}_perStreamTokensPerSec`] ?? 0) * level * 16) / 15 + 1e-9);
    }
    expect(server?.requests.filter((r) => r === 'POST /v1/chat/completions')).toHaveLength(5);
    const identity = servingThroughput.identity(state, ctx);
    expect(identity).toMatchObject({ engine: 'vllm', engineVersion: null, model: 'synthetic-tiny', maxTokens: 16, concurrency: '1,4' });
    expect(identity.promptTokens).toBeGreaterThan(20);
    expect(servingThroughput.metricUnits).toMatchObject({ c4_tokensPerSec: 'tokens/s', c4_ttftP95Ms: 'ms', c64_perStreamTokensPerSec: 'tokens/s' });
  });

  it('counts tokens from the stream when the server sends no usage', async () => {
    const endpoint = await start({ tokenSource: tiny, omitUsage: true, serverHeader: 'llama.cpp' });
    const ctx = makeWorkerContext('serving.throughput', { endpoint, concurrency: [2], maxTokens: 12 });
    const state = await servingThroughput.setup(ctx);
    const m = await servingThroughput.measure(state, ctx, 0);
    expect(m.workUnits).toBe(24);
    expect(servingThroughput.identity(state, ctx)).toMatchObject({ engine: 'llama.cpp' });
    expect(servingThroughput.notes?.(state).join(' ')).toContain('counted from stream chunks');
  });

  it('runs under the real harness: a warm-up, the planned samples and a result with level units', async () => {
    const endpoint = await start({ tokenSource: tiny });
    const job = { ...makeWorkerContext('serving.throughput', { endpoint, concurrency: [1, 3], maxTokens: 8 }).job };
    job.repetitions = { warmups: 1, planned: 2, max: 2, cvThreshold: 0.035 };
    const messages: WorkerMessage[] = [];
    await runHarness(servingThroughput, job, (m) => messages.push(WorkerMessageSchema.parse(m)), new AbortController().signal);
    expect(messages.filter((m) => m.type === 'sample')).toHaveLength(3);
    const result = messages.at(-1);
    expect(result?.type === 'result' && result.metricUnits.c3_ttftP50Ms).toBe('ms');
    expect(result?.type === 'result' && result.identity.concurrency).toBe('1,3');
  });
});

describe('serving.throughput setup', () => {
  it('is unavailable within 2 s when nothing listens', async () => {
    const endpoint = await closedPortUrl();
    const { error, elapsedMs } = await failureOf({ endpoint });
    expect(elapsedMs).toBeLessThan(2000);
    expect(error).toBeInstanceOf(UnavailableError);
    expect((error as UnavailableError).message).toBe(`No OpenAI-compatible server is answering at ${endpoint} (connection refused)`);
  });

  it('uses the requested model, is unavailable for one not served, and names unknown engines generically', async () => {
    const endpoint = await start({ tokenSource: createScriptedTokenSource(), modelIds: ['a/first', 'b/second'] });
    const state = await servingThroughput.setup(makeWorkerContext('serving.throughput', { endpoint, model: 'b/second' }));
    expect(state).toMatchObject({ model: 'b/second', engine: 'openai-compatible', engineVersion: null });
    const first = await servingThroughput.setup(makeWorkerContext('serving.throughput', { endpoint }));
    expect(first.model).toBe('a/first');
    const { error } = await failureOf({ endpoint, model: 'Qwen/Qwen3-4B' });
    expect((error as UnavailableError).message).toBe(`model "Qwen/Qwen3-4B" is not served at ${endpoint} (listed: a/first, b/second)`);
  });
});

describe('serving.throughput faults', () => {
  const scripted = createScriptedTokenSource({ tokenDelayMs: 2 });
  const fast = { maxTokens: 16, requestTimeoutMs: 1000, idleTimeoutMs: 500 };

  it.each([
    ['http500', [1], 'HTTP_500', /: HTTP 500: CUDA error: out of memory/],
    ['malformedJson', [1], 'MALFORMED', /the answer is not valid JSON/],
    ['dropHalfway', [1], 'DROPPED', /: the stream ended after 8 of 16 tokens \(connection closed\)/],
    ['dropHalfway', [4], 'DROPPED', /[1-4] of 4 streams failed at concurrency 4; first: the stream ended after 8 of 16 tokens/],
    ['slow', [4], 'TIMEOUT', /streams failed at concurrency 4; first: no answer within 1 s/],
    ['stall', [1], 'TIMEOUT', /the stream stalled: no data for 0.5 s after 8 of 16 tokens/],
  ] as const)('%s at concurrency %j fails with %s and a clear message, within bounded time', async (fault, concurrency, code, message) => {
    const endpoint = await start({ tokenSource: scripted, fault, slowMs: 30_000 });
    const { error, elapsedMs } = await failureOf({ endpoint, concurrency, ...fast });
    expect(error).toBeInstanceOf(EngineError);
    expect((error as EngineError).code).toBe(code);
    expect((error as EngineError).message).toMatch(message);
    expect((error as EngineError).message).toContain(`OpenAI-compatible server at ${endpoint}`);
    expect(elapsedMs).toBeLessThan(3000);
  });
});
