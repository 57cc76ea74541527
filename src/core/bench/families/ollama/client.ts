import { z } from 'zod';
import { joinUrl } from '../../../engines/endpoint';
import { EngineError, streamFailure } from '../../../engines/errors';
import { fetchJson } from '../../../engines/http';
import { streamNdjson } from '../../../engines/stream-request';

/** A model as Ollama's `/api/tags` lists it. */
export interface OllamaModel {
  name: string;
  sizeBytes: number;
  digest: string;
  family: string | null;
  parameterSize: string | null;
  quantization: string | null;
}

const TagsSchema = z.object({
  models: z.array(
    z.object({
      name: z.string(),
      size: z.number(),
      digest: z.string(),
      details: z
        .object({ family: z.string(), parameter_size: z.string(), quantization_level: z.string() })
        .partial()
        .optional(),
    }),
  ),
});

/** Ollama's timing fields (integer nanoseconds), present on the last object of a generation. */
const FinalSchema = z.object({
  done: z.literal(true),
  eval_count: z.number().int().nonnegative(),
  eval_duration: z.number().nonnegative(),
  // Go's `omitempty`: Ollama leaves these out when zero (a fully cached prompt, an already loaded model).
  prompt_eval_count: z.number().int().nonnegative().default(0),
  prompt_eval_duration: z.number().nonnegative().default(0),
  load_duration: z.number().nonnegative().default(0),
  total_duration: z.number().nonnegative().default(0),
});

/** One generation's figures as Ollama reports them, converted to milliseconds. */
export interface GenerationReport {
  evalCount: number;
  evalMs: number;
  promptEvalCount: number;
  promptEvalMs: number;
  loadMs: number;
  totalMs: number;
}

/** A streamed generation: Ollama's report plus the client-side time to the first non-empty chunk. */
export interface StreamedReport extends GenerationReport {
  /** Request sent → first chunk with non-empty `response` or `thinking`, in ms; null when none came. */
  ttftMs: number | null;
}

/** Deadlines of the Ollama calls, in milliseconds. */
export interface OllamaTimeouts {
  requestTimeoutMs: number;
  idleTimeoutMs: number;
  metadataTimeoutMs: number;
}

/** What `/api/generate` is asked: `options` pin decoding so every run does the same work. */
export interface GenerateRequest {
  model: string;
  prompt: string;
  numPredict: number;
}

function malformed(url: string, what: string, error: z.ZodError): EngineError {
  const issue = error.issues[0];
  return new EngineError('MALFORMED', `${what}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim(), url);
}

/**
 * Parses a `/api/tags` answer.
 * @throws {EngineError} MALFORMED when it is not the documented shape.
 */
export function parseTags(data: unknown, url: string): OllamaModel[] {
  const parsed = TagsSchema.safeParse(data);
  if (!parsed.success) throw malformed(url, 'not an Ollama model list', parsed.error);
  return parsed.data.models.map((m) => ({
    name: m.name,
    sizeBytes: m.size,
    digest: m.digest,
    family: m.details?.family ?? null,
    parameterSize: m.details?.parameter_size ?? null,
    quantization: m.details?.quantization_level ?? null,
  }));
}

/** `gpt-oss:20b` → `gpt-oss-20b`, `llama3.2:latest` → `llama3.2`: a stable key to join with published figures. */
export function modelKey(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/^(registry\.ollama\.ai\/)?library\//, '')
    .replace(/:latest$/, '')
    .replace(/[^a-z0-9._]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The requested model (a bare name matches `name:latest`), or the smallest listed when none is requested. */
export function pickModel(models: readonly OllamaModel[], requested?: string): OllamaModel | undefined {
  if (requested !== undefined) {
    return models.find((m) => m.name === requested || m.name === `${requested}:latest`);
  }
  return [...models].sort((a, b) => a.sizeBytes - b.sizeBytes || a.name.localeCompare(b.name))[0];
}

/** @throws {EngineError} on any failure of `GET /api/version`. */
export async function getOllamaVersion(endpoint: string, timeoutMs: number, signal?: AbortSignal): Promise<string> {
  const url = joinUrl(endpoint, '/api/version');
  const parsed = z.object({ version: z.string() }).safeParse(await fetchJson(url, { timeoutMs, signal }));
  if (!parsed.success) throw malformed(url, 'not an Ollama version answer', parsed.error);
  return parsed.data.version;
}

/** @throws {EngineError} on any failure of `GET /api/tags`. */
export async function listOllamaModels(endpoint: string, timeoutMs: number, signal?: AbortSignal): Promise<OllamaModel[]> {
  const url = joinUrl(endpoint, '/api/tags');
  return parseTags(await fetchJson(url, { timeoutMs, signal }), url);
}

function generateBody(request: GenerateRequest, isStream: boolean): Record<string, unknown> {
  return {
    model: request.model,
    prompt: request.prompt,
    stream: isStream,
    // Greedy and seeded: the same tokens every repetition, so every repetition does the same work.
    options: { num_predict: request.numPredict, temperature: 0, seed: 42 },
    // Keeps the model loaded between repetitions; the warm-up pays the load.
    keep_alive: '10m',
  };
}

function toReport(data: unknown, url: string): GenerationReport {
  const parsed = FinalSchema.safeParse(data);
  if (!parsed.success) throw malformed(url, 'the final answer lacks Ollama timing fields', parsed.error);
  const f = parsed.data;
  return {
    evalCount: f.eval_count,
    evalMs: f.eval_duration / 1e6,
    promptEvalCount: f.prompt_eval_count,
    promptEvalMs: f.prompt_eval_duration / 1e6,
    loadMs: f.load_duration / 1e6,
    totalMs: f.total_duration / 1e6,
  };
}

/**
 * One `POST /api/generate` with `stream: false`: the catalogue's measured request.
 * @throws {EngineError} UNREACHABLE, TIMEOUT, HTTP_<status>, MALFORMED, DROPPED or ABORTED.
 */
export async function generateOnce(
  endpoint: string,
  request: GenerateRequest,
  timeouts: OllamaTimeouts,
  signal?: AbortSignal,
): Promise<GenerationReport> {
  const url = joinUrl(endpoint, '/api/generate');
  const data = await fetchJson(url, { timeoutMs: timeouts.requestTimeoutMs, body: generateBody(request, false), signal });
  return toReport(data, url);
}

/** A chunk's visible text: thinking models (gpt-oss, qwen3) stream their reasoning in `thinking`. */
function chunkText(chunk: unknown): string {
  if (typeof chunk !== 'object' || chunk === null) return '';
  const { response, thinking } = chunk as { response?: unknown; thinking?: unknown };
  return `${typeof response === 'string' ? response : ''}${typeof thinking === 'string' ? thinking : ''}`;
}

/**
 * One `POST /api/generate` with `stream: true`, timing the first non-empty chunk on the client. The NDJSON stream
 * must end with Ollama's `done: true` object, whose timings are returned.
 * @throws {EngineError} DROPPED "the stream ended after N of M tokens", TIMEOUT (stalled), and the errors of
 *   {@link generateOnce}.
 */
export async function generateStreamed(
  endpoint: string,
  request: GenerateRequest,
  timeouts: OllamaTimeouts,
  signal?: AbortSignal,
): Promise<StreamedReport> {
  const url = joinUrl(endpoint, '/api/generate');
  const options = { timeoutMs: timeouts.requestTimeoutMs, idleTimeoutMs: timeouts.idleTimeoutMs, body: generateBody(request, true), signal };
  const startedAt = performance.now();
  let ttftMs: number | null = null;
  let received = 0;
  try {
    for await (const chunk of streamNdjson(url, options)) {
      const record = (typeof chunk === 'object' && chunk !== null ? chunk : {}) as { done?: unknown; error?: unknown };
      if (typeof record.error === 'string') {
        throw new EngineError('ENGINE_ERROR', `Ollama reported an error after ${received} tokens: ${record.error}`, url);
      }
      if (record.done === true) return { ...toReport(chunk, url), ttftMs };
      if (chunkText(chunk) !== '') {
        ttftMs ??= performance.now() - startedAt;
        received += 1;
      }
    }
  } catch (error) {
    throw streamFailure(error, url, received, request.numPredict);
  }
  throw new EngineError('DROPPED', `the stream ended after ${received} of ${request.numPredict} tokens`, url);
}
