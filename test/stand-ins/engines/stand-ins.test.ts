import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startOllamaStandIn } from './ollama-stand-in';
import { startOpenAiStandIn } from './openai-stand-in';
import type { RunningStandIn } from './stand-in-http';
import { createTinyTokenSource } from './tiny-token-source';
import type { TokenSource } from './token-source';

// Protocol conformance of the stand-ins, read with plain fetch: field names, framing and counts as the real
// servers send them, with real tokens from llama.cpp on the synthetic tiny model.

let tiny: TokenSource;
let server: RunningStandIn | undefined;
beforeAll(async () => {
  tiny = await createTinyTokenSource({ parallel: 2 });
});
afterAll(async () => tiny.close());
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const post = (url: string, body: unknown): Promise<Response> =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('Ollama stand-in', () => {
  it('answers /api/version, /api/tags and a non-streamed /api/generate with integer-ns timings', async () => {
    server = await startOllamaStandIn({ tokenSource: tiny, version: '0.12.6' });
    expect(await (await fetch(`${server.url}/api/version`)).json()).toEqual({ version: '0.12.6' });
    const tags = (await (await fetch(`${server.url}/api/tags`)).json()) as { models: Array<Record<string, unknown>> };
    expect(tags.models[0]).toMatchObject({ name: 'synthetic-tiny:latest', model: 'synthetic-tiny:latest', details: { format: 'gguf' } });
    const body = { model: 'synthetic-tiny', prompt: 'Why is the sky blue?', stream: false, options: { num_predict: 10 } };
    const answer = (await (await post(`${server.url}/api/generate`, body)).json()) as Record<string, unknown>;
    expect(answer).toMatchObject({ model: 'synthetic-tiny', done: true, done_reason: 'length', eval_count: 10 });
    for (const field of ['total_duration', 'load_duration', 'prompt_eval_duration', 'eval_duration', 'prompt_eval_count']) {
      expect(Number.isInteger(answer[field]) && (answer[field] as number) > 0).toBe(true);
    }
    expect(typeof answer.response === 'string' && answer.response.length > 0).toBe(true);
  });

  it('streams NDJSON: one chunk per real token, then done with the counts', async () => {
    server = await startOllamaStandIn({ tokenSource: tiny });
    const response = await post(`${server.url}/api/generate`, { model: 'synthetic-tiny:latest', prompt: 'Hello', options: { num_predict: 6 } });
    expect(response.headers.get('content-type')).toBe('application/x-ndjson');
    const lines = (await response.text()).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(7);
    expect(lines.slice(0, 6).every((l) => l.done === false && typeof l.response === 'string' && l.response !== '')).toBe(true);
    expect(lines[6]).toMatchObject({ done: true, response: '', eval_count: 6 });
  });

  it('answers 404 with Ollama\'s message for a model it does not have', async () => {
    server = await startOllamaStandIn({ tokenSource: tiny });
    const response = await post(`${server.url}/api/generate`, { model: 'nope', prompt: 'x' });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'model "nope" not found, try pulling it first' });
  });
});

describe('OpenAI stand-in', () => {
  it('lists models and streams SSE chunks, a usage chunk with empty choices, then [DONE]', async () => {
    server = await startOpenAiStandIn({ tokenSource: tiny, ownedBy: 'vllm' });
    const models = (await (await fetch(`${server.url}/v1/models`)).json()) as { data: Array<Record<string, unknown>> };
    expect(models.data[0]).toMatchObject({ id: 'synthetic-tiny', object: 'model', owned_by: 'vllm' });
    const response = await post(`${server.url}/v1/chat/completions`, {
      model: 'synthetic-tiny', messages: [{ role: 'user', content: 'Hi' }], stream: true, stream_options: { include_usage: true }, max_tokens: 5,
    });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const events = (await response.text()).split('\n\n').filter((e) => e !== '');
    expect(events.every((e) => e.startsWith('data: '))).toBe(true);
    expect(events.at(-1)).toBe('data: [DONE]');
    const chunks = events.slice(0, -1).map((e) => JSON.parse(e.slice(6)) as { choices: Array<{ delta: { content?: string }; finish_reason: string | null }>; usage?: unknown });
    const content = chunks.filter((c) => (c.choices[0]?.delta.content ?? '') !== '');
    expect(content).toHaveLength(5);
    expect(chunks.at(-2)?.choices[0]?.finish_reason).toBe('length');
    expect(chunks.at(-1)).toMatchObject({ object: 'chat.completion.chunk', choices: [], usage: { completion_tokens: 5, total_tokens: expect.any(Number) as number } });
  });

  it('answers a non-streamed completion and an unknown model in the OpenAI error shape', async () => {
    server = await startOpenAiStandIn({ tokenSource: tiny });
    const done = (await (await post(`${server.url}/v1/chat/completions`, { model: 'synthetic-tiny', messages: [{ role: 'user', content: 'Hi' }], max_tokens: 3 })).json()) as Record<string, unknown>;
    expect(done).toMatchObject({ object: 'chat.completion', usage: { completion_tokens: 3 } });
    const missing = await post(`${server.url}/v1/chat/completions`, { model: 'x', messages: [{ role: 'user', content: 'Hi' }] });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { type: 'NotFoundError', code: 404 } });
  });

  it('close() ends a stalled stream instead of leaving the client hanging', async () => {
    server = await startOpenAiStandIn({ tokenSource: tiny, fault: 'stall' });
    const response = await post(`${server.url}/v1/chat/completions`, { model: 'synthetic-tiny', messages: [{ role: 'user', content: 'Hi' }], stream: true, max_tokens: 8 });
    const reading = response.text().then(() => 'ended', () => 'ended');
    await server.close();
    server = undefined;
    expect(await reading).toBe('ended');
  });
});
