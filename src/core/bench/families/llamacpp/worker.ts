import type { Token, TokenBias } from 'node-llama-cpp';
import type { Measurement, WorkerBenchmark, WorkerContext } from '../../worker/types';
import { PP512_ID, TG128_ID } from './definitions';
import { llamaIdentity } from './identity';
import { perfTokensPerSec } from './perf-log';
import { closeSession, openSession } from './session';
import type { LlamaSession } from './session';
import { banTokens, endOfGenerationTokens, GEN_TOKENS, PROMPT_TOKENS, promptTokens, runGeneration, runPrompt } from './workload';
import type { RegionTiming } from './workload';

interface PromptState {
  session: LlamaSession;
  tokens: Token[];
}

interface GenerationState {
  session: LlamaSession;
  startToken: Token;
  ban: TokenBias;
  eog: ReadonlySet<Token>;
}

const LENGTHS = { prompt: PROMPT_TOKENS, gen: GEN_TOKENS };

/** The prompt warm-up under a time budget (see pp512.warmUp). */
const BUDGET_WARMUP_TOKENS = 32;

const metricUnits = { llamaPerfTokensPerSec: 'tokens/s', loadMs: 'ms', vramUsedMiB: 'MiB' };

/**
 * One repetition's figures: tokens per second of the timed region (the value), llama.cpp's own counters for the
 * same region (they exclude the binding's JS and sampling time) and the load-time facts repeated per sample.
 */
async function measurement(session: LlamaSession, timing: RegionTiming): Promise<Measurement> {
  await session.context.printTimings();
  const counters = session.perf.take();
  const metrics: Record<string, number> = { loadMs: session.loadMs };
  const perfRate = counters ? perfTokensPerSec(counters, session.test === 'pp' ? 'prompt' : 'generation') : null;
  if (perfRate !== null) metrics.llamaPerfTokensPerSec = perfRate;
  if (session.vramUsedMiB !== null) metrics.vramUsedMiB = session.vramUsedMiB;
  return { value: timing.tokens / timing.seconds, metrics, workUnits: timing.tokens };
}

function notesOf(session: LlamaSession): string[] {
  return [
    ...session.notes,
    `${session.runtime.bindingVersion} (${session.runtime.buildType} binary), llama.cpp ${session.runtime.engineVersion}, backend ${session.backend}`,
  ];
}

const pp512: WorkerBenchmark<PromptState> = {
  async setup(ctx: WorkerContext) {
    const session = await openSession(ctx, 'pp', LENGTHS);
    const vocab = session.resolved.facts.vocabSize;
    const bos = session.model.tokens.shouldPrependBosToken ? session.model.tokens.bos : null;
    return { session, tokens: promptTokens(PROMPT_TOKENS, vocab, bos) };
  },
  async measure(state, ctx) {
    ctx.signal.throwIfAborted();
    return measurement(state.session, await runPrompt(state.session.sequence, state.tokens));
  },
  // llama-bench warms up with the full 512-token batch, as the full suite does. Under a time budget (the quick
  // suite) a 32-token batch does the warm-up's work (weights paged in, threads and buffers touched; llama.cpp
  // reserved the 512-token graph when the context was made) for a sixteenth of the time: 40 s saved per 8B run
  // on a 2-core CPU.
  async warmUp(state, ctx) {
    ctx.signal.throwIfAborted();
    const tokens = ctx.job.repetitions.budgetMs === undefined ? state.tokens : state.tokens.slice(0, BUDGET_WARMUP_TOKENS);
    return measurement(state.session, await runPrompt(state.session.sequence, tokens));
  },
  teardown: (state) => closeSession(state.session),
  identity: (state) => llamaIdentity(state.session),
  metricUnits,
  notes: (state) => notesOf(state.session),
};

const tg128: WorkerBenchmark<GenerationState> = {
  async setup(ctx: WorkerContext) {
    const session = await openSession(ctx, 'tg', LENGTHS);
    const eog = endOfGenerationTokens(session.model);
    const { bos } = session.model.tokens;
    // llama-bench starts generation from BOS (or a random id when the model has none) on a cleared cache.
    const startToken = bos ?? promptTokens(2, session.resolved.facts.vocabSize, null)[1] ?? (0 as Token);
    return { session, startToken, ban: banTokens(session.model, eog), eog: new Set(eog) };
  },
  async measure(state, ctx) {
    ctx.signal.throwIfAborted();
    const timing = await runGeneration(state.session.sequence, state.startToken, GEN_TOKENS, state.ban, (t) => state.eog.has(t));
    return measurement(state.session, timing);
  },
  // llama-bench warms generation up with a single token (`test_gen(ctx, 1, …)`): it pages the weights in and
  // builds the one-token graph; 127 more tokens would only cost time.
  async warmUp(state, ctx) {
    ctx.signal.throwIfAborted();
    return measurement(state.session, await runGeneration(state.session.sequence, state.startToken, 1, state.ban, (t) => state.eog.has(t)));
  },
  teardown: (state) => closeSession(state.session),
  identity: (state) => llamaIdentity(state.session),
  metricUnits,
  notes: (state) => [...notesOf(state.session), `end-of-generation tokens banned: ${[...state.eog].join(', ') || 'none'}`],
};

/** Worker implementations of this family, keyed by benchmark id (loaded only inside a worker process). */
export const benchmarks: Record<string, WorkerBenchmark<never>> = {
  [PP512_ID]: pp512 as WorkerBenchmark<never>,
  [TG128_ID]: tg128 as WorkerBenchmark<never>,
};
