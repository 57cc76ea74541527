/**
 * ggml tensor types as they appear in GGUF tensor infos: numeric id, name, elements per block and bytes per
 * block. Ids and sizes follow ggml's `enum ggml_type` and `type_traits` table (ggml/src/ggml.c, block structs in
 * ggml/src/ggml-common.h). The synthetic writer only produces the types in {@link WRITABLE_GGML_TYPES}; the reader
 * knows every type so it can size the data section of any file a user points at.
 */

/** One ggml tensor type. `blockSize` elements are stored in `typeSize` bytes. */
export interface GgmlTypeInfo {
  readonly id: number;
  readonly name: string;
  readonly blockSize: number;
  readonly typeSize: number;
}

const QK_K = 256;

// [id, name, elements per block, bytes per block]. Ids 4, 5 (Q4_2, Q4_3) and 31-33, 36-38 (repacked layouts) were
// removed from ggml and never appear in current files.
const TABLE: readonly (readonly [number, string, number, number])[] = [
  [0, 'F32', 1, 4],
  [1, 'F16', 1, 2],
  [2, 'Q4_0', 32, 2 + 16], // d f16, 32 × 4-bit
  [3, 'Q4_1', 32, 2 + 2 + 16], // d, m f16, 32 × 4-bit
  [6, 'Q5_0', 32, 2 + 4 + 16], // d f16, qh[4], qs[16]
  [7, 'Q5_1', 32, 2 + 2 + 4 + 16], // d, m, qh[4], qs[16]
  [8, 'Q8_0', 32, 2 + 32], // d f16, 32 × int8
  [9, 'Q8_1', 32, 4 + 32], // d, s f16, 32 × int8
  [10, 'Q2_K', QK_K, 16 + 64 + 2 + 2], // scales[16], qs[64], d, dmin
  [11, 'Q3_K', QK_K, 32 + 64 + 12 + 2], // hmask[32], qs[64], scales[12], d
  [12, 'Q4_K', QK_K, 2 + 2 + 12 + 128], // d, dmin, scales[12], qs[128]
  [13, 'Q5_K', QK_K, 2 + 2 + 12 + 32 + 128], // d, dmin, scales[12], qh[32], qs[128]
  [14, 'Q6_K', QK_K, 128 + 64 + 16 + 2], // ql[128], qh[64], scales[16] int8, d
  [15, 'Q8_K', QK_K, 4 + 256 + 32], // d f32, qs[256], bsums[16] int16
  [16, 'IQ2_XXS', QK_K, 2 + 64],
  [17, 'IQ2_XS', QK_K, 2 + 64 + 8],
  [18, 'IQ3_XXS', QK_K, 2 + 96],
  [19, 'IQ1_S', QK_K, 2 + 32 + 16],
  [20, 'IQ4_NL', 32, 2 + 16],
  [21, 'IQ3_S', QK_K, 2 + 64 + 32 + 8 + 4],
  [22, 'IQ2_S', QK_K, 2 + 64 + 8 + 8],
  [23, 'IQ4_XS', QK_K, 2 + 2 + 4 + 128],
  [24, 'I8', 1, 1],
  [25, 'I16', 1, 2],
  [26, 'I32', 1, 4],
  [27, 'I64', 1, 8],
  [28, 'F64', 1, 8],
  [29, 'IQ1_M', QK_K, 32 + 16 + 8],
  [30, 'BF16', 1, 2],
  [34, 'TQ1_0', QK_K, 48 + 4 + 2],
  [35, 'TQ2_0', QK_K, 64 + 2],
  [39, 'MXFP4', 32, 1 + 16], // e8m0 scale, 32 × 4-bit
];

const BY_ID = new Map<number, GgmlTypeInfo>(
  TABLE.map(([id, name, blockSize, typeSize]) => [id, { id, name, blockSize, typeSize }]),
);
const BY_NAME = new Map<string, GgmlTypeInfo>([...BY_ID.values()].map((t) => [t.name, t]));

/** Types the synthetic writer can fill with valid, finite blocks. */
export const WRITABLE_GGML_TYPES = [
  'F32',
  'F16',
  'BF16',
  'Q4_0',
  'Q4_1',
  'Q5_0',
  'Q5_1',
  'Q8_0',
  'Q2_K',
  'Q3_K',
  'Q4_K',
  'Q5_K',
  'Q6_K',
] as const;
export type WritableGgmlTypeName = (typeof WRITABLE_GGML_TYPES)[number];

/** Looks a type up by its GGUF id; `undefined` for ids ggml does not (or no longer) define. */
export function ggmlTypeById(id: number): GgmlTypeInfo | undefined {
  return BY_ID.get(id);
}

/** Looks a type up by name (`'Q4_K'`). Throws for a name not in the table — a programming error. */
export function ggmlTypeByName(name: string): GgmlTypeInfo {
  const info = BY_NAME.get(name);
  if (!info) throw new Error(`Unknown ggml type ${name}`);
  return info;
}

/** Every type in the table, ordered by id. */
export function allGgmlTypes(): GgmlTypeInfo[] {
  return [...BY_ID.values()];
}

/**
 * Bytes a tensor of `dims` (ne0 first, as GGUF stores them) occupies in `type`. Returns `undefined` when the row
 * length is not a whole number of blocks — ggml cannot store such a tensor.
 */
export function ggmlTensorBytes(type: GgmlTypeInfo, dims: readonly number[]): number | undefined {
  const [ne0 = 1, ...rest] = dims;
  if (ne0 % type.blockSize !== 0) return undefined;
  const rows = rest.reduce((n, d) => n * d, 1);
  return (ne0 / type.blockSize) * type.typeSize * rows;
}
