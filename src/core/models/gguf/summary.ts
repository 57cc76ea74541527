import { fileTypeLabel } from './file-types';
import type { GgufInfo, GgufMetadataEntry, GgufTensorInfo } from './types';

/** The parsed parts of a file before the well-known fields are picked out. */
export interface ParsedGguf {
  readonly path: string;
  readonly fileBytes: number;
  readonly version: number;
  readonly alignment: number;
  readonly dataOffset: number;
  readonly metadata: Record<string, GgufMetadataEntry>;
  readonly tensors: readonly GgufTensorInfo[];
}

function numberAt(metadata: Record<string, GgufMetadataEntry>, key: string): number | null {
  const value = metadata[key];
  return typeof value === 'number' ? value : null;
}

function stringAt(metadata: Record<string, GgufMetadataEntry>, key: string): string | null {
  const value = metadata[key];
  return typeof value === 'string' ? value : null;
}

/** The ggml type holding most bytes among 2-D+ tensors: the label of a file without `general.file_type`. */
function dominantType(tensors: readonly GgufTensorInfo[]): string | null {
  const bytesByType = new Map<string, number>();
  for (const t of tensors) {
    if (t.dims.length < 2) continue;
    bytesByType.set(t.typeName, (bytesByType.get(t.typeName) ?? 0) + (t.bytes ?? t.elements));
  }
  let best: string | null = null;
  let bestBytes = -1;
  for (const [type, bytes] of bytesByType) {
    if (bytes > bestBytes) [best, bestBytes] = [type, bytes];
  }
  return best;
}

function vocabSizeOf(metadata: Record<string, GgufMetadataEntry>, arch: string | null): number | null {
  const declared = arch ? numberAt(metadata, `${arch}.vocab_size`) : null;
  if (declared !== null) return declared;
  const tokens = metadata['tokenizer.ggml.tokens'];
  return typeof tokens === 'object' && tokens !== null && 'length' in tokens ? tokens.length : null;
}

/** Picks the well-known fields out of a parsed header (keys per ggml docs/gguf.md, `<arch>.` prefixed). */
export function summarise(parsed: ParsedGguf): GgufInfo {
  const { metadata, tensors } = parsed;
  const arch = stringAt(metadata, 'general.architecture');
  const archNumber = (suffix: string): number | null => (arch ? numberAt(metadata, `${arch}.${suffix}`) : null);
  const fileType = numberAt(metadata, 'general.file_type');
  const labelled = fileType === null ? undefined : fileTypeLabel(fileType);
  let tensorDataBytes = 0;
  for (const t of tensors) tensorDataBytes = Math.max(tensorDataBytes, t.offset + (t.bytes ?? 0));
  return {
    ...parsed,
    tensorDataBytes,
    architecture: arch,
    name: stringAt(metadata, 'general.name'),
    contextLength: archNumber('context_length'),
    embeddingLength: archNumber('embedding_length'),
    feedForwardLength: archNumber('feed_forward_length'),
    blockCount: archNumber('block_count'),
    headCount: archNumber('attention.head_count'),
    headCountKv: archNumber('attention.head_count_kv'),
    vocabSize: vocabSizeOf(metadata, arch),
    fileType,
    quantization: labelled ?? dominantType(tensors),
    parameterCount: tensors.reduce((n, t) => n + t.elements, 0),
    isSynthetic: metadata['rigmark.synthetic'] === true,
  };
}
