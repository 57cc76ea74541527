import type { Identity } from '../../../../shared/domain/benchmark';
import { endpointFromSettings, remoteEndpointNote } from '../../../engines/endpoint';
import { EngineError, isEngineError } from '../../../engines/errors';
import { UnavailableError, type Measurement, type WorkerBenchmark, type WorkerContext } from '../../worker/types';
import { engineFromModels, identifyEngine, listServedModels, type ServedModel } from './client';
import { runLevel, type LevelResult } from './load';
import {
  DEFAULT_CONCURRENCY,
  OPENAI_DEFAULT_ENDPOINT,
  SERVING_HOW_TO_ENABLE,
  parseServingParams,
  servingPrompt,
  serverBase,
  type ServingParams,
} from './params';

/** What `serving.throughput` keeps between setup and measure. */
export interface ServingState {
  params: ServingParams;
  base: string;
  model: string;
  engine: string;
  engineVersion: string | null;
  /** Largest `usage.prompt_tokens` seen; null until a server reported usage. */
  promptTokens: number | null;
  repetitions: number;
  isCountedFromStream: boolean;
}

/** Per-level metric names, e.g. `c16_tokensPerSec`. */
const LEVEL_METRICS = { tokensPerSec: 'tokens/s', ttftP50Ms: 'ms', ttftP95Ms: 'ms', perStreamTokensPerSec: 'tokens/s' } as const;

/** Levels whose metric units are declared: the defaults, common sweep points, and those of the running instance. */
const declaredLevels = new Set<number>([...DEFAULT_CONCURRENCY, 2, 4, 8, 128, 256]);

function unitsFor(levels: Iterable<number>): Record<string, string> {
  const units: Record<string, string> = {};
  for (const level of [...levels].sort((a, b) => a - b)) {
    for (const [name, unit] of Object.entries(LEVEL_METRICS)) units[`c${level}_${name}`] = unit;
  }
  return units;
}

function asServingFailure(error: unknown, base: string): unknown {
  if (!isEngineError(error) || error.code === 'ABORTED') return error;
  return new EngineError(error.code, `OpenAI-compatible server at ${base}: ${error.detail}`, error.url, { cause: error });
}

async function connect(params: ServingParams, base: string, signal: AbortSignal): Promise<{ models: ServedModel[]; serverHeader: string | null }> {
  try {
    return await listServedModels(base, params.metadataTimeoutMs, signal);
  } catch (error) {
    if (isEngineError(error, 'UNREACHABLE')) {
      throw new UnavailableError(`No OpenAI-compatible server is answering at ${base} (${error.detail})`, SERVING_HOW_TO_ENABLE);
    }
    throw asServingFailure(error, base);
  }
}

async function setup(ctx: WorkerContext): Promise<ServingState> {
  const params = parseServingParams(ctx.job.params);
  const base = serverBase(endpointFromSettings(params, 'endpoint', OPENAI_DEFAULT_ENDPOINT));
  ctx.reportPhase('connecting to the server');
  const { models, serverHeader } = await connect(params, base, ctx.signal);
  const model = params.model === undefined ? models[0] : models.find((m) => m.id === params.model);
  if (model === undefined) {
    const listed = models.map((m) => m.id).join(', ') || 'none';
    throw new UnavailableError(
      `model "${params.model ?? ''}" is not served at ${base} (listed: ${listed})`,
      'start the server with that model, or pick a listed one in Settings',
    );
  }
  const { engine, engineVersion } = await identifyEngine(base, engineFromModels(model.ownedBy, serverHeader), ctx.signal);
  for (const level of params.concurrency) declaredLevels.add(level);
  return { params, base, model: model.id, engine, engineVersion, promptTokens: null, repetitions: 0, isCountedFromStream: false };
}

function levelMetrics(result: LevelResult): Record<string, number> {
  const metrics: Record<string, number> = {};
  for (const name of Object.keys(LEVEL_METRICS) as Array<keyof typeof LEVEL_METRICS>) {
    // A level where no stream produced text has no TTFT: leave the metric out rather than store NaN.
    if (Number.isFinite(result[name])) metrics[`c${result.concurrency}_${name}`] = result[name];
  }
  return metrics;
}

/**
 * One repetition sweeps every concurrency level in order, each level starting all its streams at once with fresh
 * prompts. Value: aggregate output tokens/s at the highest level.
 */
async function measure(state: ServingState, ctx: WorkerContext): Promise<Measurement> {
  const { params } = state;
  state.repetitions += 1;
  const results: LevelResult[] = [];
  for (const concurrency of params.concurrency) {
    ctx.reportPhase(`${concurrency} concurrent stream${concurrency === 1 ? '' : 's'}`);
    const tag = `r${state.repetitions}c${concurrency}`;
    const plan = { base: state.base, model: state.model, maxTokens: params.maxTokens, concurrency, timeouts: params, prompt: (i: number) => servingPrompt(`${tag}s${i}`, i) };
    try {
      results.push(await runLevel(plan, ctx.signal));
    } catch (error) {
      throw asServingFailure(error, state.base);
    }
  }
  const highest = Math.max(...params.concurrency);
  const top = results.find((r) => r.concurrency === highest) ?? results[results.length - 1];
  if (top === undefined || !(top.outputTokens > 0)) {
    throw new EngineError('MALFORMED', `OpenAI-compatible server at ${state.base}: the streams carried no tokens`, state.base);
  }
  for (const r of results) {
    if (r.promptTokens !== null) state.promptTokens = Math.max(state.promptTokens ?? 0, r.promptTokens);
    state.isCountedFromStream ||= !r.isUsageReported;
  }
  return {
    value: top.tokensPerSec,
    metrics: Object.assign({}, ...results.map(levelMetrics)) as Record<string, number>,
    workUnits: results.reduce((sum, r) => sum + r.outputTokens, 0),
  };
}

function identity(state: ServingState): Identity {
  return {
    engine: state.engine,
    engineVersion: state.engineVersion,
    model: state.model,
    maxTokens: state.params.maxTokens,
    concurrency: state.params.concurrency.join(','),
    // Without usage from the server, ~4 characters per token of the fixed prompt (+ chat template) is the guess.
    promptTokens: state.promptTokens ?? Math.round(servingPrompt('r0c0s0', 0).length / 4),
    temperature: 0,
    ignoreEos: true,
  };
}

function notes(state: ServingState): string[] {
  const list = [
    `${state.engine}${state.engineVersion === null ? '' : ` ${state.engineVersion}`} serving ${state.model}: ` +
      `${state.params.concurrency.join(', ')} concurrent streams of ${state.params.maxTokens} tokens; value at ${Math.max(...state.params.concurrency)}.`,
  ];
  if (state.isCountedFromStream) {
    list.push('The server sent no usage counts: output tokens were counted from stream chunks (a chunk may hold several tokens).');
  }
  if (state.promptTokens === null) list.push('Prompt length is estimated (~4 characters per token): the server reported no usage.');
  return [...list, ...remoteEndpointNote(state.base)];
}

/** `serving.throughput`: an OpenAI-compatible server under concurrent streaming requests. */
export const servingThroughput: WorkerBenchmark<ServingState> = {
  setup,
  measure,
  identity,
  notes,
  // A getter: the harness reads units after the repetitions, when this worker's levels are known.
  get metricUnits(): Record<string, string> {
    return unitsFor(declaredLevels);
  },
};

/** Worker-side implementations of the `serving` family, keyed by benchmark id (loaded only in worker processes). */
export const benchmarks: Record<string, WorkerBenchmark<never>> = {
  'serving.throughput': servingThroughput as WorkerBenchmark<never>,
};
