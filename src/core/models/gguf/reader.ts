import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { ggmlTensorBytes, ggmlTypeById } from '../ggml-types';
import { GGUF_DEFAULT_ALIGNMENT, GGUF_MAGIC, GgufValueType, SCALAR_BYTES } from './constants';
import { GgufError } from './errors';
import { EndOfFileError, FileCursor } from './file-cursor';
import { describeSignature } from './signature';
import { summarise } from './summary';
import type { GgufArraySummary, GgufInfo, GgufMetadataEntry, GgufTensorInfo } from './types';

export type { GgufInfo, GgufTensorInfo, GgufMetadataEntry, GgufArraySummary } from './types';

/** ggml's GGML_MAX_DIMS: a tensor info with more dimensions is corrupt. */
const MAX_DIMS = 4;
/** Array elements kept in `metadata` (longer arrays, like a 128k-token vocabulary, keep only their length). */
const KEPT_ARRAY_VALUES = 32;
/** Longest key or string value read; anything longer is corruption, not a model. */
const MAX_STRING_BYTES = 16 * 1024 * 1024;

class Malformed extends Error {}

async function readString(cursor: FileCursor): Promise<string> {
  await cursor.need(8);
  const length = cursor.u64();
  if (length > cursor.remaining) throw new EndOfFileError(cursor.position);
  if (length > MAX_STRING_BYTES) throw new Malformed(`a string of ${length} bytes at byte ${cursor.position}`);
  await cursor.need(length);
  return cursor.bytes(length).toString('utf8');
}

async function skipString(cursor: FileCursor): Promise<void> {
  await cursor.need(8);
  cursor.skip(cursor.u64());
}

async function readValue(cursor: FileCursor, type: number, depth: number): Promise<GgufMetadataEntry> {
  if (type === GgufValueType.STRING) return readString(cursor);
  if (type === GgufValueType.ARRAY) return readArray(cursor, depth);
  const size = SCALAR_BYTES[type];
  if (size === undefined) throw new Malformed(`unknown metadata value type ${type}`);
  await cursor.need(size);
  return cursor.scalar(type);
}

async function readArray(cursor: FileCursor, depth: number): Promise<GgufArraySummary> {
  if (depth > 4) throw new Malformed('arrays nested too deeply');
  await cursor.need(12);
  const itemType = cursor.u32();
  const length = cursor.u64();
  const itemName = Object.entries(GgufValueType).find(([, id]) => id === itemType)?.[0].toLowerCase();
  if (!itemName) throw new Malformed(`unknown array item type ${itemType}`);
  const size = SCALAR_BYTES[itemType];
  // Strings and arrays take at least their 8-byte length each.
  if (length * (size ?? 8) > cursor.remaining) throw new EndOfFileError(cursor.position);
  if (length > KEPT_ARRAY_VALUES && size !== undefined) {
    cursor.skip(length * size);
    return { arrayOf: itemName, length };
  }
  const values: GgufMetadataEntry[] = [];
  for (let i = 0; i < length; i++) {
    if (i >= KEPT_ARRAY_VALUES && itemType === GgufValueType.STRING) await skipString(cursor);
    else {
      const value = await readValue(cursor, itemType, depth + 1);
      if (i < KEPT_ARRAY_VALUES) values.push(value);
    }
  }
  return { arrayOf: itemName, length, values };
}

async function readTensorInfo(cursor: FileCursor, alignment: number): Promise<GgufTensorInfo> {
  const name = await readString(cursor);
  await cursor.need(4);
  const nDims = cursor.u32();
  if (nDims > MAX_DIMS) throw new Malformed(`tensor ${name} has ${nDims} dimensions`);
  await cursor.need(nDims * 8 + 12);
  const dims = Array.from({ length: nDims }, () => cursor.u64());
  const ggmlType = cursor.u32();
  const offset = cursor.u64();
  if (offset % alignment !== 0) throw new Malformed(`tensor ${name} is not aligned to ${alignment} bytes`);
  const type = ggmlTypeById(ggmlType);
  const bytes = type ? ggmlTensorBytes(type, dims) : undefined;
  if (type && bytes === undefined) throw new Malformed(`tensor ${name} rows are not whole ${type.name} blocks`);
  const elements = dims.reduce((n, d) => n * d, 1);
  return { name, dims, ggmlType, typeName: type?.name ?? `type ${ggmlType}`, offset, bytes: bytes ?? null, elements };
}

async function readHeader(cursor: FileCursor, fileName: string, filePath: string): Promise<number> {
  const head = Buffer.alloc(Math.min(64, cursor.fileBytes));
  await cursor.need(head.length);
  cursor.bytes(head.length).copy(head);
  cursor.position = 0;
  if (cursor.fileBytes === 0) throw new GgufError('NOT_GGUF', `${fileName} is not a GGUF model (the file is empty)`, filePath);
  if (!head.subarray(0, 4).equals(GGUF_MAGIC)) {
    if (cursor.fileBytes < 4 && GGUF_MAGIC.subarray(0, cursor.fileBytes).equals(head)) throw new EndOfFileError(0);
    const what = describeSignature(head);
    const detail = what ? `it starts with ${what}` : 'it does not start with the GGUF signature';
    throw new GgufError('NOT_GGUF', `${fileName} is not a GGUF model (${detail})`, filePath);
  }
  await cursor.need(8);
  cursor.skip(4);
  const version = cursor.u32();
  if (version === 2 || version === 3) return version;
  const reason =
    version === 1 ? 'GGUF version 1 from 2023, which llama.cpp no longer loads'
    : version > 0xffff ? 'a big-endian GGUF file, made for other hardware'
    : `GGUF version ${version}, newer than Rigmark reads (2 and 3)`;
  throw new GgufError('UNSUPPORTED_VERSION', `${fileName} cannot be read: it is ${reason}`, filePath);
}

async function readMetadata(cursor: FileCursor): Promise<{ tensorCount: number; metadata: Record<string, GgufMetadataEntry> }> {
  await cursor.need(16);
  const tensorCount = cursor.u64();
  const kvCount = cursor.u64();
  // Each tensor info and each key/value takes at least 8 + 4 bytes; larger counts cannot fit in the file.
  if ((tensorCount + kvCount) * 12 > cursor.remaining) throw new Malformed(`impossible counts ${tensorCount}/${kvCount}`);
  const metadata: Record<string, GgufMetadataEntry> = {};
  for (let i = 0; i < kvCount; i++) {
    const key = await readString(cursor);
    await cursor.need(4);
    metadata[key] = await readValue(cursor, cursor.u32(), 0);
  }
  return { tensorCount, metadata };
}

function alignmentOf(metadata: Record<string, GgufMetadataEntry>): number {
  const value = metadata['general.alignment'];
  if (value === undefined) return GGUF_DEFAULT_ALIGNMENT;
  if (typeof value !== 'number' || value <= 0 || value % 8 !== 0) throw new Malformed(`general.alignment ${String(value)}`);
  return value;
}

async function parse(cursor: FileCursor, path: string): Promise<GgufInfo> {
  const version = await readHeader(cursor, basename(path), path);
  const { tensorCount, metadata } = await readMetadata(cursor);
  const alignment = alignmentOf(metadata);
  const tensors: GgufTensorInfo[] = [];
  for (let i = 0; i < tensorCount; i++) tensors.push(await readTensorInfo(cursor, alignment));
  const dataOffset = Math.ceil(cursor.position / alignment) * alignment;
  return summarise({ path, fileBytes: cursor.fileBytes, version, alignment, dataOffset, metadata, tensors });
}

function formatBytes(bytes: number): string {
  return bytes >= 1e9 ? `${(bytes / 1e9).toFixed(2)} GB` : `${(bytes / 1e6).toFixed(1)} MB`;
}

/**
 * Reads a GGUF file's header, metadata and tensor infos — a few MB at most, never the tensor data — and checks
 * that the data those tensor infos describe fits in the file.
 * @param path Path to a `.gguf` file (a split model's first shard is read as a file on its own).
 * @throws GgufError `NOT_GGUF` (wrong signature, empty), `TRUNCATED` (ends inside the header, or before the last
 *   tensor's data ends), `UNSUPPORTED_VERSION` (version 1, big-endian, future), `MALFORMED` (impossible values).
 *   File system errors (ENOENT, EACCES) are thrown as Node raises them.
 */
export async function readGgufInfo(path: string): Promise<GgufInfo> {
  const fileName = basename(path);
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const info = await parse(new FileCursor(handle, size), path);
    const neededBytes = info.dataOffset + info.tensorDataBytes;
    if (neededBytes > size) {
      const message = `${fileName} is truncated: its tensors need ${formatBytes(neededBytes)} but the file holds ${formatBytes(size)} (an interrupted download or copy?)`;
      throw new GgufError('TRUNCATED', message, path);
    }
    return info;
  } catch (error) {
    if (error instanceof GgufError) throw error;
    if (error instanceof EndOfFileError) {
      const message = `${fileName} is truncated: it ends inside its GGUF header, at byte ${error.position} (an interrupted download or copy?)`;
      throw new GgufError('TRUNCATED', message, path);
    }
    if (error instanceof Malformed) throw new GgufError('MALFORMED', `${fileName} is a damaged GGUF file: ${error.message}`, path);
    throw error;
  } finally {
    await handle.close();
  }
}
