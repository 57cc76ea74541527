import type { Suite } from '../../../../shared/domain/benchmark';
import type { SuiteVariant } from '../../definition';
import { DEFAULT_MODEL } from './params';

/**
 * Models each suite runs when the user names none (docs/METHOD.md "Suites"): the quick suite the synthetic Llama 3.2
 * 1B; the full suite adds the shapes the published llama.cpp figures use — Llama 2 7B Q4_0 (the CUDA scoreboard)
 * and Llama 3 8B Q4_K_M and F16. A shape too large for this machine is planned and shown `unavailable` with why.
 */
const FULL_SUITE_MODELS: readonly SuiteVariant[] = [
  { label: 'synthetic Llama 3.2 1B Q4_0', params: { model: DEFAULT_MODEL } },
  { label: 'synthetic Llama 2 7B Q4_0', params: { model: 'synthetic:llama-2-7b-q4_0' } },
  { label: 'synthetic Llama 3 8B Q4_K_M', params: { model: 'synthetic:llama-3-8b-q4_k_m' } },
  { label: 'synthetic Llama 3 8B F16', params: { model: 'synthetic:llama-3-8b-f16' } },
];

export function llamaSuiteVariants(suite: Suite): SuiteVariant[] {
  return suite === 'full' ? [...FULL_SUITE_MODELS] : [FULL_SUITE_MODELS[0]!];
}
