import type { GgufTensorSpec } from '../gguf/writer';

/** Hyperparameters of a dense llama-architecture model (GGUF `llama.*` keys). */
export interface LlamaHyperparameters {
  readonly nVocab: number;
  readonly nEmbd: number;
  readonly nLayer: number;
  readonly nHead: number;
  readonly nHeadKv: number;
  readonly nFf: number;
  readonly ropeFreqBase: number;
  readonly rmsNormEps: number;
  /** Training context length in tokens (`llama.context_length`). */
  readonly contextLength: number;
  /** Output projection shares `token_embd.weight` (no `output.weight` tensor), as Llama 3.2 1B does. */
  readonly hasTiedEmbeddings: boolean;
}

/** The role of a tensor, used by quantisation rules to pick its type. */
export type LlamaTensorRole =
  | 'token_embd'
  | 'output_norm'
  | 'output'
  | 'attn_norm'
  | 'attn_q'
  | 'attn_k'
  | 'attn_v'
  | 'attn_output'
  | 'ffn_norm'
  | 'ffn_gate'
  | 'ffn_up'
  | 'ffn_down';

/** Chooses a ggml type name for a tensor; `layer` is the block index for per-block tensors. */
export type TensorTypeRule = (role: LlamaTensorRole, layer: number | undefined) => string;

/**
 * The tensor list of a llama-architecture model, named as llama.cpp's LLM_ARCH_LLAMA expects (llama-arch.cpp) with
 * GGUF dims innermost first: a weight `[n_in, n_out]` maps n_in inputs to n_out outputs.
 */
export function llamaTensors(hp: LlamaHyperparameters, typeOf: TensorTypeRule): GgufTensorSpec[] {
  const headDim = hp.nEmbd / hp.nHead;
  const nEmbdKv = headDim * hp.nHeadKv;
  const tensors: GgufTensorSpec[] = [{ name: 'token_embd.weight', dims: [hp.nEmbd, hp.nVocab], type: typeOf('token_embd', undefined) }];
  const block: readonly (readonly [LlamaTensorRole, readonly number[]])[] = [
    ['attn_norm', [hp.nEmbd]],
    ['attn_q', [hp.nEmbd, hp.nEmbd]],
    ['attn_k', [hp.nEmbd, nEmbdKv]],
    ['attn_v', [hp.nEmbd, nEmbdKv]],
    ['attn_output', [hp.nEmbd, hp.nEmbd]],
    ['ffn_norm', [hp.nEmbd]],
    ['ffn_gate', [hp.nEmbd, hp.nFf]],
    ['ffn_up', [hp.nEmbd, hp.nFf]],
    ['ffn_down', [hp.nFf, hp.nEmbd]],
  ];
  for (let i = 0; i < hp.nLayer; i++) {
    for (const [role, dims] of block) tensors.push({ name: `blk.${i}.${role}.weight`, dims, type: typeOf(role, i) });
  }
  tensors.push({ name: 'output_norm.weight', dims: [hp.nEmbd], type: typeOf('output_norm', undefined) });
  if (!hp.hasTiedEmbeddings) tensors.push({ name: 'output.weight', dims: [hp.nEmbd, hp.nVocab], type: typeOf('output', undefined) });
  return tensors;
}

/** Parameters (elements) in a tensor list. */
export function countParameters(tensors: readonly GgufTensorSpec[]): number {
  return tensors.reduce((n, t) => n + t.dims.reduce((m, d) => m * d, 1), 0);
}

const isNorm = (role: LlamaTensorRole): boolean => role.endsWith('_norm');

/**
 * llama.cpp's `use_more_bits` (src/llama-quant.cpp): the first and last eighth of the layers and every third layer
 * between them get a larger type in the _M k-quant mixes.
 */
export function useMoreBits(layer: number, nLayer: number): boolean {
  const eighth = Math.trunc(nLayer / 8);
  return layer < eighth || layer >= Math.trunc((7 * nLayer) / 8) || (layer - eighth) % 3 === 2;
}

/**
 * What `llama-quantize <model> Q4_0` writes for llama: every 2-D weight Q4_0, norms F32, and the output matrix —
 * `output.weight`, or `token_embd.weight` when embeddings are tied — Q6_K (llama-quant.cpp: the output tensor of a
 * non-Q8_0 mix becomes Q6_K, and tied token embeddings are quantised like the output).
 */
export function q4_0Rule(hasTiedEmbeddings: boolean): TensorTypeRule {
  return (role) => {
    if (isNorm(role)) return 'F32';
    if (role === 'output' || (hasTiedEmbeddings && role === 'token_embd')) return 'Q6_K';
    return 'Q4_0';
  };
}

/**
 * llama-quantize Q4_K_M for llama (llama-quant.cpp `llama_tensor_get_type_impl`): Q4_K by default, output Q6_K,
 * `attn_v` and `ffn_down` Q6_K where {@link useMoreBits} holds, norms F32.
 */
export function q4KMRule(nLayer: number, hasTiedEmbeddings: boolean): TensorTypeRule {
  return (role, layer) => {
    if (isNorm(role)) return 'F32';
    if (role === 'output' || (hasTiedEmbeddings && role === 'token_embd')) return 'Q6_K';
    if ((role === 'attn_v' || role === 'ffn_down') && layer !== undefined && useMoreBits(layer, nLayer)) return 'Q6_K';
    return 'Q4_K';
  };
}

/** convert_hf_to_gguf.py `--outtype f16`: every 2-D weight F16, norms F32. */
export const f16Rule: TensorTypeRule = (role) => (isNorm(role) ? 'F32' : 'F16');
