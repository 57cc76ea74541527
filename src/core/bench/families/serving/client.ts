import { z } from 'zod';
import { joinUrl } from '../../../engines/endpoint';
import { EngineError, streamFailure } from '../../../engines/errors';
import { parseJson, requestJson } from '../../../engines/http';
import { probeEndpoint } from '../../../engines/probe';
import { streamSse } from '../../../engines/stream-request';

/** A model as `/v1/models` lists it. */
export interface ServedModel {
  id: string;
  ownedBy: string | null;
}

const ModelsSchema = z.object({
  data: z.array(z.object({ id: z.string(), owned_by: z.string().nullish() })),
});

const DeltaSchema = z.object({
  content: z.string().nullish(),
  // vLLM/SGLang reasoning parsers stream thinking as `reasoning_content`; Ollama's /v1 as `reasoning`.
  reasoning_content: z.string().nullish(),
  reasoning: z.string().nullish(),
});

const ChunkSchema = z.object({
  choices: z.array(z.object({ delta: DeltaSchema.nullish(), finish_reason: z.string().nullish() })).nullish(),
  usage: z.object({ prompt_tokens: z.number().nullish(), completion_tokens: z.number().nullish() }).nullish(),
  error: z.unknown().optional(),
});

/**
 * Parses a `/v1/models` answer.
 * @throws {EngineError} MALFORMED when it is not the OpenAI list shape.
 */
export function parseModels(data: unknown, url: string): ServedModel[] {
  const parsed = ModelsSchema.safeParse(data);
  if (!parsed.success) throw new EngineError('MALFORMED', 'not an OpenAI model list (`data: [{id}]`)', url);
  return parsed.data.data.map((m) => ({ id: m.id, ownedBy: m.owned_by ?? null }));
}

/** @throws {EngineError} on any failure of `GET /v1/models`. */
export async function listServedModels(
  base: string,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<{ models: ServedModel[]; serverHeader: string | null }> {
  const url = joinUrl(base, '/v1/models');
  const reply = await requestJson(url, { timeoutMs, signal });
  return { models: parseModels(reply.data, url), serverHeader: reply.headers.get('server') };
}

const OWNERS: Record<string, string> = { vllm: 'vllm', sglang: 'sglang', llamacpp: 'llama.cpp', 'llama.cpp': 'llama.cpp' };

/** The engine's name from `owned_by` or the `Server` header; null when neither says. */
export function engineFromModels(ownedBy: string | null, serverHeader: string | null): string | null {
  const owner = ownedBy === null ? undefined : OWNERS[ownedBy.toLowerCase()];
  if (owner !== undefined) return owner;
  if (serverHeader !== null && /llama\.cpp/i.test(serverHeader)) return 'llama.cpp';
  return null;
}

/** Where each engine tells its version (each probe ≤ 1.5 s; failures just leave the version unknown). */
const VERSION_PROBES: Array<{ engine: string; path: string; read: (data: Record<string, unknown>) => unknown }> = [
  { engine: 'vllm', path: '/version', read: (d) => d.version },
  { engine: 'sglang', path: '/version', read: (d) => d.version },
  { engine: 'llama.cpp', path: '/props', read: (d) => d.build_info },
  { engine: 'ollama', path: '/api/version', read: (d) => d.version },
];

/**
 * Names the engine and its version. A known engine gets its own version probe; an unknown one is tried as Ollama
 * (whose `/v1/models` says neither) and otherwise called `openai-compatible`.
 */
export async function identifyEngine(
  base: string,
  known: string | null,
  signal?: AbortSignal,
): Promise<{ engine: string; engineVersion: string | null }> {
  const probe = VERSION_PROBES.find((p) => p.engine === (known ?? 'ollama'));
  if (probe === undefined) return { engine: known ?? 'openai-compatible', engineVersion: null };
  const result = await probeEndpoint(joinUrl(base, probe.path), { signal });
  const data = result.isReachable && result.status === 200 && typeof result.data === 'object' ? result.data : null;
  const version = data === null ? undefined : probe.read(data as Record<string, unknown>);
  if (typeof version !== 'string') return { engine: known ?? 'openai-compatible', engineVersion: null };
  return { engine: probe.engine, engineVersion: version };
}

/** What one streamed chat completion did, times in ms from `performance.now()`. */
export interface StreamOutcome {
  startedAt: number;
  /** First chunk with non-empty text (content or reasoning); null when none came. */
  firstTokenAt: number | null;
  lastTokenAt: number | null;
  endedAt: number;
  /** The server's `usage.completion_tokens` when sent, else the chunks with text. */
  outputTokens: number;
  isUsageReported: boolean;
  promptTokens: number | null;
}

/** Deadlines of the serving calls, in milliseconds. */
export interface ServingTimeouts {
  requestTimeoutMs: number;
  idleTimeoutMs: number;
}

function chatBody(model: string, prompt: string, maxTokens: number): Record<string, unknown> {
  return {
    model,
    messages: [{ role: 'user', content: prompt }],
    stream: true,
    stream_options: { include_usage: true },
    max_tokens: maxTokens,
    temperature: 0,
    // vLLM's extension (llama-server knows it too): generate exactly max_tokens, as the published sweeps do.
    ignore_eos: true,
  };
}

function chunkText(delta: z.infer<typeof DeltaSchema> | null | undefined): string {
  return `${delta?.content ?? ''}${delta?.reasoning_content ?? ''}${delta?.reasoning ?? ''}`;
}

/**
 * One streamed `POST /v1/chat/completions`. The stream must end with `data: [DONE]` (or at least a
 * `finish_reason`); a stream that stops short fails with how far it got.
 * @throws {EngineError} DROPPED "the stream ended after N of M tokens", TIMEOUT, HTTP_<status>, MALFORMED,
 *   ENGINE_ERROR (an error event in the stream), UNREACHABLE or ABORTED.
 */
export async function streamChat(
  base: string,
  request: { model: string; prompt: string; maxTokens: number },
  timeouts: ServingTimeouts,
  signal?: AbortSignal,
): Promise<StreamOutcome> {
  const url = joinUrl(base, '/v1/chat/completions');
  const body = chatBody(request.model, request.prompt, request.maxTokens);
  const options = { timeoutMs: timeouts.requestTimeoutMs, idleTimeoutMs: timeouts.idleTimeoutMs, body, signal };
  const startedAt = performance.now();
  let firstTokenAt: number | null = null;
  let lastTokenAt: number | null = null;
  let chunks = 0;
  let usage: { prompt_tokens?: number | null; completion_tokens?: number | null } | null = null;
  let isFinished = false;
  try {
    for await (const data of streamSse(url, options)) {
      if (data.trim() === '[DONE]') {
        isFinished = true;
        break;
      }
      const parsed = ChunkSchema.safeParse(parseJson(data, url));
      if (!parsed.success) throw new EngineError('MALFORMED', 'a stream event is not a chat.completion.chunk', url);
      const event = parsed.data;
      if (event.error !== undefined && event.error !== null) {
        throw new EngineError('ENGINE_ERROR', `the server reported an error after ${chunks} tokens: ${JSON.stringify(event.error)}`, url);
      }
      const choice = event.choices?.[0];
      if (chunkText(choice?.delta) !== '') {
        lastTokenAt = performance.now();
        firstTokenAt ??= lastTokenAt;
        chunks += 1;
      }
      if (typeof choice?.finish_reason === 'string') isFinished = true;
      if (event.usage !== undefined && event.usage !== null) usage = event.usage;
    }
  } catch (error) {
    throw streamFailure(error, url, chunks, request.maxTokens);
  }
  if (!isFinished) throw new EngineError('DROPPED', `the stream ended after ${chunks} of ${request.maxTokens} tokens`, url);
  const reported = usage?.completion_tokens;
  return {
    startedAt,
    firstTokenAt,
    lastTokenAt,
    endedAt: performance.now(),
    outputTokens: typeof reported === 'number' ? reported : chunks,
    isUsageReported: typeof reported === 'number',
    promptTokens: usage?.prompt_tokens ?? null,
  };
}
