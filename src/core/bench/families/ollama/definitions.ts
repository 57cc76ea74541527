import type { Availability } from '../../../../shared/domain/benchmark';
import { endpointFromSettings, joinUrl } from '../../../engines/endpoint';
import { isEngineError } from '../../../engines/errors';
import { probeEndpoint } from '../../../engines/probe';
import type { AvailabilityContext, BenchmarkDefinition } from '../../definition';
import { parseTags, pickModel, type OllamaModel } from './client';
import { OLLAMA_DEFAULT_ENDPOINT, OLLAMA_ENDPOINT_SETTING, OLLAMA_HOW_TO_ENABLE } from './params';

// Parent side: metadata and availability only. One probe of `/api/tags` (≤ 1.5 s) answers both "is Ollama
// there" and "which models", so listing the catalogue never waits long on a machine without Ollama.

/** The endpoint from Settings, falling back to loopback; an invalid setting is reported by availability. */
function endpointOf(ctx: AvailabilityContext): string {
  try {
    return endpointFromSettings(ctx.settings, OLLAMA_ENDPOINT_SETTING, OLLAMA_DEFAULT_ENDPOINT);
  } catch {
    return OLLAMA_DEFAULT_ENDPOINT;
  }
}

function unavailable(reason: string, howToEnable = OLLAMA_HOW_TO_ENABLE): Availability {
  return { isAvailable: false, reason, howToEnable };
}

/**
 * Availability of `ollama.generate`: Ollama answers at the configured endpoint and lists the model to run (the
 * requested one, or any). Returns within ~1.5 s whatever the endpoint does.
 */
export async function checkOllamaAvailability(ctx: AvailabilityContext): Promise<Availability> {
  let endpoint: string;
  try {
    endpoint = endpointFromSettings(ctx.settings, OLLAMA_ENDPOINT_SETTING, OLLAMA_DEFAULT_ENDPOINT);
  } catch (error) {
    const reason = isEngineError(error) ? `${error.detail}: ${error.url}` : String(error);
    return unavailable(reason, 'set a URL like http://127.0.0.1:11434 as the Ollama endpoint in Settings');
  }
  const url = joinUrl(endpoint, '/api/tags');
  const probe = await probeEndpoint(url);
  if (!probe.isReachable) return unavailable(`Ollama is not answering at ${endpoint} (${probe.detail})`);
  if (probe.status !== 200) return unavailable(`${endpoint} answered HTTP ${probe.status} to /api/tags: is it Ollama?`);
  let models: OllamaModel[];
  try {
    models = parseTags(probe.data, url);
  } catch {
    return unavailable(`${endpoint} does not answer /api/tags like Ollama`);
  }
  if (models.length === 0) {
    return unavailable(
      `Ollama at ${endpoint} has no models: run “ollama pull <model>”`,
      'run “ollama pull <model>” (Rigmark never downloads models)',
    );
  }
  // With `--model ollama:NAME:TAG` the name is in `ollamaModel` (`model` then holds the blob path, for llama.cpp).
  const named = ctx.params.ollamaModel ?? ctx.params.model;
  const requested = typeof named === 'string' ? named : undefined;
  if (pickModel(models, requested) === undefined) {
    const name = requested ?? '';
    return unavailable(`model "${name}" is not in Ollama at ${endpoint}`, `run “ollama pull ${name}”`);
  }
  return { isAvailable: true };
}

/** The `ollama` family: one benchmark against a local Ollama server. */
export const definitions: BenchmarkDefinition[] = [
  {
    id: 'ollama.generate',
    family: 'ollama',
    title: 'Ollama generation',
    description:
      'One request at a time to Ollama (`/api/generate`, streaming off, 128 tokens, temperature 0, seed 42). Value: ' +
      "Ollama's own eval_count / eval_duration; also prompt tokens/s, model load time and TTFT (streamed request).",
    category: 'llm',
    unit: 'tokens/s',
    higherIsBetter: true,
    defaultRepetitions: 5,
    warmups: 1,
    // A first load of a 20B model from a slow disk can take minutes; each repetition is ~128 + 16 tokens.
    timeoutMs: 900_000,
    suites: ['quick', 'full'],
    estimatedMs: 30_000,
    checkAvailability: checkOllamaAvailability,
    defaultParams: (ctx) => ({ endpoint: endpointOf(ctx), numPredict: 128 }),
  },
];
