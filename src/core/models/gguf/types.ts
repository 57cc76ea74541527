/** A metadata value as read: 64-bit integers beyond 2^53 stay `bigint`. */
export type GgufMetadataScalar = number | bigint | boolean | string;

/** A metadata array: its item type and length, and its first values (all of them when short). */
export interface GgufArraySummary {
  readonly arrayOf: string;
  readonly length: number;
  /** Up to the first 32 values; absent for long numeric arrays (token scores, token types). */
  readonly values?: readonly GgufMetadataEntry[];
}

export type GgufMetadataEntry = GgufMetadataScalar | GgufArraySummary;

/** One tensor info. `dims` are innermost first, as GGUF stores them. */
export interface GgufTensorInfo {
  readonly name: string;
  readonly dims: readonly number[];
  /** ggml type id (ggml-types.ts). */
  readonly ggmlType: number;
  /** ggml type name (`'Q4_K'`), or `'type N'` for an id this build does not know. */
  readonly typeName: string;
  /** Offset of the tensor's data from the start of the data section, in bytes. */
  readonly offset: number;
  /** Bytes of data; `null` when the type is unknown. */
  readonly bytes: number | null;
  readonly elements: number;
}

/** What Rigmark knows about a GGUF file from its header alone. Lengths are counts; sizes are bytes. */
export interface GgufInfo {
  readonly path: string;
  readonly fileBytes: number;
  readonly version: number;
  readonly alignment: number;
  /** Absolute offset of the tensor data section. */
  readonly dataOffset: number;
  /** Bytes from `dataOffset` to the end of the last tensor's data. */
  readonly tensorDataBytes: number;
  readonly architecture: string | null;
  readonly name: string | null;
  readonly contextLength: number | null;
  readonly embeddingLength: number | null;
  readonly feedForwardLength: number | null;
  readonly blockCount: number | null;
  readonly headCount: number | null;
  readonly headCountKv: number | null;
  readonly vocabSize: number | null;
  /** `general.file_type` (llama.cpp `llama_ftype`), when present. */
  readonly fileType: number | null;
  /** Quantisation label: from `general.file_type` (`'Q4_K_M'`), else the type holding most bytes (`'Q4_K'`). */
  readonly quantization: string | null;
  readonly parameterCount: number;
  readonly tensors: readonly GgufTensorInfo[];
  readonly metadata: Readonly<Record<string, GgufMetadataEntry>>;
  /** True for files Rigmark generated (`rigmark.synthetic`). */
  readonly isSynthetic: boolean;
}
