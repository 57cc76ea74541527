/**
 * Model and quantisation names, normalised so a figure's "Meta Llama 3 8B Q4_K_M (GGUF)" and a local
 * "llama-3-8b" / Ollama "llama3:8b"-style tag meet on one key. Families that write result identities use these
 * helpers too, so both sides normalise the same way.
 */

/** Token edges: letters and digits continue a token, anything else (`_`, `-`, `.`, space) ends it. */
const START = '(?<![A-Za-z0-9])';
const END = '(?![A-Za-z0-9])';

function quantPattern(body: string): RegExp {
  return new RegExp(`${START}(?:${body})${END}`, 'i');
}

/** Quantisation spellings → the GGUF-style name Rigmark stores. Order matters: longer names first. */
const QUANT_PATTERNS: ReadonlyArray<readonly [RegExp, string]> = [
  [quantPattern('Q4_K_M|q4km'), 'Q4_K_M'],
  [quantPattern('Q4_K_S'), 'Q4_K_S'],
  [quantPattern('Q5_K_M'), 'Q5_K_M'],
  [quantPattern('Q6_K'), 'Q6_K'],
  [quantPattern('Q4_0'), 'Q4_0'],
  [quantPattern('Q8_0'), 'Q8_0'],
  [quantPattern('MXFP4'), 'MXFP4'],
  [quantPattern('W8A8'), 'W8A8'],
  [quantPattern('AWQ'), 'AWQ'],
  [quantPattern('FP8'), 'FP8'],
  [quantPattern('BF16'), 'BF16'],
  [quantPattern('F16|FP16'), 'F16'],
  [quantPattern('F32|FP32'), 'F32'],
];

const QUANT_TOKENS = new RegExp(
  `${START}(?:Q\\d_K_[SML]|Q\\d_K|Q\\d_\\d|q\\dkm|MXFP4|W8A8|AWQ|FP8|BF16|FP16|F16|F32|GGUF)${END}`,
  'gi',
);

/** The quantisation named in a text (model name, file name, benchmark id), or null when none is named. */
export function normaliseQuant(text: string): string | null {
  for (const [pattern, name] of QUANT_PATTERNS) {
    if (pattern.test(text)) return name;
  }
  return null;
}

/**
 * A model name → key: org prefix, parentheticals, quantisation and `.gguf` dropped; lower case; separators
 * as `-`. "Qwen/Qwen3-4B" → "qwen3-4b", "gpt-oss:20b" → "gpt-oss-20b", "Llama 2 7B Q4_0" → "llama-2-7b".
 * Returns null for an empty or placeholder name ("-").
 */
export function normaliseModelKey(model: string): string | null {
  let text = model.replace(/\([^)]*\)/g, ' ');
  text = text.replace(/^[^/\s]+\//, '');
  text = text.replace(/\.gguf\b/gi, ' ');
  text = text.replace(/^meta[-\s]+(?=llama)/i, '');
  text = text.replace(QUANT_TOKENS, ' ');
  const key = text
    .replace(/:/g, '-')
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-')
    .replace(/\.(?=-|$)/g, '')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  return key === '' ? null : key;
}

/**
 * Models whose tensor shapes are identical, so llama.cpp does the same work per token. LLaMA 1 7B and Llama 2 7B
 * share vocab 32000, n_embd 4096, 32 layers, 32 heads and n_ff 11008 (docs/METHOD.md "Facts for the synthetic
 * shapes"); CodeLlama 7B does not (vocab 32016, rope base 1e6).
 */
const SHAPE_ALIASES: Readonly<Record<string, string>> = { 'llama-7b': 'llama-2-7b' };

/** The shape family of a model key (itself unless a known alias). */
export function modelShapeOf(modelKey: string | null): string | null {
  if (modelKey === null) return null;
  return SHAPE_ALIASES[modelKey] ?? modelKey;
}
