import type { Availability } from '../../../../shared/domain/benchmark';
import { endpointFromSettings, joinUrl } from '../../../engines/endpoint';
import { isEngineError } from '../../../engines/errors';
import { probeEndpoint } from '../../../engines/probe';
import type { AvailabilityContext, BenchmarkDefinition } from '../../definition';
import { parseModels } from './client';
import {
  DEFAULT_CONCURRENCY,
  OPENAI_DEFAULT_ENDPOINT,
  OPENAI_ENDPOINT_SETTING,
  OPENAI_MODEL_SETTING,
  SERVING_HOW_TO_ENABLE,
  serverBase,
} from './params';

// Parent side: metadata and availability only. One probe of `/v1/models` (≤ 1.5 s) tells whether a server is
// there and what it serves, so listing the catalogue never waits long on a machine without one.

/** The model the user asked for: the run's `model` param, else the `openaiModel` setting. */
function requestedModel(ctx: AvailabilityContext): string | undefined {
  const fromParams = ctx.params.model;
  if (typeof fromParams === 'string' && fromParams !== '') return fromParams;
  const fromSettings = ctx.settings[OPENAI_MODEL_SETTING];
  return typeof fromSettings === 'string' && fromSettings.trim() !== '' ? fromSettings.trim() : undefined;
}

function unavailable(reason: string, howToEnable = SERVING_HOW_TO_ENABLE): Availability {
  return { isAvailable: false, reason, howToEnable };
}

/**
 * Availability of `serving.throughput`: an OpenAI-compatible server answers `/v1/models` at the configured
 * endpoint and lists the model to run. Returns within ~1.5 s whatever the endpoint does.
 */
export async function checkServingAvailability(ctx: AvailabilityContext): Promise<Availability> {
  let base: string;
  try {
    base = serverBase(endpointFromSettings(ctx.settings, OPENAI_ENDPOINT_SETTING, OPENAI_DEFAULT_ENDPOINT));
  } catch (error) {
    const reason = isEngineError(error) ? `${error.detail}: ${error.url}` : String(error);
    return unavailable(reason, 'set a URL like http://127.0.0.1:8000 as the OpenAI endpoint in Settings');
  }
  const url = joinUrl(base, '/v1/models');
  const probe = await probeEndpoint(url);
  if (!probe.isReachable) return unavailable(`No OpenAI-compatible server is answering at ${base} (${probe.detail})`);
  if (probe.status === 401 || probe.status === 403) {
    return unavailable(`The server at ${base} requires an API key, which Rigmark does not send`, 'start the server without an API key on loopback');
  }
  if (probe.status !== 200) return unavailable(`${base} answered HTTP ${probe.status} to /v1/models: is it OpenAI-compatible?`);
  let ids: string[];
  try {
    ids = parseModels(probe.data, url).map((m) => m.id);
  } catch {
    return unavailable(`${base} does not answer /v1/models like an OpenAI-compatible server`);
  }
  if (ids.length === 0) return unavailable(`The server at ${base} lists no models`, 'start the server with a model loaded');
  const requested = requestedModel(ctx);
  if (requested !== undefined && !ids.includes(requested)) {
    return unavailable(`model "${requested}" is not served at ${base} (listed: ${ids.join(', ')})`, 'start the server with that model, or pick a listed one in Settings');
  }
  return { isAvailable: true };
}

/** Default params: endpoint and model from Settings, the catalogue's sweep. */
function servingDefaults(ctx: AvailabilityContext): Record<string, unknown> {
  let endpoint = OPENAI_DEFAULT_ENDPOINT;
  try {
    endpoint = serverBase(endpointFromSettings(ctx.settings, OPENAI_ENDPOINT_SETTING, OPENAI_DEFAULT_ENDPOINT));
  } catch {
    // Availability reports the invalid setting; the default keeps params valid.
  }
  const model = requestedModel({ ...ctx, params: {} });
  return { endpoint, maxTokens: 128, concurrency: [...DEFAULT_CONCURRENCY], ...(model === undefined ? {} : { model }) };
}

/** The `serving` family: throughput of an OpenAI-compatible server under concurrent load. */
export const definitions: BenchmarkDefinition[] = [
  {
    id: 'serving.throughput',
    family: 'serving',
    title: 'Serving throughput (OpenAI-compatible)',
    description:
      'Concurrent streaming chat completions (1, 16, 32, 64 at once; 128 tokens each, temperature 0, ignore_eos) ' +
      'against vLLM, llama-server, SGLang or Ollama /v1. Value: aggregate output tokens/s at the highest ' +
      'concurrency; per level also TTFT p50/p95 and per-stream tokens/s.',
    category: 'serving',
    unit: 'tokens/s',
    higherIsBetter: true,
    defaultRepetitions: 5,
    warmups: 1,
    // Each repetition sweeps every level: on a slow server 64 × 128 tokens alone can take minutes.
    timeoutMs: 1_800_000,
    // In the quick suite too: it runs only when a server answers (availability), and then it is the user's own
    // serving stack, the comparison they came for.
    suites: ['quick', 'full'],
    estimatedMs: 120_000,
    checkAvailability: checkServingAvailability,
    defaultParams: servingDefaults,
  },
];
