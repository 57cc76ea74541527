import type { Identity } from '../../../../shared/domain/benchmark';
import { endpointFromSettings, joinUrl, remoteEndpointNote } from '../../../engines/endpoint';
import { EngineError, isEngineError } from '../../../engines/errors';
import { UnavailableError, type Measurement, type WorkerBenchmark, type WorkerContext } from '../../worker/types';
import {
  generateOnce,
  generateStreamed,
  getOllamaVersion,
  listOllamaModels,
  modelKey,
  pickModel,
  type GenerateRequest,
  type OllamaModel,
} from './client';
import {
  OLLAMA_DEFAULT_ENDPOINT,
  OLLAMA_HOW_TO_ENABLE,
  ollamaPrompt,
  parseOllamaParams,
  type OllamaParams,
} from './params';

/** What `ollama.generate` keeps between setup and measure. */
export interface OllamaState {
  params: OllamaParams;
  endpoint: string;
  version: string;
  model: OllamaModel;
  /** Requests sent so far; numbers each prompt (see `ollamaPrompt`). */
  requestCount: number;
  /** Largest `prompt_eval_count` seen: the full prompt, as no request shares a cached prefix. */
  promptTokens: number | null;
  /** `load_duration` of the first request (the warm-up), in ms. */
  firstLoadMs: number | null;
  isShortGeneration: boolean;
  isTtftMissing: boolean;
}

/** Prefixes a failure with the engine's name so the user sees which server failed. */
function asOllamaFailure(error: unknown): unknown {
  if (!isEngineError(error) || error.code === 'ABORTED') return error;
  return new EngineError(error.code, `Ollama: ${error.detail}`, error.url, { cause: error });
}

async function connect(params: OllamaParams, signal: AbortSignal): Promise<{ version: string; models: OllamaModel[] }> {
  try {
    const version = await getOllamaVersion(params.endpoint, params.metadataTimeoutMs, signal);
    const models = await listOllamaModels(params.endpoint, params.metadataTimeoutMs, signal);
    return { version, models };
  } catch (error) {
    if (isEngineError(error, 'UNREACHABLE')) {
      throw new UnavailableError(`Ollama is not answering at ${params.endpoint} (${error.detail})`, OLLAMA_HOW_TO_ENABLE);
    }
    throw asOllamaFailure(error);
  }
}

async function setup(ctx: WorkerContext): Promise<OllamaState> {
  const params = parseOllamaParams(ctx.job.params);
  params.endpoint = endpointFromSettings(params, 'endpoint', OLLAMA_DEFAULT_ENDPOINT);
  ctx.reportPhase('connecting to Ollama');
  const { version, models } = await connect(params, ctx.signal);
  if (models.length === 0) {
    throw new UnavailableError(`Ollama at ${params.endpoint} has no models`, 'run “ollama pull <model>” (Rigmark never downloads models)');
  }
  const model = pickModel(models, params.model);
  if (model === undefined) {
    const name = params.model ?? '';
    throw new UnavailableError(`model "${name}" is not in Ollama at ${params.endpoint}`, `run “ollama pull ${name}”`);
  }
  return {
    params,
    endpoint: params.endpoint,
    version,
    model,
    requestCount: 0,
    promptTokens: null,
    firstLoadMs: null,
    isShortGeneration: false,
    isTtftMissing: false,
  };
}

function nextRequest(state: OllamaState, numPredict: number): GenerateRequest {
  state.requestCount += 1;
  return { model: state.model.name, prompt: ollamaPrompt(state.requestCount), numPredict };
}

/**
 * One repetition = two requests. First the catalogue's measured request (`stream: false`, `num_predict` 128):
 * tokens/s is Ollama's own `eval_count / eval_duration`, the prompt rate `prompt_eval_count / prompt_eval_duration`.
 * Then a short streamed request timing the first non-empty chunk on the client (TTFT). Both use fresh prompts.
 */
async function measure(state: OllamaState, ctx: WorkerContext): Promise<Measurement> {
  const { params } = state;
  try {
    const report = await generateOnce(state.endpoint, nextRequest(state, params.numPredict), params, ctx.signal);
    if (report.evalCount === 0 || report.evalMs <= 0) {
      throw new EngineError('MALFORMED', 'reported no generated tokens (eval_count 0)', joinUrl(state.endpoint, '/api/generate'));
    }
    const streamed = await generateStreamed(state.endpoint, nextRequest(state, params.ttftNumPredict), params, ctx.signal);
    state.firstLoadMs ??= report.loadMs;
    state.promptTokens = Math.max(state.promptTokens ?? 0, report.promptEvalCount);
    state.isShortGeneration ||= report.evalCount < params.numPredict;
    state.isTtftMissing ||= streamed.ttftMs === null;
    const metrics: Record<string, number> = { loadMs: report.loadMs, evalCount: report.evalCount };
    if (report.promptEvalCount > 0 && report.promptEvalMs > 0) {
      metrics.promptTokensPerSec = report.promptEvalCount / (report.promptEvalMs / 1000);
    }
    if (streamed.ttftMs !== null) metrics.ttftMs = streamed.ttftMs;
    return {
      value: report.evalCount / (report.evalMs / 1000),
      metrics,
      workUnits: report.evalCount + streamed.evalCount,
    };
  } catch (error) {
    throw asOllamaFailure(error);
  }
}

function identity(state: OllamaState): Identity {
  return {
    engine: 'ollama',
    engineVersion: state.version,
    model: state.model.name,
    modelKey: modelKey(state.model.name),
    modelDigest: state.model.digest,
    quant: state.model.quantization,
    parameterSize: state.model.parameterSize,
    numPredict: state.params.numPredict,
    promptTokens: state.promptTokens,
    temperature: 0,
    seed: 42,
  };
}

function notes(state: OllamaState): string[] {
  const list = [
    `Model ${state.model.name} on Ollama ${state.version}. Tokens/s is Ollama's own eval_count / eval_duration of a ` +
      `non-streamed request; TTFT comes from a separate streamed request of ${state.params.ttftNumPredict} tokens.`,
  ];
  if (state.firstLoadMs !== null && state.firstLoadMs > 100) {
    list.push(`Loading the model took ${(state.firstLoadMs / 1000).toFixed(1)} s (in the warm-up, not counted).`);
  }
  if (state.isShortGeneration) {
    list.push(`The model ended some answers before ${state.params.numPredict} tokens; tokens/s is over the tokens it generated.`);
  }
  if (state.isTtftMissing) {
    list.push(`Some streamed requests produced no visible text within ${state.params.ttftNumPredict} tokens: TTFT missing there.`);
  }
  return [...list, ...remoteEndpointNote(state.endpoint)];
}

/** `ollama.generate`: one request at a time to a local Ollama. */
export const ollamaGenerate: WorkerBenchmark<OllamaState> = {
  setup,
  measure,
  identity,
  notes,
  metricUnits: { promptTokensPerSec: 'tokens/s', ttftMs: 'ms', loadMs: 'ms', evalCount: 'tokens' },
};

/** Worker-side implementations of the `ollama` family, keyed by benchmark id (loaded only in worker processes). */
export const benchmarks: Record<string, WorkerBenchmark<never>> = {
  'ollama.generate': ollamaGenerate as WorkerBenchmark<never>,
};
