import { describe, expect, it } from 'vitest';
import { effectiveBatchSize, parseLlamaParams, parseModelRef } from './params';

describe('llama.cpp parameters', () => {
  it('applies llama-bench defaults', () => {
    expect(parseLlamaParams({})).toEqual({
      model: 'synthetic:llama-3-8b-q4_k_m',
      gpuLayers: 'max',
      flashAttention: false,
      batchSize: 2048,
      ubatchSize: 512,
    });
  });

  it('rejects nonsense with the field named', () => {
    expect(() => parseLlamaParams({ threads: 0 })).toThrow(/threads/);
    expect(() => parseLlamaParams({ backend: 'rocm' })).toThrow(/backend/);
    expect(() => parseLlamaParams({ gpuLayers: 'all' })).toThrow(/gpuLayers/);
  });

  it('parses synthetic names and absolute paths, refuses relative paths', () => {
    expect(parseModelRef('synthetic:tiny')).toEqual({ kind: 'synthetic', name: 'tiny' });
    expect(parseModelRef('/models/a.gguf')).toEqual({ kind: 'file', path: '/models/a.gguf' });
    expect(() => parseModelRef('a.gguf')).toThrow(/absolute/);
    expect(() => parseModelRef('synthetic:')).toThrow(/names no synthetic model/);
  });

  it('maps llama-bench n_batch/n_ubatch to one node-llama-cpp batch, capped by the context', () => {
    expect(effectiveBatchSize({ batchSize: 2048, ubatchSize: 512 }, 512)).toBe(512);
    expect(effectiveBatchSize({ batchSize: 2048, ubatchSize: 512 }, 128)).toBe(128);
    expect(effectiveBatchSize({ batchSize: 256, ubatchSize: 512 }, 512)).toBe(256);
  });
});
