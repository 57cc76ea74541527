/**
 * A stand-in for Ollama's HTTP API, serving real tokens from a {@link TokenSource} (tests use the llama.cpp engine
 * on the synthetic `tiny` GGUF). Routes and field names follow Ollama's API docs (docs/api.md, 0.12.x):
 * `GET /`, `GET /api/version`, `GET /api/tags`, `POST /api/generate` (NDJSON stream by default, or one JSON with
 * `stream: false`), durations in integer nanoseconds.
 *
 * Where it differs from the real server:
 * - Every model listed in `/api/tags` is served by the same token source; sizes and digests are what the options
 *   say (default: the source's file size and a sha256 of the name), not Ollama's blob store.
 * - No chat template, system prompt or `raw`/`images`/`format`/`think` handling: the prompt is tokenised as is.
 * - `num_predict` defaults to 128 (Ollama: -1, until end of sequence); end-of-sequence is never sampled, so
 *   `eval_count` equals `num_predict` and `done_reason` is `length`.
 * - `options.temperature`/`seed` are accepted and ignored: decoding is always greedy.
 * - `load_duration` is the source's real load time on the first request (and after `keep_alive: 0`), then a few µs;
 *   nothing is actually unloaded. No `context` array in the final object (deprecated upstream).
 * - `eval_duration` runs from the first to the last token; `prompt_eval_duration` from start to the first token.
 * - Other routes (`/api/chat`, `/api/show`, `/api/ps`, `/api/pull`, `/v1/*`) answer 404.
 */
import { createHash } from 'node:crypto';
import { generateWithFaults, toNs } from './generation';
import {
  applySlow,
  faultFor,
  sendJson,
  serveJson,
  startStandIn,
  write,
  type FaultOptions,
  type RouteContext,
  type RunningStandIn,
} from './stand-in-http';
import type { TokenSource } from './token-source';

/** A model as `/api/tags` lists it. */
export interface OllamaModelEntry {
  /** e.g. `llama3.2:1b`. */
  name: string;
  sizeBytes: number;
  digest?: string;
  parameterSize?: string;
  quantizationLevel?: string;
  family?: string;
}

/** Options of {@link startOllamaStandIn}. */
export interface OllamaStandInOptions extends FaultOptions {
  tokenSource: TokenSource;
  /** Reported by `/api/version`. Default `0.12.6`. */
  version?: string;
  /** Listed by `/api/tags`. Default: one model named after the token source (`<stem>:latest`). An empty list is allowed. */
  models?: OllamaModelEntry[];
}

interface GenerateBody {
  model: string;
  prompt: string;
  isStream: boolean;
  numPredict: number;
  keepAlive: unknown;
}

function parseGenerateBody(body: unknown): GenerateBody | string {
  if (typeof body !== 'object' || body === null) return 'invalid request body';
  const record = body as Record<string, unknown>;
  if (typeof record.model !== 'string' || record.model === '') return 'model is required';
  const options = (typeof record.options === 'object' && record.options !== null ? record.options : {}) as Record<string, unknown>;
  const numPredict = typeof options.num_predict === 'number' && options.num_predict > 0 ? options.num_predict : 128;
  return {
    model: record.model,
    prompt: typeof record.prompt === 'string' ? record.prompt : '',
    isStream: record.stream !== false,
    numPredict: Math.floor(numPredict),
    keepAlive: record.keep_alive,
  };
}

function tagEntry(entry: OllamaModelEntry): Record<string, unknown> {
  const digest = entry.digest ?? createHash('sha256').update(entry.name).digest('hex');
  return {
    name: entry.name,
    model: entry.name,
    modified_at: '2025-10-01T12:00:00.000000000Z',
    size: entry.sizeBytes,
    digest,
    details: {
      parent_model: '',
      format: 'gguf',
      family: entry.family ?? 'llama',
      families: [entry.family ?? 'llama'],
      parameter_size: entry.parameterSize ?? '0.01M',
      quantization_level: entry.quantizationLevel ?? 'F32',
    },
  };
}

const RUNNER_CRASH = { error: 'llama runner process has terminated: exit status 2' };

/** State shared by the requests of one stand-in: whether the model counts as loaded (for `load_duration`). */
interface OllamaState {
  options: OllamaStandInOptions;
  models: OllamaModelEntry[];
  isLoaded: boolean;
}

async function sendMalformed(ctx: RouteContext, isStream: boolean): Promise<void> {
  ctx.res.writeHead(200, { 'content-type': isStream ? 'application/x-ndjson' : 'application/json; charset=utf-8' });
  ctx.res.end(isStream ? '{"model":"x","created_at":"2025-10-01T12:00:00Z","response":"a\n' : '{"model":"x","response":');
}

async function handleGenerate(state: OllamaState, ctx: RouteContext): Promise<void> {
  const startedAt = performance.now();
  const body = parseGenerateBody(ctx.body);
  if (typeof body === 'string') return sendJson(ctx.res, 400, { error: body });
  if (!state.models.some((entry) => entry.name === body.model || entry.name === `${body.model}:latest`)) {
    return sendJson(ctx.res, 404, { error: `model "${body.model}" not found, try pulling it first` });
  }
  const fault = faultFor(state.options, true);
  if (!(await applySlow(fault, ctx.signal))) return;
  if (fault.fault === 'http500') return sendJson(ctx.res, 500, RUNNER_CRASH);
  if (fault.fault === 'malformedJson') return sendMalformed(ctx, body.isStream);
  const loadMs = state.isLoaded ? 0.005 : state.options.tokenSource.loadMs;
  state.isLoaded = body.keepAlive !== 0 && body.keepAlive !== '0';
  const base = () => ({ model: body.model, created_at: new Date().toISOString() });
  if (body.prompt === '') return sendJson(ctx.res, 200, { ...base(), response: '', done: true, done_reason: 'load' });
  if (body.isStream) ctx.res.writeHead(200, { 'content-type': 'application/x-ndjson' });
  let text = '';
  const stats = await generateWithFaults(state.options.tokenSource, { prompt: body.prompt, maxTokens: body.numPredict }, ctx, fault, async (piece) => {
    if (body.isStream) await write(ctx.res, `${JSON.stringify({ ...base(), response: piece, done: false })}\n`);
    else text += piece;
  });
  if (stats === null) return;
  const final = {
    ...base(),
    response: body.isStream ? '' : text,
    done: true,
    done_reason: stats.tokens >= body.numPredict ? 'length' : 'stop',
    total_duration: toNs(performance.now() - startedAt),
    load_duration: toNs(loadMs),
    prompt_eval_count: stats.promptTokens,
    prompt_eval_duration: toNs(stats.promptEvalMs),
    eval_count: stats.tokens,
    eval_duration: toNs(stats.evalMs),
  };
  if (!body.isStream) return sendJson(ctx.res, 200, final);
  await write(ctx.res, `${JSON.stringify(final)}\n`);
  ctx.res.end();
}

/**
 * Starts an Ollama stand-in on 127.0.0.1 (free port). Put `url` in the `ollamaEndpoint` setting.
 * Close it with `close()`; the token source stays open (the caller owns it).
 */
export async function startOllamaStandIn(options: OllamaStandInOptions): Promise<RunningStandIn> {
  const models = options.models ?? [{ name: `${options.tokenSource.modelName}:latest`, sizeBytes: options.tokenSource.sizeBytes }];
  const state: OllamaState = { options, models, isLoaded: false };
  const meta = faultFor(options, false);
  return startStandIn(
    {
      'GET /': async ({ res }) => {
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('Ollama is running');
      },
      'GET /api/version': async (ctx) => serveJson(ctx, meta, RUNNER_CRASH, { version: options.version ?? '0.12.6' }),
      'GET /api/tags': async (ctx) => serveJson(ctx, meta, RUNNER_CRASH, { models: models.map(tagEntry) }),
      'POST /api/generate': async (ctx) => handleGenerate(state, ctx),
    },
    () => '404 page not found',
  );
}
