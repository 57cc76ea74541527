import { afterEach, describe, expect, it } from 'vitest';
import { startOpenAiStandIn } from '../../../../../test/stand-ins/engines/openai-stand-in';
import { closedPortUrl, startRawServer, type RawServer } from '../../../../../test/stand-ins/engines/raw-server';
import type { RunningStandIn } from '../../../../../test/stand-ins/engines/stand-in-http';
import { createScriptedTokenSource } from '../../../../../test/stand-ins/engines/token-source';
import { engineAvailabilityContext as availabilityContext } from '../../../../../test/helpers/availability-context';
import { checkServingAvailability, definitions } from './definitions';

let server: RunningStandIn | RawServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('serving.throughput availability', () => {
  it('is unavailable within 2 s, saying how to start a server, when nothing listens', async () => {
    const endpoint = await closedPortUrl();
    const startedAt = performance.now();
    const result = await checkServingAvailability(availabilityContext({ openaiEndpoint: endpoint }));
    expect(performance.now() - startedAt).toBeLessThan(2000);
    expect(result).toMatchObject({ isAvailable: false, reason: `No OpenAI-compatible server is answering at ${endpoint} (connection refused)` });
    expect(result.isAvailable === false && result.howToEnable).toContain('vllm serve');
  });

  it('is available when the server lists the model from Settings (endpoint given with /v1)', async () => {
    server = await startOpenAiStandIn({ tokenSource: createScriptedTokenSource(), modelIds: ['Qwen/Qwen3-4B'] });
    const settings = { openaiEndpoint: `${server.url}/v1`, openaiModel: 'Qwen/Qwen3-4B' };
    expect(await checkServingAvailability(availabilityContext(settings))).toEqual({ isAvailable: true });
    const other = await checkServingAvailability(availabilityContext(settings, { model: 'meta/llama' }));
    expect(other).toMatchObject({ isAvailable: false, reason: `model "meta/llama" is not served at ${server.url} (listed: Qwen/Qwen3-4B)` });
  });

  it('explains an API-key wall and a server that is not OpenAI-compatible', async () => {
    server = await startRawServer((req, res) => res.writeHead(req.url === '/v1/models' ? 401 : 404).end());
    const locked = await checkServingAvailability(availabilityContext({ openaiEndpoint: server.url }));
    expect(locked).toMatchObject({ isAvailable: false, reason: `The server at ${server.url} requires an API key, which Rigmark does not send` });
    await server.close();
    server = await startRawServer((_req, res) => res.end('{"hello":"world"}'));
    const odd = await checkServingAvailability(availabilityContext({ openaiEndpoint: server.url }));
    expect(odd).toMatchObject({ isAvailable: false, reason: `${server.url} does not answer /v1/models like an OpenAI-compatible server` });
  });

  it('passes endpoint, model and the catalogue sweep to the worker through default params', () => {
    const definition = definitions[0];
    expect(definition?.suites).toEqual(['quick', 'full']);
    expect(definition?.defaultParams?.(availabilityContext({ openaiEndpoint: 'http://127.0.0.1:8080/v1/', openaiModel: 'm' }))).toEqual({
      endpoint: 'http://127.0.0.1:8080',
      model: 'm',
      maxTokens: 128,
      concurrency: [1, 16, 32, 64],
    });
  });
});
