import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import {
  getLlama,
  LlamaLogLevel,
  TokenBias,
  type LlamaContext,
  type LlamaContextSequence,
  type LlamaModel,
  type Token,
} from 'node-llama-cpp';
import type { GenerationRequest, GenerationStats, TokenSource } from './token-source';

/** Options of {@link createLlamaTokenSource}. */
export interface LlamaTokenSourceOptions {
  /** A GGUF file (tests use the synthetic `tiny` model). */
  modelPath: string;
  /** Sequences evaluated in one batch, as a server's parallel slots. Default 4. */
  parallel?: number;
  /** Context per sequence in tokens. Default 512. */
  contextSize?: number;
  /**
   * CPU threads. Default 1: llama.cpp threads spin-wait, and on the shared 2-core test machines two threads
   * collapse to a few tokens/s while one thread gives hundreds.
   */
  threads?: number;
}

/**
 * Tokens whose text is empty or not valid UTF-8 on their own (control and byte-fallback tokens) are banned, so
 * each generated token is one non-empty streamed piece and end-of-sequence never ends a generation early
 * (what vLLM's `ignore_eos` does).
 */
function buildBias(model: LlamaModel): TokenBias {
  const bias = new TokenBias(model.tokenizer);
  const vocabSize = model.fileInfo.metadata.tokenizer?.ggml?.tokens?.length ?? 0;
  for (let id = 0; id < vocabSize; id++) {
    const token = id as Token;
    const text = model.detokenize([token]);
    if (model.isSpecialToken(token) || model.isEogToken(token) || text === '' || text.includes('\uFFFD')) {
      bias.set(token, 'never');
    }
  }
  return bias;
}

/** A FIFO of free sequences: requests beyond `parallel` wait like a server's queued requests. */
class SequencePool {
  private readonly waiting: Array<(sequence: LlamaContextSequence) => void> = [];
  private readonly free: LlamaContextSequence[] = [];

  constructor(context: LlamaContext) {
    for (let i = 0; i < context.totalSequences; i++) this.free.push(context.getSequence());
  }

  async take(): Promise<LlamaContextSequence> {
    const sequence = this.free.pop();
    if (sequence !== undefined) return sequence;
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  async give(sequence: LlamaContextSequence): Promise<void> {
    await sequence.clearHistory();
    const next = this.waiting.shift();
    if (next !== undefined) next(sequence);
    else this.free.push(sequence);
  }
}

async function generateOn(
  model: LlamaModel,
  sequence: LlamaContextSequence,
  bias: TokenBias,
  request: GenerationRequest,
): Promise<GenerationStats> {
  const bos = model.tokens.bos;
  const room = Math.max(1, sequence.contextSize - request.maxTokens - 1);
  const promptTokens = [...(bos === null ? [] : [bos]), ...model.tokenize(request.prompt)].slice(0, room);
  const startedAt = performance.now();
  let firstAt = startedAt;
  let tokens = 0;
  for await (const token of sequence.evaluate(promptTokens, { temperature: 0, tokenBias: bias })) {
    if (request.signal.aborted) break;
    if (tokens === 0) firstAt = performance.now();
    await request.onToken(model.detokenize([token]));
    tokens += 1;
    if (tokens >= request.maxTokens || request.signal.aborted) break;
  }
  return { promptTokens: promptTokens.length, tokens, promptEvalMs: firstAt - startedAt, evalMs: performance.now() - firstAt };
}

/**
 * Loads a GGUF model with the real llama.cpp engine on the CPU (node-llama-cpp, prebuilt binary, no download or
 * build) and generates greedy tokens with it, `parallel` requests batched together.
 */
export async function createLlamaTokenSource(options: LlamaTokenSourceOptions): Promise<TokenSource> {
  const startedAt = performance.now();
  const threads = options.threads ?? 1;
  const llama = await getLlama({
    gpu: false,
    build: 'never',
    skipDownload: true,
    logLevel: LlamaLogLevel.error,
    maxThreads: threads,
  });
  const model = await llama.loadModel({ modelPath: options.modelPath });
  const parallel = options.parallel ?? 4;
  const context = await model.createContext({ sequences: parallel, contextSize: options.contextSize ?? 512, threads });
  const bias = buildBias(model);
  const pool = new SequencePool(context);
  const loadMs = performance.now() - startedAt;
  const sizeBytes = (await stat(options.modelPath)).size;
  return {
    modelName: basename(options.modelPath).replace(/\.gguf$/i, ''),
    sizeBytes,
    loadMs,
    parallel,
    async generate(request) {
      const sequence = await pool.take();
      try {
        return await generateOn(model, sequence, bias, request);
      } finally {
        await pool.give(sequence);
      }
    },
    async close() {
      await context.dispose();
      await model.dispose();
      await llama.dispose();
    },
  };
}
