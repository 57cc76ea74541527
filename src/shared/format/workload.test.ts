import { describe, expect, it } from 'vitest';
import { identitySettingsSummary, modelKeyText, modelText, settingsSummary, workloadTitle } from './workload';

describe('workload words', () => {
  it('turns normalised model keys into model names', () => {
    expect(modelKeyText('llama-3-8b')).toBe('Llama 3 8B');
    expect(modelKeyText('llama-3.2-1b')).toBe('Llama 3.2 1B');
    expect(modelKeyText('gpt-oss-20b')).toBe('GPT-OSS 20B');
    expect(modelKeyText('qwen3-4b')).toBe('Qwen3 4B');
    expect(modelKeyText('sd3.5-large')).toBe('SD3.5 Large');
    expect(modelKeyText('lfm2.5-1.2b')).toBe('LFM2.5 1.2B');
    expect(modelKeyText('gemma-4-e4b-it')).toBe('Gemma 4 E4B IT');
    expect(modelKeyText('codellama-7b')).toBe('CodeLlama 7B');
    expect(modelKeyText('deepseek-r1-distill-qwen-7b')).toBe('DeepSeek R1 Distill Qwen 7B');
  });

  it('names the model with its quantisation and says when the weights are synthetic', () => {
    expect(modelText({ modelKey: 'llama-3-8b', quant: 'Q4_K_M', isSynthetic: true })).toBe('Llama 3 8B Q4_K_M (synthetic)');
    expect(modelText({ modelKey: 'llama-2-7b', quant: 'MOSTLY_Q4_0' })).toBe('Llama 2 7B Q4_0');
    expect(modelText({ modelKey: 'llama-2-7b', quant: 'unknown' })).toBe('Llama 2 7B');
    expect(modelText({})).toBeNull();
  });

  it('titles llama.cpp workloads by what they do and how long, others by their catalogue title', () => {
    expect(workloadTitle('llamacpp.pp512', { promptTokens: 512 })).toBe('Prompt processing · 512 tokens');
    expect(workloadTitle('llamacpp.tg128', {})).toBe('Text generation · 128 tokens');
    expect(workloadTitle('system.memory', {}, 'Memory bandwidth')).toBe('Memory bandwidth');
    expect(workloadTitle('system.memory', {})).toBe('system.memory');
  });

  it('summarises only the stated settings, in one line', () => {
    expect(settingsSummary({ promptTokens: 512, backend: 'cuda', quant: 'Q4_K_M' })).toBe('pp512 · CUDA · Q4_K_M');
    expect(settingsSummary({ genTokens: 128, backend: 'vulkan', quant: 'Q4_0', flashAttention: true })).toBe('tg128 · Vulkan · Q4_0 · flash attention');
    expect(settingsSummary({ concurrency: 1, quant: 'unknown' })).toBe('1 request at a time');
    expect(settingsSummary({ concurrency: 32 })).toBe('32 parallel requests');
    expect(settingsSummary({ promptTokens: 512, concurrency: 1, tool: 'llama-bench' })).toBe('pp512 · llama-bench');
    expect(settingsSummary({})).toBe('');
    expect(identitySettingsSummary('llamacpp.pp512', { backend: 'cpu', quant: 'Q4_K_M' })).toBe('pp512 · CPU · Q4_K_M');
  });
});
