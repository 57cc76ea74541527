import { open } from 'node:fs/promises';
import { ggmlTensorBytes, ggmlTypeByName } from '../ggml-types';
import type { GgmlTypeInfo } from '../ggml-types';
import { GGUF_DEFAULT_ALIGNMENT, GGUF_MAGIC, GGUF_VERSION, alignUp } from './constants';
import { ByteSink } from './metadata-encoder';
import type { GgufMetadataValue } from './metadata-encoder';

/** A tensor to write: GGUF dims are innermost first (`[n_embd, n_vocab]` for `token_embd.weight`). */
export interface GgufTensorSpec {
  readonly name: string;
  readonly dims: readonly number[];
  /** ggml type name, e.g. `'Q4_K'`. */
  readonly type: string;
}

/** Everything that decides a GGUF file's bytes apart from the tensor data. */
export interface GgufFileSpec {
  readonly metadata: readonly (readonly [string, GgufMetadataValue])[];
  readonly tensors: readonly GgufTensorSpec[];
}

/** A tensor placed in the data section. `offset` is relative to the data section start, as GGUF stores it. */
export interface PlannedTensor {
  readonly spec: GgufTensorSpec;
  readonly type: GgmlTypeInfo;
  readonly offset: number;
  readonly bytes: number;
}

/** The byte layout of a GGUF file before any tensor data is produced. */
export interface GgufLayout {
  /** Magic, version, counts, metadata and tensor infos, padded to the data section start. */
  readonly header: Buffer;
  /** Absolute file offset where tensor data begins (a multiple of `alignment`). */
  readonly dataOffset: number;
  readonly alignment: number;
  readonly tensors: readonly PlannedTensor[];
  /** Exact size of the finished file in bytes. */
  readonly fileBytes: number;
}

/** Produces a tensor's data as chunks whose lengths sum to `tensor.bytes`. */
export type TensorDataSource = (tensor: PlannedTensor, index: number) => Iterable<Uint8Array>;

/** Options for {@link writeGgufFile}. */
export interface WriteGgufOptions {
  /** Called after each chunk with bytes written so far and the file's total bytes. */
  onBytes?(writtenBytes: number, totalBytes: number): void;
  /** Aborts between chunks; the partial file is left for the caller to remove. */
  signal?: AbortSignal;
  /** fsync before closing, so a rename that follows publishes complete data even after a power cut. */
  shouldSync?: boolean;
}

function alignmentOf(spec: GgufFileSpec): number {
  const entry = spec.metadata.find(([key]) => key === 'general.alignment');
  if (!entry) return GGUF_DEFAULT_ALIGNMENT;
  const value = entry[1];
  if (value.kind !== 'uint32' || Number(value.value) <= 0 || Number(value.value) % 8 !== 0) {
    throw new Error('general.alignment must be a uint32 multiple of 8');
  }
  return Number(value.value);
}

/**
 * Computes a GGUF v3 file's header bytes and tensor placement. Each tensor starts on an `alignment` boundary and
 * is followed by zero padding to the next one, as ggml's own gguf writer does.
 * @throws Error when a tensor's row length is not a whole number of its type's blocks, or names repeat.
 */
export function planGgufLayout(spec: GgufFileSpec): GgufLayout {
  const alignment = alignmentOf(spec);
  const names = new Set<string>();
  let offset = 0;
  const tensors: PlannedTensor[] = spec.tensors.map((tensor) => {
    if (names.has(tensor.name)) throw new Error(`Duplicate tensor name ${tensor.name}`);
    names.add(tensor.name);
    const type = ggmlTypeByName(tensor.type);
    const bytes = ggmlTensorBytes(type, tensor.dims);
    if (bytes === undefined) {
      throw new Error(`${tensor.name}: row length ${tensor.dims[0]} is not a multiple of ${type.name}'s block of ${type.blockSize}`);
    }
    const planned = { spec: tensor, type, offset, bytes };
    offset = alignUp(offset + bytes, alignment);
    return planned;
  });
  const sink = new ByteSink();
  sink.bytes(GGUF_MAGIC);
  sink.u32(GGUF_VERSION);
  sink.u64(tensors.length);
  sink.u64(spec.metadata.length);
  for (const [key, value] of spec.metadata) sink.keyValue(key, value);
  for (const t of tensors) {
    sink.str(t.spec.name);
    sink.u32(t.spec.dims.length);
    for (const d of t.spec.dims) sink.u64(d);
    sink.u32(t.type.id);
    sink.u64(t.offset);
  }
  const dataOffset = alignUp(sink.size, alignment);
  sink.bytes(new Uint8Array(dataOffset - sink.size));
  return { header: sink.toBuffer(), dataOffset, alignment, tensors, fileBytes: dataOffset + offset };
}

/**
 * Streams a GGUF file to `path` (created or truncated): the header, then each tensor's data from `source`, padded
 * to the alignment. Memory stays at the size of the chunks the source yields.
 * @throws Error when a source yields more or fewer bytes than its tensor needs; the signal's reason on abort;
 *   file system errors (ENOSPC, EACCES) as thrown by Node.
 */
export async function writeGgufFile(
  path: string,
  layout: GgufLayout,
  source: TensorDataSource,
  options: WriteGgufOptions = {},
): Promise<void> {
  const { onBytes, signal, shouldSync = false } = options;
  const handle = await open(path, 'w');
  try {
    let written = 0;
    const put = async (chunk: Uint8Array): Promise<void> => {
      signal?.throwIfAborted();
      let done = 0;
      while (done < chunk.length) {
        const { bytesWritten } = await handle.write(chunk, done, chunk.length - done);
        done += bytesWritten;
      }
      written += chunk.length;
      onBytes?.(written, layout.fileBytes);
    };
    await put(layout.header);
    for (const [index, tensor] of layout.tensors.entries()) {
      let tensorBytes = 0;
      for (const chunk of source(tensor, index)) {
        tensorBytes += chunk.length;
        if (tensorBytes > tensor.bytes) break;
        await put(chunk);
      }
      if (tensorBytes !== tensor.bytes) {
        throw new Error(`${tensor.spec.name}: source produced ${tensorBytes} bytes, expected ${tensor.bytes}`);
      }
      const padding = alignUp(tensor.bytes, layout.alignment) - tensor.bytes;
      if (padding > 0) await put(new Uint8Array(padding));
    }
    if (written !== layout.fileBytes) throw new Error(`Wrote ${written} bytes, planned ${layout.fileBytes}`);
    if (shouldSync) await handle.sync();
  } finally {
    await handle.close();
  }
}
