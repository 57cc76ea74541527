import { describe, expect, it } from 'vitest';
import type { GgufInfo } from '../../../models/gguf/reader';
import { modelFactsOf, modelKeyOf } from './model-info';

function info(overrides: Partial<GgufInfo>): GgufInfo {
  return {
    path: '/m/model.gguf', fileBytes: 4_920_000_000, version: 3, alignment: 32, dataOffset: 1000, tensorDataBytes: 4_919_000_000,
    architecture: 'llama', name: 'Meta Llama 3 8B Instruct', contextLength: 8192, embeddingLength: 4096, feedForwardLength: 14336,
    blockCount: 32, headCount: 32, headCountKv: 8, vocabSize: 128256, fileType: 15, quantization: 'Q4_K_M',
    parameterCount: 8_030_261_248, tensors: [], metadata: {}, isSynthetic: false,
    ...overrides,
  };
}

describe('model identity facts', () => {
  it("keys a user's file by the reference shape it has, so it joins the published figures", () => {
    expect(modelKeyOf(info({}), 'x')).toBe('llama-3-8b');
    expect(modelKeyOf(info({ vocabSize: 32000, headCountKv: 32, feedForwardLength: 11008 }), 'x')).toBe('llama-2-7b');
  });

  it('keys other files by their own name and size label', () => {
    const mistral = info({ vocabSize: 32768, metadata: { 'general.basename': 'Mistral', 'general.size_label': '7B' } });
    expect(modelKeyOf(mistral, 'x')).toBe('mistral-7b');
    expect(modelKeyOf(info({ vocabSize: 1, name: null }), 'fallback name')).toBe('fallback-name');
  });

  it('keys synthetic files by manifest name without the quantisation', () => {
    const synthetic = info({ vocabSize: 512, isSynthetic: true, metadata: { 'rigmark.manifest': 'tiny' } });
    expect(modelKeyOf(synthetic, 'x')).toBe('tiny');
    expect(modelKeyOf(info({ vocabSize: 7, isSynthetic: true, metadata: { 'rigmark.manifest': 'llama-3-8b-q4_k_m' } }), 'x')).toBe('llama-3-8b');
  });

  it('refuses a file without an architecture or vocabulary', () => {
    expect(() => modelFactsOf(info({ architecture: null }), 'x')).toThrow(/architecture/);
    expect(() => modelFactsOf(info({ vocabSize: null }), 'x')).toThrow(/vocabulary/);
    expect(modelFactsOf(info({}), 'x')).toMatchObject({ quant: 'Q4_K_M', paramsCount: 8_030_261_248, modelBytes: 4_920_000_000 });
  });
});
