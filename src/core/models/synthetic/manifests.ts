import type { GgufTensorSpec } from '../gguf/writer';
import { fileTypeId } from '../gguf/file-types';
import { countParameters, f16Rule, llamaTensors, q4KMRule, q4_0Rule } from './llama-shape';
import type { LlamaHyperparameters, TensorTypeRule } from './llama-shape';

/** Names of the built-in synthetic shapes. */
export const SYNTHETIC_MODEL_NAMES = ['tiny', 'llama-3.2-1b-q4_0', 'llama-2-7b-q4_0', 'llama-3-8b-q4_k_m', 'llama-3-8b-f16'] as const;
export type SyntheticModelName = (typeof SYNTHETIC_MODEL_NAMES)[number];

/** A synthetic model: the exact shape and tensor types of a real model, filled with seeded finite weights. */
export interface SyntheticManifest {
  readonly name: SyntheticModelName;
  readonly displayName: string;
  readonly architecture: 'llama';
  /** Quantisation label as llama-quantize names the mix (`'Q4_K_M'`). */
  readonly quantization: string;
  /** `general.file_type` (llama.cpp `llama_ftype`) matching `quantization`. */
  readonly fileType: number;
  /** The real model whose published figures this shape is compared with, or `null` for test shapes. */
  readonly referenceModel: string | null;
  /** `model` strings of the bundled reference dataset (shared/reference/public-figures.json) for this shape. */
  readonly referenceModelMatches: readonly string[];
  readonly seed: number;
  readonly hyperparameters: LlamaHyperparameters;
  readonly tensors: readonly GgufTensorSpec[];
  /** Parameters of the real model (its published count); equals the tensor list's element count. */
  readonly expectedParameterCount: number;
}

interface ManifestInput extends Omit<SyntheticManifest, 'tensors' | 'fileType' | 'architecture' | 'seed'> {
  readonly rule: TensorTypeRule;
}

/** Seed shared by all built-in shapes; changing it changes every generated file (and the generator version must bump). */
const DEFAULT_SEED = 0x52494721; // "RIG!"

function manifest({ rule, ...input }: ManifestInput): SyntheticManifest {
  const tensors = llamaTensors(input.hyperparameters, rule);
  const counted = countParameters(tensors);
  if (counted !== input.expectedParameterCount) {
    throw new Error(`${input.name}: tensors hold ${counted} parameters, expected ${input.expectedParameterCount}`);
  }
  return { ...input, architecture: 'llama', fileType: fileTypeId(input.quantization), seed: DEFAULT_SEED, tensors };
}

// Shapes from docs/METHOD.md "Facts for the synthetic shapes" (each model's config.json). rms_norm_eps is 1e-5
// in all three Hugging Face configs.
const LLAMA_2_7B: LlamaHyperparameters = {
  nVocab: 32000, nEmbd: 4096, nLayer: 32, nHead: 32, nHeadKv: 32, nFf: 11008,
  ropeFreqBase: 10000, rmsNormEps: 1e-5, contextLength: 4096, hasTiedEmbeddings: false,
};
const LLAMA_3_8B: LlamaHyperparameters = {
  nVocab: 128256, nEmbd: 4096, nLayer: 32, nHead: 32, nHeadKv: 8, nFf: 14336,
  ropeFreqBase: 500000, rmsNormEps: 1e-5, contextLength: 8192, hasTiedEmbeddings: false,
};
const LLAMA_3_2_1B: LlamaHyperparameters = {
  nVocab: 128256, nEmbd: 2048, nLayer: 16, nHead: 32, nHeadKv: 8, nFf: 8192,
  ropeFreqBase: 500000, rmsNormEps: 1e-5, contextLength: 131072, hasTiedEmbeddings: true,
};
/** A ~2 MB shape for tests: every dimension a multiple of 256 so any k-quant fits; GQA like the real shapes. */
const TINY: LlamaHyperparameters = {
  nVocab: 512, nEmbd: 256, nLayer: 4, nHead: 4, nHeadKv: 2, nFf: 768,
  ropeFreqBase: 10000, rmsNormEps: 1e-5, contextLength: 4096, hasTiedEmbeddings: false,
};

const MANIFESTS: Readonly<Record<SyntheticModelName, SyntheticManifest>> = {
  tiny: manifest({
    name: 'tiny', displayName: 'Tiny test model', quantization: 'Q4_0', referenceModel: null, referenceModelMatches: [],
    hyperparameters: TINY, rule: q4_0Rule(false), expectedParameterCount: 3_410_176,
  }),
  'llama-3.2-1b-q4_0': manifest({
    name: 'llama-3.2-1b-q4_0', displayName: 'Llama 3.2 1B Q4_0', quantization: 'Q4_0',
    referenceModel: 'Llama 3.2 1B Q4_0', referenceModelMatches: [],
    hyperparameters: LLAMA_3_2_1B, rule: q4_0Rule(true),
    expectedParameterCount: 1_235_814_400,
  }),
  'llama-2-7b-q4_0': manifest({
    name: 'llama-2-7b-q4_0', displayName: 'Llama 2 7B Q4_0', quantization: 'Q4_0', referenceModel: 'llama 7B Q4_0',
    referenceModelMatches: ['Llama 2 7B Q4_0 (llama-2-7b.Q4_0.gguf)', 'Llama 2 7B Q4_0', 'llama 7B Q4_0'],
    hyperparameters: LLAMA_2_7B, rule: q4_0Rule(false), expectedParameterCount: 6_738_415_616,
  }),
  'llama-3-8b-q4_k_m': manifest({
    name: 'llama-3-8b-q4_k_m', displayName: 'Llama 3 8B Q4_K_M', quantization: 'Q4_K_M',
    referenceModel: 'Llama 3 8B Q4_K_M', referenceModelMatches: ['Meta Llama 3 8B Q4_K_M (GGUF)'],
    hyperparameters: LLAMA_3_8B, rule: q4KMRule(LLAMA_3_8B.nLayer, false), expectedParameterCount: 8_030_261_248,
  }),
  'llama-3-8b-f16': manifest({
    name: 'llama-3-8b-f16', displayName: 'Llama 3 8B F16', quantization: 'F16', referenceModel: 'Llama 3 8B F16',
    referenceModelMatches: ['Meta Llama 3 8B F16 (GGUF)'],
    hyperparameters: LLAMA_3_8B, rule: f16Rule, expectedParameterCount: 8_030_261_248,
  }),
};

/** True when `name` is a built-in synthetic shape. */
export function isSyntheticModelName(name: string): name is SyntheticModelName {
  return (SYNTHETIC_MODEL_NAMES as readonly string[]).includes(name);
}

/** The manifest of a built-in shape. @throws Error naming the known shapes when `name` is not one. */
export function getSyntheticManifest(name: string): SyntheticManifest {
  if (!isSyntheticModelName(name)) {
    throw new Error(`Unknown synthetic model "${name}" (known: ${SYNTHETIC_MODEL_NAMES.join(', ')})`);
  }
  return MANIFESTS[name];
}

/** Every built-in manifest, smallest first. */
export function listSyntheticManifests(): SyntheticManifest[] {
  return SYNTHETIC_MODEL_NAMES.map((n) => MANIFESTS[n]);
}
