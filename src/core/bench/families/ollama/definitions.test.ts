import { afterEach, describe, expect, it } from 'vitest';
import { closedPortUrl, startRawServer, type RawServer } from '../../../../../test/stand-ins/engines/raw-server';
import { startOllamaStandIn } from '../../../../../test/stand-ins/engines/ollama-stand-in';
import type { RunningStandIn } from '../../../../../test/stand-ins/engines/stand-in-http';
import { createScriptedTokenSource } from '../../../../../test/stand-ins/engines/token-source';
import { engineAvailabilityContext as availabilityContext } from '../../../../../test/helpers/availability-context';
import { checkOllamaAvailability, definitions } from './definitions';

let server: RunningStandIn | RawServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('ollama.generate availability', () => {
  it('is unavailable within 2 s with the documented reason when nothing listens', async () => {
    const endpoint = await closedPortUrl();
    const startedAt = performance.now();
    const result = await checkOllamaAvailability(availabilityContext({ ollamaEndpoint: endpoint }));
    expect(performance.now() - startedAt).toBeLessThan(2000);
    expect(result).toEqual({
      isAvailable: false,
      reason: `Ollama is not answering at ${endpoint} (connection refused)`,
      howToEnable: 'install Ollama and run “ollama serve”, or set the endpoint in Settings',
    });
  });

  it('is unavailable within 2 s when something accepts connections but never answers', async () => {
    server = await startRawServer(() => undefined);
    const startedAt = performance.now();
    const result = await checkOllamaAvailability(availabilityContext({ ollamaEndpoint: server.url }));
    expect(performance.now() - startedAt).toBeLessThan(2000);
    expect(result).toMatchObject({ isAvailable: false, reason: `Ollama is not answering at ${server.url} (no answer within 1.5 s)` });
  });

  it('is available when Ollama lists a model, and unavailable with `ollama pull` when it lists none', async () => {
    server = await startOllamaStandIn({ tokenSource: createScriptedTokenSource() });
    expect(await checkOllamaAvailability(availabilityContext({ ollamaEndpoint: server.url }))).toEqual({ isAvailable: true });
    const missing = await checkOllamaAvailability(availabilityContext({ ollamaEndpoint: server.url }, { model: 'qwen3:4b' }));
    expect(missing).toMatchObject({ isAvailable: false, howToEnable: 'run “ollama pull qwen3:4b”' });
    await server.close();
    server = await startOllamaStandIn({ tokenSource: createScriptedTokenSource(), models: [] });
    const empty = await checkOllamaAvailability(availabilityContext({ ollamaEndpoint: server.url }));
    expect(empty).toMatchObject({ isAvailable: false, reason: `Ollama at ${server.url} has no models: run “ollama pull <model>”` });
  });

  it('says so when something else answers on the port', async () => {
    server = await startRawServer((_req, res) => res.writeHead(404).end('nope'));
    const result = await checkOllamaAvailability(availabilityContext({ ollamaEndpoint: server.url }));
    expect(result).toMatchObject({ isAvailable: false, reason: `${server.url} answered HTTP 404 to /api/tags: is it Ollama?` });
  });

  it('reports an invalid endpoint setting instead of probing', async () => {
    const result = await checkOllamaAvailability(availabilityContext({ ollamaEndpoint: 'not a url' }));
    expect(result).toMatchObject({ isAvailable: false, reason: 'the ollamaEndpoint setting is not a valid URL: not a url' });
  });

  it('passes the configured endpoint to the worker through default params', () => {
    const definition = definitions[0];
    expect(definition?.id).toBe('ollama.generate');
    expect(definition?.defaultParams?.(availabilityContext({ ollamaEndpoint: 'http://10.0.0.5:11434/' }))).toEqual({
      endpoint: 'http://10.0.0.5:11434',
      numPredict: 128,
    });
    expect(definition?.defaultParams?.(availabilityContext({}))).toMatchObject({ endpoint: 'http://127.0.0.1:11434' });
  });
});
