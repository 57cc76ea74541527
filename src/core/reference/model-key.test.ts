import { describe, expect, it } from 'vitest';
import { modelShapeOf, normaliseModelKey, normaliseQuant } from './model-key';

describe('normaliseModelKey', () => {
  it.each([
    ['Qwen/Qwen3-4B', 'qwen3-4b'],
    ['gpt-oss:20b', 'gpt-oss-20b'],
    ['gpt-oss 20b', 'gpt-oss-20b'],
    ['gpt-oss-20b (MXFP4)', 'gpt-oss-20b'],
    ['Meta Llama 3 8B Q4_K_M (GGUF)', 'llama-3-8b'],
    ['Meta Llama 3 70B F16 (GGUF)', 'llama-3-70b'],
    ['Llama 2 7B Q4_0 (llama-2-7b.Q4_0.gguf)', 'llama-2-7b'],
    ['llama 7B Q4_0', 'llama-7b'],
    ['Llama 3.2:3b', 'llama-3.2-3b'],
    ['qwen3-4b FP16', 'qwen3-4b'],
    ['sd3.5-large', 'sd3.5-large'],
    ['llava-1.5-7b', 'llava-1.5-7b'],
    ['Qwen3.6-35B-A3B (unsloth GGUF Q4_K_M, 22.1 GB)', 'qwen3.6-35b-a3b'],
    ['deepseek-ai/DeepSeek-R1-Distill-Qwen-1.5B', 'deepseek-r1-distill-qwen-1.5b'],
    ['llama-2-7b.Q4_0.gguf', 'llama-2-7b'],
  ])('maps %s to %s', (name, key) => {
    expect(normaliseModelKey(name)).toBe(key);
  });

  it('is idempotent on keys so local identities can be normalised again safely', () => {
    for (const key of ['llama-2-7b', 'qwen3.5-4b', 'gpt-oss-20b', 'sd3.5-large']) {
      expect(normaliseModelKey(key)).toBe(key);
    }
  });

  it('returns null for placeholder names', () => {
    expect(normaliseModelKey('-')).toBeNull();
    expect(normaliseModelKey('')).toBeNull();
  });
});

describe('normaliseQuant', () => {
  it.each([
    ['Meta Llama 3 8B Q4_K_M (GGUF)', 'Q4_K_M'],
    ['llamacpp_qwen3_5-4b_q4km_single_request', 'Q4_K_M'],
    ['Llama 2 7B Q4_0', 'Q4_0'],
    ['CodeLlama 7B Q8_0 (llama 7B)', 'Q8_0'],
    ['qwen3-4b FP16', 'F16'],
    ['Meta Llama 3 8B F16 (GGUF)', 'F16'],
    ['gpt-oss-20b (MXFP4)', 'MXFP4'],
    ['qwen3-4b W8A8', 'W8A8'],
    ['q4_k_m', 'Q4_K_M'],
  ])('finds the quantisation in %s', (text, quant) => {
    expect(normaliseQuant(text)).toBe(quant);
  });

  it('returns null when no quantisation is named', () => {
    expect(normaliseQuant('gpt-oss:20b')).toBeNull();
  });
});

describe('modelShapeOf', () => {
  it('puts LLaMA 1 7B in the Llama 2 7B shape family but keeps CodeLlama apart', () => {
    expect(modelShapeOf('llama-7b')).toBe('llama-2-7b');
    expect(modelShapeOf('codellama-7b')).toBe('codellama-7b');
    expect(modelShapeOf(null)).toBeNull();
  });
});
