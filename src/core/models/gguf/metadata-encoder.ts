import { GgufValueType } from './constants';

/** Scalar metadata kinds a GGUF writer can emit (gguf.h `enum gguf_type`, minus ARRAY). */
export type GgufNumberKind =
  | 'uint8'
  | 'int8'
  | 'uint16'
  | 'int16'
  | 'uint32'
  | 'int32'
  | 'float32'
  | 'uint64'
  | 'int64'
  | 'float64';

/** One metadata value to write. 64-bit integers accept `bigint` for values beyond 2^53. */
export type GgufMetadataValue =
  | { kind: GgufNumberKind; value: number | bigint }
  | { kind: 'bool'; value: boolean }
  | { kind: 'string'; value: string }
  | { kind: 'array'; itemKind: GgufNumberKind; values: ArrayLike<number> }
  | { kind: 'array'; itemKind: 'bool'; values: readonly boolean[] }
  | { kind: 'array'; itemKind: 'string'; values: readonly string[] };

const KIND_TO_TYPE: Readonly<Record<GgufNumberKind | 'bool' | 'string', number>> = {
  uint8: GgufValueType.UINT8,
  int8: GgufValueType.INT8,
  uint16: GgufValueType.UINT16,
  int16: GgufValueType.INT16,
  uint32: GgufValueType.UINT32,
  int32: GgufValueType.INT32,
  float32: GgufValueType.FLOAT32,
  bool: GgufValueType.BOOL,
  string: GgufValueType.STRING,
  uint64: GgufValueType.UINT64,
  int64: GgufValueType.INT64,
  float64: GgufValueType.FLOAT64,
};

/** Shorthands for metadata values, e.g. `gguf.u32(4096)`, `gguf.strings(tokens)`. */
export const gguf = {
  u8: (value: number): GgufMetadataValue => ({ kind: 'uint8', value }),
  i32: (value: number): GgufMetadataValue => ({ kind: 'int32', value }),
  u32: (value: number): GgufMetadataValue => ({ kind: 'uint32', value }),
  u64: (value: number | bigint): GgufMetadataValue => ({ kind: 'uint64', value }),
  f32: (value: number): GgufMetadataValue => ({ kind: 'float32', value }),
  f64: (value: number): GgufMetadataValue => ({ kind: 'float64', value }),
  bool: (value: boolean): GgufMetadataValue => ({ kind: 'bool', value }),
  str: (value: string): GgufMetadataValue => ({ kind: 'string', value }),
  strings: (values: readonly string[]): GgufMetadataValue => ({ kind: 'array', itemKind: 'string', values }),
  f32s: (values: ArrayLike<number>): GgufMetadataValue => ({ kind: 'array', itemKind: 'float32', values }),
  i32s: (values: ArrayLike<number>): GgufMetadataValue => ({ kind: 'array', itemKind: 'int32', values }),
} as const;

/** A little-endian byte buffer that grows as values are appended. */
export class ByteSink {
  private buf = Buffer.alloc(64 * 1024);
  private length = 0;

  get size(): number {
    return this.length;
  }

  /** The bytes written so far (a copy, safe to keep). */
  toBuffer(): Buffer {
    return Buffer.from(this.buf.subarray(0, this.length));
  }

  /** Reserves `bytes` then writes them; the buffer is looked up after growing, never before. */
  private put(bytes: number, write: (buf: Buffer, at: number) => unknown): void {
    const at = this.reserve(bytes);
    write(this.buf, at);
  }

  private reserve(bytes: number): number {
    if (this.length + bytes > this.buf.length) {
      const next = Buffer.alloc(Math.max(this.buf.length * 2, this.length + bytes));
      this.buf.copy(next, 0, 0, this.length);
      this.buf = next;
    }
    const at = this.length;
    this.length += bytes;
    return at;
  }

  u32(value: number): void {
    this.put(4, (b, at) => b.writeUInt32LE(value, at));
  }

  u64(value: number | bigint): void {
    this.put(8, (b, at) => b.writeBigUInt64LE(BigInt(value), at));
  }

  bytes(data: Uint8Array): void {
    this.put(data.length, (b, at) => b.set(data, at));
  }

  /** A GGUF string: u64 byte length, then UTF-8 bytes without a terminator. */
  str(value: string): void {
    const byteLength = Buffer.byteLength(value, 'utf8');
    this.u64(byteLength);
    this.put(byteLength, (b, at) => b.write(value, at, 'utf8'));
  }

  /** One number in the given kind. */
  num(kind: GgufNumberKind, value: number | bigint): void {
    const n = Number(value);
    switch (kind) {
      case 'uint8': return void this.put(1, (b, at) => b.writeUInt8(n, at));
      case 'int8': return void this.put(1, (b, at) => b.writeInt8(n, at));
      case 'uint16': return void this.put(2, (b, at) => b.writeUInt16LE(n, at));
      case 'int16': return void this.put(2, (b, at) => b.writeInt16LE(n, at));
      case 'uint32': return void this.put(4, (b, at) => b.writeUInt32LE(n, at));
      case 'int32': return void this.put(4, (b, at) => b.writeInt32LE(n, at));
      case 'float32': return void this.put(4, (b, at) => b.writeFloatLE(n, at));
      case 'float64': return void this.put(8, (b, at) => b.writeDoubleLE(n, at));
      case 'uint64': return void this.put(8, (b, at) => b.writeBigUInt64LE(BigInt(value), at));
      case 'int64': return void this.put(8, (b, at) => b.writeBigInt64LE(BigInt(value), at));
    }
  }

  /** One metadata key/value pair: key string, u32 value type, value. */
  keyValue(key: string, value: GgufMetadataValue): void {
    this.str(key);
    if (value.kind !== 'array') {
      this.u32(KIND_TO_TYPE[value.kind]);
      this.scalar(value);
      return;
    }
    this.u32(GgufValueType.ARRAY);
    this.u32(KIND_TO_TYPE[value.itemKind]);
    this.u64(value.values.length);
    if (value.itemKind === 'string') for (const s of value.values) this.str(s);
    else if (value.itemKind === 'bool') for (const flag of value.values) this.put(1, (b, at) => b.writeUInt8(flag ? 1 : 0, at));
    else for (let i = 0; i < value.values.length; i++) this.num(value.itemKind, value.values[i] ?? 0);
  }

  private scalar(value: Exclude<GgufMetadataValue, { kind: 'array' }>): void {
    if (value.kind === 'string') this.str(value.value);
    else if (value.kind === 'bool') this.put(1, (b, at) => b.writeUInt8(value.value ? 1 : 0, at));
    else this.num(value.kind, value.value);
  }
}
