/**
 * GGUF container constants (ggml `docs/gguf.md` and `ggml/include/gguf.h`): the file starts with the bytes "GGUF",
 * a u32 version, u64 tensor and metadata counts (u32 in version 1), then metadata key/values, tensor infos, padding
 * to `general.alignment` (default 32) and the tensor data.
 */

/** The four magic bytes every GGUF file starts with. */
export const GGUF_MAGIC = Buffer.from('GGUF', 'latin1');

/** The version this writer produces; the reader accepts 2 and 3 (identical little-endian layout). */
export const GGUF_VERSION = 3;

/** Default tensor data alignment when `general.alignment` is absent (gguf.h `GGUF_DEFAULT_ALIGNMENT`). */
export const GGUF_DEFAULT_ALIGNMENT = 32;

/** Metadata value types, numbered as in gguf.h `enum gguf_type`. */
export const GgufValueType = {
  UINT8: 0,
  INT8: 1,
  UINT16: 2,
  INT16: 3,
  UINT32: 4,
  INT32: 5,
  FLOAT32: 6,
  BOOL: 7,
  STRING: 8,
  ARRAY: 9,
  UINT64: 10,
  INT64: 11,
  FLOAT64: 12,
} as const;
export type GgufValueTypeId = (typeof GgufValueType)[keyof typeof GgufValueType];

/** Byte width of each fixed-size scalar value type. */
export const SCALAR_BYTES: Readonly<Record<number, number>> = {
  [GgufValueType.UINT8]: 1,
  [GgufValueType.INT8]: 1,
  [GgufValueType.UINT16]: 2,
  [GgufValueType.INT16]: 2,
  [GgufValueType.UINT32]: 4,
  [GgufValueType.INT32]: 4,
  [GgufValueType.FLOAT32]: 4,
  [GgufValueType.BOOL]: 1,
  [GgufValueType.UINT64]: 8,
  [GgufValueType.INT64]: 8,
  [GgufValueType.FLOAT64]: 8,
};

/** Rounds `offset` up to the next multiple of `alignment`. */
export function alignUp(offset: number, alignment: number): number {
  return Math.ceil(offset / alignment) * alignment;
}
