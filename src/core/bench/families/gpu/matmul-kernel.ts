import { fromHalfBits, toHalfBits } from './half';

/**
 * The tiled GEMM of `gpu.matmul-fp32` / `gpu.matmul-fp16` (C = A·B, N×N, row-major) and its CPU-side check.
 * Pure: no Dawn import, so verification is unit-tested without a GPU.
 */

export type Precision = 'f32' | 'f16';

/** Output tile per workgroup (elements per side). N is a multiple of it. */
export const MATMUL_TILE = 64;
/** Depth of the K slice held in workgroup memory. */
export const MATMUL_TILE_K = 16;
/** Threads per workgroup side (16 × 16 = 256 threads). */
export const MATMUL_WORKGROUP = 16;
/** Outputs per thread per side (4 × 4 micro-tile, strided by the workgroup side). */
export const MATMUL_MICRO = 4;
/** Changes whenever the kernel changes; part of the identity. */
export const MATMUL_KERNEL_ID = 'tiled-64x64x16-wg16x16-micro4x4-v1';
/** Tile description for the identity. */
export const MATMUL_TILE_LABEL = '64x64 tile, k16, 16x16 threads, 4x4 per thread';

/** Bytes of workgroup memory the kernel declares (A slice padded by one column against bank conflicts). */
export function matmulWorkgroupBytes(precision: Precision): number {
  const elementBytes = precision === 'f16' ? 2 : 4;
  return (MATMUL_TILE_K * (MATMUL_TILE + 1) + MATMUL_TILE_K * MATMUL_TILE) * elementBytes;
}

/**
 * WGSL for one precision; the f16 variant is the same text with `enable f16;` and `f16` as element type, so the
 * f32 variant (which runs in tests on SwiftShader) vouches for the indexing of both. N is a pipeline-overridable
 * constant so the compiler can fold the address arithmetic.
 */
export function matmulShader(precision: Precision): string {
  const T = precision;
  const stride = MATMUL_TILE + 1;
  // The 4×4 micro-tile is unrolled here, in four named vec4 accumulators, rather than left to the driver: a
  // dynamically indexed private array may be kept in memory instead of registers on some compilers.
  const rows = [0, 1, 2, 3];
  return `${precision === 'f16' ? 'enable f16;\n' : ''}
override N: u32 = 64u;
const TILE: u32 = ${MATMUL_TILE}u;
const TK: u32 = ${MATMUL_TILE_K}u;
const WG: u32 = ${MATMUL_WORKGROUP}u;
const A_STRIDE: u32 = ${stride}u;

@group(0) @binding(0) var<storage, read> a: array<${T}>;
@group(0) @binding(1) var<storage, read> b: array<${T}>;
@group(0) @binding(2) var<storage, read_write> c: array<${T}>;

// tileA[k][row] (padded rows: consecutive k of one row land in different banks); tileB[k][col].
var<workgroup> tileA: array<${T}, ${MATMUL_TILE_K * stride}>;
var<workgroup> tileB: array<${T}, ${MATMUL_TILE_K * MATMUL_TILE}>;

@compute @workgroup_size(${MATMUL_WORKGROUP}, ${MATMUL_WORKGROUP}, 1)
fn main(@builtin(local_invocation_id) lid: vec3<u32>, @builtin(workgroup_id) wid: vec3<u32>) {
  let row0 = wid.y * TILE;
  let col0 = wid.x * TILE;
  let tid = lid.y * WG + lid.x;
  ${rows.map((i) => `var acc${i} = vec4<${T}>();`).join('\n  ')}
  for (var k0 = 0u; k0 < N; k0 = k0 + TK) {
    // 256 threads stage 64x16 of A and 16x64 of B, four elements each, reading global memory row by row.
    for (var i = 0u; i < 4u; i = i + 1u) {
      let e = tid + i * 256u;
      let ar = e / TK;
      let ak = e % TK;
      tileA[ak * A_STRIDE + ar] = a[(row0 + ar) * N + k0 + ak];
      let bk = e / TILE;
      let bc = e % TILE;
      tileB[bk * TILE + bc] = b[(k0 + bk) * N + col0 + bc];
    }
    workgroupBarrier();
    for (var k = 0u; k < TK; k = k + 1u) {
      let bv = vec4<${T}>(${rows.map((j) => `tileB[k * TILE + lid.x + ${j}u * WG]`).join(', ')});
      ${rows.map((i) => `acc${i} = fma(vec4<${T}>(tileA[k * A_STRIDE + lid.y + ${i}u * WG]), bv, acc${i});`).join('\n      ')}
    }
    workgroupBarrier();
  }
  // Strided micro-tile: neighbouring threads write neighbouring columns.
  ${rows
    .map((i) => {
      const base = `(row0 + lid.y + ${i}u * WG) * N + col0 + lid.x`;
      return rows.map((j) => `c[${base} + ${j}u * WG] = acc${i}.${'xyzw'[j]};`).join('\n  ');
    })
    .join('\n  ')}
}
`;
}

/** A 32-bit integer hash (murmur3 finaliser) of index and seed: cheap, deterministic, well mixed. */
export function hash32(index: number, seed: number): number {
  let h = (index ^ Math.imul(seed, 0x27d4eb2d)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Deterministic input element: multiples of 1/8 in [-1, 1], exact in f16 and f32, mean ~0. */
export function inputValue(index: number, seed: number): number {
  return (hash32(index, seed) % 17) / 8 - 1;
}

/** A and B as the GPU receives them (f32 words or f16 bits) and as the reference reads them (numbers). */
export interface MatmulInputs {
  aValues: Float64Array;
  bValues: Float64Array;
  aBytes: ArrayBuffer;
  bBytes: ArrayBuffer;
}

export function makeMatmulInputs(n: number, precision: Precision): MatmulInputs {
  const make = (seed: number): { values: Float64Array; bytes: ArrayBuffer } => {
    const values = new Float64Array(n * n);
    for (let i = 0; i < values.length; i++) values[i] = inputValue(i, seed);
    const bytes = precision === 'f16' ? Uint16Array.from(values, toHalfBits).buffer : Float32Array.from(values).buffer;
    return { values, bytes };
  };
  const a = make(1);
  const b = make(2);
  return { aValues: a.values, bValues: b.values, aBytes: a.bytes, bBytes: b.bytes };
}

/** Decodes read-back C into numbers. */
export function decodeOutput(bytes: ArrayBuffer, precision: Precision): Float64Array {
  return precision === 'f16' ? Float64Array.from(new Uint16Array(bytes), fromHalfBits) : Float64Array.from(new Float32Array(bytes));
}

/**
 * Relative tolerance against Σ|a·b| per output. f32 sums of these inputs are exact, so 1e-5 only absorbs an
 * implementation's rounding; f16 accumulates in f16 (11-bit mantissa), whose rounding error grows with N.
 */
export const MATMUL_RTOL: Record<Precision, number> = { f32: 1e-5, f16: 1e-2 };

/** Output positions to check: all of them up to 256×256, else 4096 seeded positions plus the four corners. */
export function samplePositions(n: number): number[] {
  if (n <= 256) return Array.from({ length: n * n }, (_, i) => i);
  const positions = [0, n - 1, n * (n - 1), n * n - 1];
  for (let i = 0; i < 4096; i++) positions.push(hash32(i, 7) % (n * n));
  return positions;
}

/**
 * Compares sampled outputs of C with a float64 CPU reference.
 * @throws Error 'result verification failed: …' naming the first wrong element and how many were wrong.
 */
export function verifyMatmul(inputs: Pick<MatmulInputs, 'aValues' | 'bValues'>, c: Float64Array, n: number, precision: Precision): void {
  const rtol = MATMUL_RTOL[precision];
  let wrong = 0;
  let first = '';
  const positions = samplePositions(n);
  for (const p of positions) {
    const row = Math.floor(p / n);
    const col = p % n;
    let sum = 0;
    let magnitude = 0;
    for (let k = 0; k < n; k++) {
      const product = inputs.aValues[row * n + k]! * inputs.bValues[k * n + col]!;
      sum += product;
      magnitude += Math.abs(product);
    }
    const got = c[p]!;
    const allowed = rtol * magnitude + 1e-6;
    if (!(Math.abs(got - sum) <= allowed)) {
      wrong += 1;
      if (first === '') first = `C[${row}][${col}] = ${got}, expected ${sum} ± ${allowed.toPrecision(3)}`;
    }
  }
  if (wrong > 0) throw new Error(`result verification failed: ${first} (${wrong} of ${positions.length} checked elements wrong)`);
}
