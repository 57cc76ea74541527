import { TokenBias } from 'node-llama-cpp';
import type { LlamaContextSequence, LlamaModel, Token } from 'node-llama-cpp';

// The lengths live in params.ts, which the parent side may load (this file loads node-llama-cpp).
export { GEN_TOKENS, PROMPT_TOKENS } from './params';

/** Seed of the prompt's token ids: the same ids on every run and machine. */
const PROMPT_SEED = 0x70703531; // "pp51"

/** mulberry32: a small, fast, seeded PRNG; statistical quality is irrelevant for picking token ids. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Deterministic prompt: BOS first when the model adds one, then ids drawn uniformly from the vocabulary, like
 * llama-bench's `test_prompt` (`std::rand() % n_vocab`). Work per token depends on shapes, not on which ids.
 */
export function promptTokens(count: number, vocabSize: number, bos: Token | null, seed = PROMPT_SEED): Token[] {
  const next = mulberry32(seed);
  const tokens: Token[] = [];
  for (let i = 0; i < count; i++) {
    tokens.push((i === 0 && bos !== null ? bos : Math.floor(next() * vocabSize)) as Token);
  }
  return tokens;
}

/** Every end-of-generation token of the model (EOS, EOT, …): generation must never stop early. */
export function endOfGenerationTokens(model: LlamaModel): Token[] {
  const found: Token[] = [];
  for (const token of model.iterateAllTokens()) if (model.isEogToken(token)) found.push(token);
  return found;
}

/**
 * A token bias forbidding `tokens`. node-llama-cpp's public `TokenBias.set` silently skips end-of-generation tokens
 * (its chat layer wants EOS to stay possible), so this writes the -Infinity logit bias into the instance's bias map,
 * which the binding passes as llama.cpp's logit-bias sampler. This relies on node-llama-cpp 3.21.1 internals (the
 * pinned version); the check below and the tests fail loudly if they change.
 */
export function banTokens(model: LlamaModel, tokens: readonly Token[]): TokenBias {
  const bias = new TokenBias(model.tokenizer);
  const biases = (bias as unknown as { _biases?: unknown })._biases;
  if (!(biases instanceof Map)) {
    throw new Error('node-llama-cpp TokenBias internals changed: cannot ban end-of-generation tokens');
  }
  for (const token of tokens) biases.set(token, -Infinity);
  return bias;
}

/** Timing of one measured region. */
export interface RegionTiming {
  tokens: number;
  seconds: number;
}

/**
 * pp: evaluates the prompt in one batch with logits for the last token only (one greedy sample reads them, as
 * llama-bench's `llama_synchronize` does), after clearing the KV cache. Only the evaluation is timed.
 */
export async function runPrompt(sequence: LlamaContextSequence, tokens: readonly Token[]): Promise<RegionTiming> {
  await sequence.clearHistory();
  const last = tokens[tokens.length - 1];
  if (last === undefined) throw new Error('empty prompt');
  const input = [...tokens.slice(0, -1), [last, { generateNext: { token: true } }] as [Token, { generateNext: { token: true } }]];
  const start = performance.now();
  const output = await sequence.controlledEvaluate(input);
  const seconds = (performance.now() - start) / 1000;
  if (output[tokens.length - 1]?.next.token == null) throw new Error('prompt evaluation returned no logits for the last token');
  return { tokens: tokens.length, seconds };
}

/** Result of a generation region: timing plus the tokens, so callers can prove no EOS slipped through. */
export interface GenerationTiming extends RegionTiming {
  generated: Token[];
}

/**
 * tg: from a cleared cache and one start token (BOS, as llama-bench `test_gen`), generates `count` tokens one at
 * a time: each step decodes one token with logits over the full vocabulary and samples greedily with
 * end-of-generation tokens banned. That is `count` decode calls, exactly llama-bench's. Only generation is timed.
 * @throws Error when an end-of-generation token is produced despite the ban (the measurement would be short).
 */
export async function runGeneration(
  sequence: LlamaContextSequence,
  startToken: Token,
  count: number,
  ban: TokenBias,
  isEog: (token: Token) => boolean,
): Promise<GenerationTiming> {
  await sequence.clearHistory();
  const generated: Token[] = [];
  // yieldEogToken keeps the iterator from ending quietly on an EOG token, so a failed ban shows as an error.
  const iterator = sequence.evaluate([startToken], { temperature: 0, tokenBias: ban, yieldEogToken: true });
  const start = performance.now();
  let seconds = 0;
  try {
    for await (const token of iterator) {
      generated.push(token);
      if (generated.length === count) {
        // Stop the clock at the last token, before the iterator's cleanup.
        seconds = (performance.now() - start) / 1000;
        break;
      }
    }
  } finally {
    await iterator.return();
  }
  const eog = generated.find(isEog);
  if (eog !== undefined) throw new Error(`end-of-generation token ${eog} was generated although it is banned`);
  if (generated.length !== count) throw new Error(`generated ${generated.length} tokens instead of ${count}`);
  return { tokens: count, seconds, generated };
}
