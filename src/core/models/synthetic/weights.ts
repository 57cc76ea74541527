import { WRITABLE_GGML_TYPES, ggmlTypeByName } from '../ggml-types';
import type { WritableGgmlTypeName } from '../ggml-types';
import { float32ToBfloat16Bits, float32ToFloat16Bits } from '../gguf/float16';
import type { PlannedTensor, TensorDataSource } from '../gguf/writer';

/**
 * Deterministic weight bytes for synthetic models.
 *
 * llama.cpp's work per token depends on tensor shapes and types, not on the values (docs/METHOD.md "Models without
 * downloads"), so instead of drawing every byte of a multi-GB file from the PRNG we draw one ~2 MiB pattern of valid
 * blocks per (type, role) and write it repeatedly, each tensor starting at a seed- and name-derived block offset.
 * Every block has a small finite fp16 scale, so no kernel meets Inf/NaN; magnitudes are chosen so that weights have
 * a standard deviation of roughly 0.03 and activations stay far from fp16 overflow through 32 layers.
 */

/** splitmix32: a Weyl sequence through the MurmurHash3 finaliser; tiny, fast and good enough for filler data. */
export class SplitMix32 {
  private state: number;

  constructor(seed: number) {
    this.state = seed | 0;
  }

  /** Next uniformly distributed unsigned 32-bit integer. */
  next(): number {
    this.state = (this.state + 0x9e3779b9) | 0;
    let z = this.state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  }

  /** Uniform in [min, max). */
  uniform(min: number, max: number): number {
    return min + (this.next() / 2 ** 32) * (max - min);
  }
}

/** FNV-1a over a string: mixes tensor names into per-tensor seeds. */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** 1-D tensors are norms (multiplied into every activation, so kept near 1); everything else is a weight matrix. */
type Role = 'norm' | 'weight';

function randomBytes(buf: Buffer, from: number, to: number, rng: SplitMix32): void {
  for (let i = from; i < to; i++) buf[i] = rng.next() & 0xff;
}

function half(buf: Buffer, at: number, value: number): void {
  buf.writeUInt16LE(float32ToFloat16Bits(value), at);
}

/** Fills one block at `at`. Scale ranges keep |w| ≲ 0.2 for every type; the byte layouts are ggml-common.h's. */
function fillBlock(type: WritableGgmlTypeName, role: Role, buf: Buffer, at: number, rng: SplitMix32): void {
  switch (type) {
    case 'F32': return void buf.writeFloatLE(role === 'norm' ? rng.uniform(0.8, 1.2) : rng.uniform(-0.05, 0.05), at);
    case 'F16': return half(buf, at, role === 'norm' ? rng.uniform(0.8, 1.2) : rng.uniform(-0.05, 0.05));
    case 'BF16': {
      const value = role === 'norm' ? rng.uniform(0.8, 1.2) : rng.uniform(-0.05, 0.05);
      return void buf.writeUInt16LE(float32ToBfloat16Bits(value), at);
    }
    case 'Q4_0': half(buf, at, rng.uniform(0.004, 0.012)); return randomBytes(buf, at + 2, at + 18, rng);
    case 'Q4_1': {
      const d = rng.uniform(0.004, 0.012);
      half(buf, at, d);
      half(buf, at + 2, -8 * d); // min centres the 0..15 quants on zero
      return randomBytes(buf, at + 4, at + 20, rng);
    }
    case 'Q5_0': half(buf, at, rng.uniform(0.002, 0.006)); return randomBytes(buf, at + 2, at + 22, rng);
    case 'Q5_1': {
      const d = rng.uniform(0.002, 0.006);
      half(buf, at, d);
      half(buf, at + 2, -16 * d);
      return randomBytes(buf, at + 4, at + 24, rng);
    }
    case 'Q8_0': half(buf, at, rng.uniform(0.0003, 0.0008)); return randomBytes(buf, at + 2, at + 34, rng);
    case 'Q2_K': // scales[16] (4-bit scale | 4-bit min), qs[64], d, dmin
      randomBytes(buf, at, at + 80, rng);
      half(buf, at + 80, rng.uniform(0.001, 0.003));
      return half(buf, at + 82, rng.uniform(0.001, 0.003));
    case 'Q3_K': // hmask[32], qs[64], scales[12] (6-bit, offset 32), d
      randomBytes(buf, at, at + 108, rng);
      return half(buf, at + 108, rng.uniform(0.0005, 0.001));
    case 'Q4_K': // d, dmin, scales[12] (6-bit scales and mins), qs[128]
    case 'Q5_K': // d, dmin, scales[12], qh[32], qs[128]
      half(buf, at, rng.uniform(0.0001, 0.0002));
      half(buf, at + 2, rng.uniform(0.0001, 0.0002));
      return randomBytes(buf, at + 4, at + ggmlTypeByName(type).typeSize, rng);
    case 'Q6_K': // ql[128], qh[64], scales[16] int8, d
      randomBytes(buf, at, at + 192, rng);
      for (let i = 0; i < 16; i++) buf.writeInt8((rng.next() & 63) - 32, at + 192 + i);
      return half(buf, at + 208, rng.uniform(0.0001, 0.0002));
  }
}

/** Target pattern length; each pattern is stored twice back to back so any start offset yields one contiguous slice. */
const PATTERN_TARGET_BYTES = 2 * 1024 * 1024;

interface Pattern {
  readonly doubled: Buffer;
  readonly bytes: number;
  readonly blockBytes: number;
}

function makePattern(type: WritableGgmlTypeName, role: Role, seed: number): Pattern {
  const blockBytes = ggmlTypeByName(type).typeSize;
  const blocks = Math.floor(PATTERN_TARGET_BYTES / blockBytes);
  const bytes = blocks * blockBytes;
  const doubled = Buffer.alloc(bytes * 2);
  const rng = new SplitMix32(seed ^ fnv1a32(`${type}:${role}`));
  for (let b = 0; b < blocks; b++) fillBlock(type, role, doubled, b * blockBytes, rng);
  doubled.copy(doubled, bytes, 0, bytes);
  return { doubled, bytes, blockBytes };
}

function isWritable(name: string): name is WritableGgmlTypeName {
  return (WRITABLE_GGML_TYPES as readonly string[]).includes(name);
}

/**
 * A {@link TensorDataSource} yielding deterministic valid blocks for every writable type: same seed and tensor
 * list → same bytes. Chunks are views into shared pattern buffers (at most ~4 MiB each); consume before the next.
 * @throws Error for a tensor whose type the generator cannot fill.
 */
export function syntheticWeights(seed: number): TensorDataSource {
  const patterns = new Map<string, Pattern>();
  const patternFor = (type: WritableGgmlTypeName, role: Role): Pattern => {
    const key = `${type}:${role}`;
    let pattern = patterns.get(key);
    if (!pattern) {
      pattern = makePattern(type, role, seed);
      patterns.set(key, pattern);
    }
    return pattern;
  };
  return function* weights(tensor: PlannedTensor): Iterable<Uint8Array> {
    const typeName = tensor.type.name;
    if (!isWritable(typeName)) throw new Error(`Cannot generate ${typeName} data for ${tensor.spec.name}`);
    const role: Role = tensor.spec.dims.length === 1 ? 'norm' : 'weight';
    const pattern = patternFor(typeName, role);
    const patternBlocks = pattern.bytes / pattern.blockBytes;
    let start = (new SplitMix32(seed ^ fnv1a32(tensor.spec.name)).next() % patternBlocks) * pattern.blockBytes;
    let remaining = tensor.bytes;
    while (remaining > 0) {
      const length = Math.min(remaining, pattern.bytes);
      yield pattern.doubled.subarray(start, start + length);
      remaining -= length;
      start = (start + length) % pattern.bytes;
    }
  };
}
