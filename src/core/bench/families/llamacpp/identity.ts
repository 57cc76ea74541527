import type { Identity } from '../../../../shared/domain/benchmark';
import type { LlamaSession } from './session';
import { GEN_TOKENS, PROMPT_TOKENS } from './workload';

/**
 * Workload identity of a llama.cpp result. Key names are fixed: the comparison joins on them with the reference
 * dataset (llama-bench's own fields: build, backend, model, n_prompt / n_gen, n_batch, n_ubatch, n_threads,
 * n_gpu_layers, flash_attn, model_n_params, model_size).
 */
export function llamaIdentity(session: LlamaSession): Identity {
  const { resolved, runtime, params } = session;
  const lengths: Identity = session.test === 'pp' ? { promptTokens: PROMPT_TOKENS } : { genTokens: GEN_TOKENS };
  return {
    engine: 'llama.cpp',
    engineVersion: runtime.engineVersion,
    bindingVersion: runtime.bindingVersion,
    backend: session.backend,
    modelKey: resolved.facts.modelKey,
    quant: resolved.facts.quant,
    isSynthetic: resolved.isSynthetic,
    modelSha256: resolved.modelSha256,
    ...lengths,
    batchSize: params.batchSize,
    ubatchSize: params.ubatchSize,
    threads: session.threads,
    gpuLayers: session.gpuLayers,
    flashAttention: params.flashAttention,
    paramsCount: resolved.facts.paramsCount,
    modelBytes: resolved.facts.modelBytes,
  };
}
