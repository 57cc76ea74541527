import { describe, expect, it } from 'vitest';
import { WRITABLE_GGML_TYPES, ggmlTensorBytes, ggmlTypeByName } from '../ggml-types';
import { float16BitsToNumber } from '../gguf/float16';
import type { PlannedTensor } from '../gguf/writer';
import { syntheticWeights } from './weights';

function tensor(type: string, dims: number[], name = 'blk.0.attn_q.weight'): PlannedTensor {
  const info = ggmlTypeByName(type);
  return { spec: { name, dims, type }, type: info, offset: 0, bytes: ggmlTensorBytes(info, dims) ?? 0 };
}

function collect(source: Iterable<Uint8Array>): Buffer {
  return Buffer.concat([...source].map((c) => Buffer.from(c)));
}

/** Copies into an aligned buffer of its own (small Buffers share a pool at arbitrary offsets). */
function floats(data: Buffer): Float32Array {
  return new Float32Array(Uint8Array.from(data).buffer);
}

/** Byte offsets of the fp16 scales in each block (ggml-common.h block structs). */
const SCALE_OFFSETS: Record<string, number[]> = {
  Q4_0: [0], Q4_1: [0, 2], Q5_0: [0], Q5_1: [0, 2], Q8_0: [0], Q2_K: [80, 82], Q3_K: [108], Q4_K: [0, 2], Q5_K: [0, 2], Q6_K: [208],
};

describe('synthetic weights', () => {
  it('are the same bytes for the same seed and tensor, different for another seed or name', () => {
    const t = tensor('Q4_K', [256, 64]);
    const a = collect(syntheticWeights(1)(t, 0));
    expect(a.equals(collect(syntheticWeights(1)(t, 0)))).toBe(true);
    expect(a.equals(collect(syntheticWeights(2)(t, 0)))).toBe(false);
    expect(a.equals(collect(syntheticWeights(1)(tensor('Q4_K', [256, 64], 'other'), 0)))).toBe(false);
  });

  it('fill every writable type with exactly the tensor’s bytes, also past one pattern length', () => {
    const weights = syntheticWeights(42);
    for (const type of WRITABLE_GGML_TYPES) {
      const t = tensor(type, [256, 9000]);
      let total = 0;
      for (const chunk of weights(t, 0)) total += chunk.length;
      expect(total, type).toBe(t.bytes);
    }
  });

  it('give every block small, finite, non-zero fp16 scales', () => {
    const weights = syntheticWeights(42);
    for (const [type, offsets] of Object.entries(SCALE_OFFSETS)) {
      const t = tensor(type, [256, 64]);
      const data = collect(weights(t, 0));
      for (let at = 0; at < data.length; at += t.type.typeSize) {
        for (const offset of offsets) {
          const scale = Math.abs(float16BitsToNumber(data.readUInt16LE(at + offset)));
          expect(scale > 1e-5 && scale < 0.2, `${type} block at ${at}`).toBe(true);
        }
      }
    }
  });

  it('keep float weights small and norms near 1', () => {
    const weights = syntheticWeights(42);
    const matrix = floats(collect(weights(tensor('F32', [64, 64]), 0)));
    expect(Math.max(...matrix.map(Math.abs))).toBeLessThanOrEqual(0.05);
    const norm = floats(collect(weights(tensor('F32', [64], 'output_norm.weight'), 0)));
    expect(Math.min(...norm)).toBeGreaterThanOrEqual(0.8);
    const halves = collect(weights(tensor('F16', [64, 64]), 0));
    for (let i = 0; i < halves.length; i += 2) expect(Math.abs(float16BitsToNumber(halves.readUInt16LE(i)))).toBeLessThan(0.051);
  });
});
