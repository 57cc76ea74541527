import { describe, expect, it } from 'vitest';
import { modelKey, parseTags, pickModel, type OllamaModel } from './client';

const model = (name: string, sizeBytes: number): OllamaModel => ({
  name, sizeBytes, digest: 'd', family: null, parameterSize: null, quantization: null,
});

describe('modelKey', () => {
  it('normalises Ollama names into join keys', () => {
    expect(modelKey('gpt-oss:20b')).toBe('gpt-oss-20b');
    expect(modelKey('llama3.2:latest')).toBe('llama3.2');
    expect(modelKey('Qwen3:4B-Q4_K_M')).toBe('qwen3-4b-q4_k_m');
    expect(modelKey('registry.ollama.ai/library/mistral:7b')).toBe('mistral-7b');
    expect(modelKey('hf.co/bartowski/Llama-3.2-1B-GGUF:Q4_0')).toBe('hf.co-bartowski-llama-3.2-1b-gguf-q4_0');
  });
});

describe('pickModel', () => {
  const models = [model('gpt-oss:20b', 13e9), model('llama3.2:1b', 1.3e9), model('qwen3:latest', 5e9)];

  it('defaults to the smallest model listed', () => {
    expect(pickModel(models)?.name).toBe('llama3.2:1b');
  });

  it('finds the requested model, a bare name matching :latest', () => {
    expect(pickModel(models, 'gpt-oss:20b')?.name).toBe('gpt-oss:20b');
    expect(pickModel(models, 'qwen3')?.name).toBe('qwen3:latest');
    expect(pickModel(models, 'mistral')).toBeUndefined();
  });
});

describe('parseTags', () => {
  it('reads the real /api/tags shape and rejects others as MALFORMED', () => {
    const data = {
      models: [{ name: 'gpt-oss:20b', model: 'gpt-oss:20b', size: 13780173734, digest: 'aa4295ac10c3', details: { family: 'gptoss', parameter_size: '20.9B', quantization_level: 'MXFP4' } }],
    };
    expect(parseTags(data, 'u')).toEqual([
      { name: 'gpt-oss:20b', sizeBytes: 13780173734, digest: 'aa4295ac10c3', family: 'gptoss', parameterSize: '20.9B', quantization: 'MXFP4' },
    ]);
    expect(() => parseTags({ data: [] }, 'u')).toThrow(/not an Ollama model list/);
  });
});
