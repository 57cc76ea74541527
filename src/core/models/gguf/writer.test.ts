import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { readGgufFileInfo } from 'node-llama-cpp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../../test/helpers/temp-dir';
import { ggmlTensorBytes, ggmlTypeByName } from '../ggml-types';
import { float16BitsToNumber, float32ToBfloat16Bits, float32ToFloat16Bits } from './float16';
import { gguf } from './metadata-encoder';
import type { GgufMetadataValue } from './metadata-encoder';
import { readGgufInfo } from './reader';
import { planGgufLayout, writeGgufFile } from './writer';
import type { GgufFileSpec, TensorDataSource } from './writer';

const zeros: TensorDataSource = function* (tensor) {
  yield new Uint8Array(tensor.bytes);
};

const EVERY_KIND: (readonly [string, GgufMetadataValue])[] = [
  ['general.alignment', gguf.u32(32)],
  ['t.u8', gguf.u8(200)],
  ['t.i8', { kind: 'int8', value: -100 }],
  ['t.u16', { kind: 'uint16', value: 60000 }],
  ['t.i16', { kind: 'int16', value: -30000 }],
  ['t.u32', gguf.u32(4_000_000_000)],
  ['t.i32', gguf.i32(-2_000_000_000)],
  ['t.f32', gguf.f32(0.5)],
  ['t.bool', gguf.bool(true)],
  ['t.string', gguf.str('héllo ▁world')],
  ['t.u64', gguf.u64(2n ** 60n)],
  ['t.i64', { kind: 'int64', value: -5 }],
  ['t.f64', gguf.f64(1e-300)],
  ['t.strings', gguf.strings(['a', 'bb', ''])],
  ['t.f32s', gguf.f32s([1.5, -2])],
  ['t.i32s', gguf.i32s(new Int32Array(100).fill(7))],
  ['t.bools', { kind: 'array', itemKind: 'bool', values: [true, false] }],
];

describe('GGUF writer', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = makeTempDir()));
  afterEach(() => cleanup());

  it('round-trips every metadata value type through our reader and node-llama-cpp’s', async () => {
    const spec: GgufFileSpec = { metadata: EVERY_KIND, tensors: [{ name: 'w', dims: [64, 2], type: 'Q8_0' }] };
    const path = join(dir, 'kinds.gguf');
    await writeGgufFile(path, planGgufLayout(spec), zeros);
    const { metadata } = await readGgufInfo(path);
    expect(metadata).toMatchObject({
      't.u8': 200, 't.i8': -100, 't.u16': 60000, 't.i16': -30000, 't.u32': 4_000_000_000, 't.i32': -2_000_000_000,
      't.f32': 0.5, 't.bool': true, 't.string': 'héllo ▁world', 't.u64': 2n ** 60n, 't.i64': -5, 't.f64': 1e-300,
      't.strings': { arrayOf: 'string', length: 3, values: ['a', 'bb', ''] },
      't.f32s': { arrayOf: 'float32', length: 2, values: [1.5, -2] },
      't.i32s': { arrayOf: 'int32', length: 100 },
      't.bools': { arrayOf: 'bool', length: 2, values: [true, false] },
    });
    const theirs = await readGgufFileInfo(path, { logWarnings: false });
    const t = (theirs.metadata as unknown as { t: Record<string, unknown> }).t;
    expect(t).toMatchObject({ u8: 200, i16: -30000, string: 'héllo ▁world', strings: ['a', 'bb', ''], bools: [true, false] });
  });

  it('places each tensor on a 32-byte boundary, contiguous as gguf.cpp requires, and sizes the file exactly', async () => {
    const spec: GgufFileSpec = {
      metadata: [['general.alignment', gguf.u32(32)]],
      tensors: [
        { name: 'a', dims: [3], type: 'F32' }, // 12 bytes, padded to 32
        { name: 'b', dims: [256, 2], type: 'Q6_K' }, // 420 bytes, padded to 448
        { name: 'c', dims: [32], type: 'Q4_0' },
      ],
    };
    const layout = planGgufLayout(spec);
    expect(layout.tensors.map((t) => [t.offset, t.bytes])).toEqual([[0, 12], [32, 420], [480, 18]]);
    expect(layout.dataOffset % 32).toBe(0);
    const path = join(dir, 'layout.gguf');
    await writeGgufFile(path, layout, zeros);
    expect((await stat(path)).size).toBe(layout.fileBytes);
    expect(layout.fileBytes).toBe(layout.dataOffset + 512);
    expect((await readFile(path)).subarray(0, layout.header.length).equals(layout.header)).toBe(true);
  });

  it('refuses tensors that are not whole blocks, repeated names and short sources', async () => {
    expect(() => planGgufLayout({ metadata: [], tensors: [{ name: 'x', dims: [100, 2], type: 'Q4_K' }] })).toThrow(/not a multiple of Q4_K/);
    const twice = { name: 'x', dims: [4], type: 'F32' };
    expect(() => planGgufLayout({ metadata: [], tensors: [twice, twice] })).toThrow(/Duplicate tensor name x/);
    const layout = planGgufLayout({ metadata: [], tensors: [{ name: 'x', dims: [8], type: 'F32' }] });
    const short: TensorDataSource = function* () {
      yield new Uint8Array(4);
    };
    await expect(writeGgufFile(join(dir, 's.gguf'), layout, short)).rejects.toThrow(/x: source produced 4 bytes, expected 32/);
  });
});

describe('ggml types and fp16', () => {
  it('size tensors by whole blocks', () => {
    expect(ggmlTensorBytes(ggmlTypeByName('Q4_K'), [4096, 14336])).toBe((4096 / 256) * 144 * 14336);
    expect(ggmlTensorBytes(ggmlTypeByName('Q4_0'), [4096])).toBe(128 * 18);
    expect(ggmlTensorBytes(ggmlTypeByName('Q6_K'), [100])).toBeUndefined();
  });

  it('encode fp16 and bf16 with round-to-nearest and never produce Inf', () => {
    expect([1, -2, 0.5, 65504, 0].map(float32ToFloat16Bits)).toEqual([0x3c00, 0xc000, 0x3800, 0x7bff, 0]);
    expect(float32ToFloat16Bits(1e6)).toBe(0x7bff);
    expect(float32ToFloat16Bits(Number.POSITIVE_INFINITY)).toBe(0x7bff);
    expect(float32ToFloat16Bits(2 ** -24)).toBe(1); // smallest subnormal
    expect(float16BitsToNumber(float32ToFloat16Bits(0.01))).toBeCloseTo(0.01, 5);
    // Ties round to the even mantissa: 1 + 2^-11 → 1, 1 + 3·2^-11 → 1 + 2^-9.
    expect([float32ToFloat16Bits(1 + 2 ** -11), float32ToFloat16Bits(1 + 3 * 2 ** -11)]).toEqual([0x3c00, 0x3c02]);
    expect(float32ToBfloat16Bits(1)).toBe(0x3f80);
    expect(float32ToBfloat16Bits(-0.5)).toBe(0xbf00);
  });
});
