/**
 * A stand-in for an OpenAI-compatible server (the subset vLLM, llama-server, SGLang and Ollama's `/v1` share),
 * serving real tokens from a {@link TokenSource}: `GET /v1/models`, `POST /v1/chat/completions` streamed as
 * server-sent events (`data: {chat.completion.chunk}\n\n` … an optional usage chunk with `choices: []` …
 * `data: [DONE]\n\n`) or as one `chat.completion` object. Concurrent requests are batched by the source
 * (`parallel` slots) and queue beyond that, as a server's scheduler does.
 *
 * Where it differs from the real servers:
 * - No chat template: messages are joined as `role: content` lines plus `assistant:` and tokenised as is.
 * - Decoding is always greedy and end-of-sequence is never sampled (as with vLLM's `ignore_eos: true`), so exactly
 *   `max_tokens` (or `max_completion_tokens`; default 128, real servers: until end of sequence) are produced and
 *   `finish_reason` is `length`. `temperature`, `seed`, `ignore_eos` are accepted and ignored.
 * - One token per content chunk (vLLM may merge tokens per chunk under load or with speculative decoding).
 * - No `Authorization` check, no `/v1/completions`, `/health`, `/metrics`, `/version`.
 * - `omitUsage` plays a server that ignores `stream_options.include_usage` (older llama-server, some proxies).
 */
import { randomUUID } from 'node:crypto';
import { generateWithFaults } from './generation';
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

/** Options of {@link startOpenAiStandIn}. */
export interface OpenAiStandInOptions extends FaultOptions {
  tokenSource: TokenSource;
  /** Model ids listed by `/v1/models` (all served by the same source). Default: the source's model name. */
  modelIds?: string[];
  /** `owned_by` of each model (vLLM: `vllm`, llama-server: `llamacpp`, SGLang: `sglang`). Default `stand-in`. */
  ownedBy?: string;
  /** A `Server` response header (llama-server sends `llama.cpp`; uvicorn-based servers `uvicorn`). */
  serverHeader?: string;
  /** Ignore `stream_options.include_usage` (send no usage chunk). */
  omitUsage?: boolean;
}

interface ChatBody {
  model: string;
  prompt: string;
  isStream: boolean;
  maxTokens: number;
  includeUsage: boolean;
}

function openAiError(status: number, message: string, type: string): { error: Record<string, unknown> } {
  return { error: { message, type, param: null, code: status } };
}

function promptOf(messages: unknown): string | null {
  if (!Array.isArray(messages) || messages.length === 0) return null;
  const lines = messages.map((message: unknown) => {
    const record = (typeof message === 'object' && message !== null ? message : {}) as Record<string, unknown>;
    return `${String(record.role ?? 'user')}: ${typeof record.content === 'string' ? record.content : ''}`;
  });
  return `${lines.join('\n')}\nassistant:`;
}

function parseChatBody(body: unknown): ChatBody | string {
  if (typeof body !== 'object' || body === null) return 'invalid JSON body';
  const record = body as Record<string, unknown>;
  if (typeof record.model !== 'string') return 'model is required';
  const prompt = promptOf(record.messages);
  if (prompt === null) return 'messages must be a non-empty array';
  const limit = record.max_completion_tokens ?? record.max_tokens;
  const streamOptions = (record.stream_options ?? {}) as Record<string, unknown>;
  return {
    model: record.model,
    prompt,
    isStream: record.stream === true,
    maxTokens: typeof limit === 'number' && limit > 0 ? Math.floor(limit) : 128,
    includeUsage: streamOptions.include_usage === true,
  };
}

/** Fields every chunk of one completion shares. */
function chunkBase(id: string, model: string): Record<string, unknown> {
  return { id, object: 'chat.completion.chunk', created: Math.floor(Date.now() / 1000), model };
}

async function sendEvent(ctx: RouteContext, payload: unknown): Promise<void> {
  await write(ctx.res, `data: ${typeof payload === 'string' ? payload : JSON.stringify(payload)}\n\n`);
}

async function streamChat(options: OpenAiStandInOptions, ctx: RouteContext, body: ChatBody, fault: FaultOptions): Promise<void> {
  const id = `chatcmpl-${randomUUID()}`;
  const withUsage = body.includeUsage && options.omitUsage !== true;
  const chunk = (delta: Record<string, unknown>, finishReason: string | null): Record<string, unknown> => ({
    ...chunkBase(id, body.model),
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
    ...(withUsage ? { usage: null } : {}),
  });
  ctx.res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
  if (fault.fault === 'malformedJson') {
    ctx.res.end(`data: {"id":"${id}","choices":[{"delta":\n\n`);
    return;
  }
  await sendEvent(ctx, chunk({ role: 'assistant', content: '' }, null));
  const stats = await generateWithFaults(options.tokenSource, body, ctx, fault, (piece) => sendEvent(ctx, chunk({ content: piece }, null)));
  if (stats === null) return;
  await sendEvent(ctx, chunk({}, stats.tokens >= body.maxTokens ? 'length' : 'stop'));
  if (withUsage) {
    const usage = { prompt_tokens: stats.promptTokens, completion_tokens: stats.tokens, total_tokens: stats.promptTokens + stats.tokens };
    await sendEvent(ctx, { ...chunkBase(id, body.model), choices: [], usage });
  }
  await sendEvent(ctx, '[DONE]');
  ctx.res.end();
}

async function completeChat(options: OpenAiStandInOptions, ctx: RouteContext, body: ChatBody, fault: FaultOptions): Promise<void> {
  if (fault.fault === 'malformedJson') {
    ctx.res.writeHead(200, { 'content-type': 'application/json' });
    ctx.res.end('{"id":"chatcmpl-1","choices":[');
    return;
  }
  let text = '';
  const stats = await generateWithFaults(options.tokenSource, body, ctx, fault, async (piece) => {
    text += piece;
  });
  if (stats === null) return;
  sendJson(ctx.res, 200, {
    id: `chatcmpl-${randomUUID()}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: body.model,
    choices: [{ index: 0, message: { role: 'assistant', content: text }, logprobs: null, finish_reason: 'length' }],
    usage: { prompt_tokens: stats.promptTokens, completion_tokens: stats.tokens, total_tokens: stats.promptTokens + stats.tokens },
  });
}

async function handleChat(options: OpenAiStandInOptions, modelIds: string[], ctx: RouteContext): Promise<void> {
  const body = parseChatBody(ctx.body);
  if (typeof body === 'string') return sendJson(ctx.res, 400, openAiError(400, body, 'BadRequestError'));
  if (!modelIds.includes(body.model)) {
    return sendJson(ctx.res, 404, openAiError(404, `The model \`${body.model}\` does not exist.`, 'NotFoundError'));
  }
  const fault = faultFor(options, true);
  if (!(await applySlow(fault, ctx.signal))) return;
  if (fault.fault === 'http500') {
    return sendJson(ctx.res, 500, openAiError(500, 'CUDA error: out of memory', 'InternalServerError'));
  }
  return body.isStream ? streamChat(options, ctx, body, fault) : completeChat(options, ctx, body, fault);
}

/**
 * Starts an OpenAI-compatible stand-in on 127.0.0.1 (free port). Put `url` in the `openaiEndpoint` setting.
 * Close it with `close()`; the token source stays open (the caller owns it).
 */
export async function startOpenAiStandIn(options: OpenAiStandInOptions): Promise<RunningStandIn> {
  const modelIds = options.modelIds ?? [options.tokenSource.modelName];
  const meta = faultFor(options, false);
  const models = {
    object: 'list',
    data: modelIds.map((id) => ({ id, object: 'model', created: 1_759_320_000, owned_by: options.ownedBy ?? 'stand-in' })),
  };
  const withServerHeader = (ctx: RouteContext): RouteContext => {
    if (options.serverHeader !== undefined) ctx.res.setHeader('server', options.serverHeader);
    return ctx;
  };
  return startStandIn(
    {
      'GET /v1/models': async (ctx) =>
        serveJson(withServerHeader(ctx), meta, openAiError(500, 'internal error', 'InternalServerError'), models),
      'POST /v1/chat/completions': async (ctx) => handleChat(options, modelIds, withServerHeader(ctx)),
    },
    (path) => openAiError(404, `Not Found: ${path}`, 'NotFoundError'),
  );
}
