import type { GgufInfo } from '../../../models/gguf/reader';

/** The model facts that enter a result's identity. */
export interface ModelFacts {
  /** Shape key the reference dataset uses (`'llama-3-8b'`), or one derived from the file's metadata. */
  modelKey: string;
  /** llama-quantize label (`'Q4_K_M'`), or the dominant tensor type. */
  quant: string;
  paramsCount: number;
  modelBytes: number;
  architecture: string;
  vocabSize: number;
  layerCount: number | null;
}

interface KnownShape {
  key: string;
  vocab: number;
  embd: number;
  layers: number;
  headsKv: number;
  ff: number;
}

/** Shapes of the published reference models (docs/METHOD.md "Facts for the synthetic shapes"). */
const KNOWN_SHAPES: readonly KnownShape[] = [
  { key: 'llama-2-7b', vocab: 32000, embd: 4096, layers: 32, headsKv: 32, ff: 11008 },
  { key: 'llama-3-8b', vocab: 128256, embd: 4096, layers: 32, headsKv: 8, ff: 14336 },
  { key: 'llama-3.2-1b', vocab: 128256, embd: 2048, layers: 16, headsKv: 8, ff: 8192 },
];

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function metadataString(info: GgufInfo, key: string): string | null {
  const value = info.metadata[key];
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/**
 * The model key: a known reference shape when the file has exactly that shape (a user's own Llama 3 8B then
 * joins the published figures), else a synthetic file's manifest name without its quantisation (`tiny`), else
 * the file's own name and size label (`general.basename` + `size_label`).
 */
export function modelKeyOf(info: GgufInfo, fallback: string): string {
  const known = KNOWN_SHAPES.find(
    (s) =>
      info.architecture === 'llama' &&
      info.vocabSize === s.vocab &&
      info.embeddingLength === s.embd &&
      info.blockCount === s.layers &&
      (info.headCountKv ?? info.headCount) === s.headsKv &&
      info.feedForwardLength === s.ff,
  );
  if (known) return known.key;
  // Synthetic files carry their manifest name (`llama-3-8b-q4_k_m`); the quantisation is a key of its own.
  const manifest = info.isSynthetic ? metadataString(info, 'rigmark.manifest') : null;
  if (manifest) return manifest.replace(/-(q\d\w*|i?q\d\w*|f16|bf16|f32)$/i, '');
  const base = metadataString(info, 'general.basename') ?? info.name;
  const size = metadataString(info, 'general.size_label');
  const named = [base, size && !(base ?? '').toLowerCase().includes(size.toLowerCase()) ? size : null]
    .filter((p): p is string => p !== null)
    .join('-');
  return slug(named) || slug(fallback);
}

/**
 * Model facts from a GGUF header.
 * @throws Error when the file lacks what a benchmark needs (architecture, vocabulary): llama.cpp would abort on it.
 */
export function modelFactsOf(info: GgufInfo, fallbackKey: string): ModelFacts {
  if (!info.architecture) throw new Error(`${info.path}: GGUF file has no general.architecture`);
  if (!info.vocabSize || info.vocabSize <= 0) throw new Error(`${info.path}: GGUF file has no vocabulary (tokenizer.ggml.tokens)`);
  return {
    modelKey: modelKeyOf(info, fallbackKey),
    quant: info.quantization ?? 'unknown',
    paramsCount: info.parameterCount,
    modelBytes: info.fileBytes,
    architecture: info.architecture,
    vocabSize: info.vocabSize,
    layerCount: info.blockCount,
  };
}
