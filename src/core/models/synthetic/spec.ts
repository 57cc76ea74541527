import { gguf } from '../gguf/metadata-encoder';
import type { GgufMetadataValue } from '../gguf/metadata-encoder';
import type { GgufFileSpec } from '../gguf/writer';
import type { SyntheticManifest } from './manifests';
import { SPM_SPECIAL_IDS, buildSpmVocabulary } from './vocab';

/**
 * Version of the bytes this generator writes. Bump it whenever weights, metadata or layout change: files written by
 * another version are regenerated instead of reused, so a shape's bytes never depend on when it was generated.
 */
export const SYNTHETIC_GENERATOR_VERSION = 1;

/** The metadata key marking Rigmark's synthetic files, read back by discovery and reuse checks. */
export const SYNTHETIC_KEYS = {
  isSynthetic: 'rigmark.synthetic',
  seed: 'rigmark.seed',
  generatorVersion: 'rigmark.generator_version',
  manifest: 'rigmark.manifest',
} as const;

/**
 * The GGUF spec (metadata + tensor list) of a synthetic model. Keys are those llama.cpp's llama loader reads
 * (llama-model.cpp `load_hparams`, llama-vocab.cpp `load`), with an SPM vocabulary of exactly `nVocab` tokens.
 */
export function syntheticSpec(manifest: SyntheticManifest): GgufFileSpec {
  const hp = manifest.hyperparameters;
  const vocab = buildSpmVocabulary(hp.nVocab);
  const metadata: (readonly [string, GgufMetadataValue])[] = [
    ['general.architecture', gguf.str('llama')],
    ['general.name', gguf.str(`${manifest.displayName} (Rigmark synthetic)`)],
    ['general.file_type', gguf.u32(manifest.fileType)],
    ['general.quantization_version', gguf.u32(2)], // ggml's GGML_QNT_VERSION, which llama-quantize records
    ['general.alignment', gguf.u32(32)],
    ['llama.context_length', gguf.u32(hp.contextLength)],
    ['llama.embedding_length', gguf.u32(hp.nEmbd)],
    ['llama.feed_forward_length', gguf.u32(hp.nFf)],
    ['llama.block_count', gguf.u32(hp.nLayer)],
    ['llama.attention.head_count', gguf.u32(hp.nHead)],
    ['llama.attention.head_count_kv', gguf.u32(hp.nHeadKv)],
    ['llama.rope.freq_base', gguf.f32(hp.ropeFreqBase)],
    ['llama.attention.layer_norm_rms_epsilon', gguf.f32(hp.rmsNormEps)],
    ['llama.vocab_size', gguf.u32(hp.nVocab)],
    ['llama.rope.dimension_count', gguf.u32(hp.nEmbd / hp.nHead)],
    ['tokenizer.ggml.model', gguf.str('llama')],
    ['tokenizer.ggml.tokens', gguf.strings(vocab.tokens)],
    ['tokenizer.ggml.scores', gguf.f32s(vocab.scores)],
    ['tokenizer.ggml.token_type', gguf.i32s(vocab.tokenTypes)],
    ['tokenizer.ggml.bos_token_id', gguf.u32(SPM_SPECIAL_IDS.bos)],
    ['tokenizer.ggml.eos_token_id', gguf.u32(SPM_SPECIAL_IDS.eos)],
    ['tokenizer.ggml.unknown_token_id', gguf.u32(SPM_SPECIAL_IDS.unk)],
    ['tokenizer.ggml.add_bos_token', gguf.bool(true)],
    ['tokenizer.ggml.add_eos_token', gguf.bool(false)],
    [SYNTHETIC_KEYS.isSynthetic, gguf.bool(true)],
    [SYNTHETIC_KEYS.seed, gguf.u32(manifest.seed)],
    [SYNTHETIC_KEYS.generatorVersion, gguf.u32(SYNTHETIC_GENERATOR_VERSION)],
    [SYNTHETIC_KEYS.manifest, gguf.str(manifest.name)],
  ];
  return { metadata, tensors: manifest.tensors };
}
