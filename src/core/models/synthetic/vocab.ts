/**
 * An SPM-style ("llama" tokenizer model) vocabulary of any size: `<unk>`, `<s>`, `</s>`, the 256 byte-fallback
 * tokens `<0x00>`…`<0xFF>`, then unique filler pieces. The benchmark feeds token ids, so the pieces only need to
 * be unique (llama.cpp's vocab loader maps piece → id and rejects duplicates) and let text round-trip through
 * byte fallback.
 */

/** llama.cpp `llama_token_type` (GGUF `tokenizer.ggml.token_type` values). */
export const TokenType = { NORMAL: 1, UNKNOWN: 2, CONTROL: 3, BYTE: 6 } as const;

/** Token ids of the special tokens, fixed by the SPM layout above. */
export const SPM_SPECIAL_IDS = { unk: 0, bos: 1, eos: 2 } as const;

/** The smallest vocabulary this layout supports: three specials plus 256 byte tokens. */
export const MIN_SPM_VOCAB = 3 + 256;

/** The tokenizer arrays GGUF stores under `tokenizer.ggml.*`. */
export interface SpmVocabulary {
  readonly tokens: string[];
  readonly scores: Float32Array;
  readonly tokenTypes: Int32Array;
}

const SPACE = '\u2581'; // SentencePiece's "▁" word-boundary marker
const ALPHABET = 'etaoinshrdlucmfwypvbgkjqxzETAOINSHRDLUCMFWYPVBGKJQXZ0123456789.,!?-\'"()';

/** Yields unique filler pieces: "▁", single characters with and without "▁", then two-letter pairs, then numbered. */
function* fillerPieces(): Generator<string> {
  yield SPACE;
  for (const c of ALPHABET) {
    yield c;
    yield SPACE + c;
  }
  for (const a of ALPHABET) for (const b of ALPHABET) yield SPACE + a + b;
  for (const a of ALPHABET) for (const b of ALPHABET) yield a + b;
  for (let i = 0; ; i++) yield `${SPACE}t${i}`;
}

/**
 * Builds a vocabulary of exactly `size` tokens.
 * @throws RangeError when `size` is below {@link MIN_SPM_VOCAB}.
 */
export function buildSpmVocabulary(size: number): SpmVocabulary {
  if (!Number.isInteger(size) || size < MIN_SPM_VOCAB) {
    throw new RangeError(`An SPM vocabulary needs at least ${MIN_SPM_VOCAB} tokens, got ${size}`);
  }
  const tokens: string[] = ['<unk>', '<s>', '</s>'];
  const tokenTypes = new Int32Array(size);
  const scores = new Float32Array(size);
  tokenTypes.set([TokenType.UNKNOWN, TokenType.CONTROL, TokenType.CONTROL]);
  for (let b = 0; b < 256; b++) {
    tokenTypes[tokens.length] = TokenType.BYTE;
    tokens.push(`<0x${b.toString(16).toUpperCase().padStart(2, '0')}>`);
  }
  const seen = new Set(tokens);
  const pieces = fillerPieces();
  while (tokens.length < size) {
    const { value: piece } = pieces.next();
    if (typeof piece !== 'string' || seen.has(piece)) continue;
    seen.add(piece);
    // Earlier (shorter) pieces score higher, so SPM merges prefer them, as in a trained vocabulary.
    scores[tokens.length] = -tokens.length;
    tokenTypes[tokens.length] = TokenType.NORMAL;
    tokens.push(piece);
  }
  return { tokens, scores, tokenTypes };
}
