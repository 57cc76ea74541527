import { describe, expect, it } from 'vitest';
import { planGgufLayout } from '../gguf/writer';
import { countParameters, useMoreBits } from './llama-shape';
import { getSyntheticManifest, listSyntheticManifests } from './manifests';
import { syntheticSpec } from './spec';
import { MIN_SPM_VOCAB, buildSpmVocabulary } from './vocab';

const typeOf = (name: string, tensor: string): string | undefined =>
  getSyntheticManifest(name).tensors.find((t) => t.name === tensor)?.type;

const layersWith = (name: string, role: string, type: string): number[] =>
  getSyntheticManifest(name)
    .tensors.filter((t) => t.name.endsWith(`.${role}.weight`) && t.type === type)
    .map((t) => Number(t.name.split('.')[1]));

describe('synthetic manifests', () => {
  it('hold the published parameter counts', () => {
    const counts = Object.fromEntries(listSyntheticManifests().map((m) => [m.name, countParameters(m.tensors)]));
    expect(counts).toEqual({
      tiny: 3_410_176,
      'llama-3.2-1b-q4_0': 1_235_814_400,
      'llama-2-7b-q4_0': 6_738_415_616,
      'llama-3-8b-q4_k_m': 8_030_261_248,
      'llama-3-8b-f16': 8_030_261_248,
    });
  });

  it('give Llama 2 7B Q4_0 every 2-D weight Q4_0, output Q6_K and F32 norms', () => {
    const m = getSyntheticManifest('llama-2-7b-q4_0');
    expect(m.tensors).toHaveLength(2 + 32 * 9 + 1);
    for (const t of m.tensors) {
      const expected = t.dims.length === 1 ? 'F32' : t.name === 'output.weight' ? 'Q6_K' : 'Q4_0';
      expect(t.type, t.name).toBe(expected);
    }
    expect(m.tensors.find((t) => t.name === 'blk.0.attn_k.weight')?.dims).toEqual([4096, 4096]);
    expect(m).toMatchObject({ fileType: 2, referenceModel: 'llama 7B Q4_0' });
  });

  it('apply llama.cpp’s use_more_bits to Llama 3 8B Q4_K_M attn_v and ffn_down', () => {
    const picked = [0, 1, 2, 3, 6, 9, 12, 15, 18, 21, 24, 27, 28, 29, 30, 31];
    expect(Array.from({ length: 32 }, (_, i) => i).filter((i) => useMoreBits(i, 32))).toEqual(picked);
    expect(layersWith('llama-3-8b-q4_k_m', 'attn_v', 'Q6_K')).toEqual(picked);
    expect(layersWith('llama-3-8b-q4_k_m', 'ffn_down', 'Q6_K')).toEqual(picked);
    expect(layersWith('llama-3-8b-q4_k_m', 'attn_q', 'Q4_K')).toHaveLength(32);
    expect([typeOf('llama-3-8b-q4_k_m', 'output.weight'), typeOf('llama-3-8b-q4_k_m', 'token_embd.weight')]).toEqual(['Q6_K', 'Q4_K']);
    expect(typeOf('llama-3-8b-q4_k_m', 'blk.0.attn_k.weight')).toBe('Q4_K');
    expect(getSyntheticManifest('llama-3-8b-q4_k_m').tensors.find((t) => t.name === 'blk.0.attn_k.weight')?.dims).toEqual([4096, 1024]);
    expect(getSyntheticManifest('llama-3-8b-q4_k_m').fileType).toBe(15);
  });

  it('make Llama 3 8B F16 all F16 except the norms', () => {
    for (const t of getSyntheticManifest('llama-3-8b-f16').tensors) expect(t.type).toBe(t.dims.length === 1 ? 'F32' : 'F16');
  });

  it('tie Llama 3.2 1B’s embeddings: no output.weight, token_embd Q6_K', () => {
    const m = getSyntheticManifest('llama-3.2-1b-q4_0');
    expect(typeOf(m.name, 'output.weight')).toBeUndefined();
    expect(typeOf(m.name, 'token_embd.weight')).toBe('Q6_K');
    expect(layersWith(m.name, 'ffn_down', 'Q4_0')).toHaveLength(16);
  });

  it('plan file sizes close to the real files (output layer 215 MB of the 1B shape)', () => {
    const sizes = Object.fromEntries(listSyntheticManifests().map((m) => [m.name, planGgufLayout(syntheticSpec(m)).fileBytes]));
    // Published sizes: llama-2-7b.Q4_0.gguf 3.83 GB; Meta-Llama-3-8B Q4_K_M 4.92 GB, F16 16.07 GB.
    expect(sizes['llama-2-7b-q4_0']! / 1e9).toBeCloseTo(3.83, 1);
    expect(sizes['llama-3-8b-q4_k_m']! / 1e9).toBeCloseTo(4.92, 1);
    expect(sizes['llama-3-8b-f16']! / 1e9).toBeCloseTo(16.07, 1);
    expect(sizes['llama-3.2-1b-q4_0']! / 1e6).toBeCloseTo(766, -1);
    const embd = planGgufLayout(syntheticSpec(getSyntheticManifest('llama-3.2-1b-q4_0'))).tensors[0];
    expect(Math.round((embd?.bytes ?? 0) / 1e6)).toBe(215);
    expect(sizes.tiny).toBeLessThan(20e6);
  });
});

describe('SPM vocabulary', () => {
  it('has exactly n_vocab unique tokens with specials and byte tokens first', () => {
    for (const size of [MIN_SPM_VOCAB, 512, 32000, 128256]) {
      const vocab = buildSpmVocabulary(size);
      expect(vocab.tokens).toHaveLength(size);
      expect(new Set(vocab.tokens).size).toBe(size);
      expect(vocab.scores).toHaveLength(size);
      expect(vocab.tokenTypes).toHaveLength(size);
    }
    const vocab = buildSpmVocabulary(300);
    expect(vocab.tokens.slice(0, 4)).toEqual(['<unk>', '<s>', '</s>', '<0x00>']);
    expect(vocab.tokens[258]).toBe('<0xFF>');
    expect([...vocab.tokenTypes.slice(0, 4), vocab.tokenTypes[299]]).toEqual([2, 3, 3, 6, 1]);
  });

  it('refuses a size too small for specials and byte tokens', () => {
    expect(() => buildSpmVocabulary(100)).toThrow(RangeError);
  });
});
