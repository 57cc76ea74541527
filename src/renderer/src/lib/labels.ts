import type { Category, Suite } from '../../../shared/domain/benchmark';
import type { GpuVendor } from '../../../shared/domain/system';
import type { ReferenceSuite, SpecField } from '../../../shared/domain/reference';

/** Category names as the fleet comparison pages use them (docs/METHOD.md "Scores and views"). */
export const CATEGORY_LABELS: Record<Category, string> = {
  llm: 'LLM single-user',
  serving: 'Serving',
  image: 'Image',
  vision: 'Vision',
  'gpu-compute': 'GPU compute',
  system: 'System',
};

export const SUITE_DESCRIPTIONS: Record<Suite, { label: string; description: string }> = {
  quick: {
    label: 'Quick',
    description:
      'System, GPU kernels and llama.cpp on synthetic Llama 3 8B Q4_K_M, the model with figures for the A100 and the RTX 4090. At most 3 minutes of measuring with a GPU, 6 minutes on a CPU only.',
  },
  full: { label: 'Full', description: 'Adds Llama 2 7B Q4_0 and Llama 3 8B F16, 5 repetitions each, and no time limit. Up to 20 minutes with a GPU.' },
  system: { label: 'System', description: 'CPU, memory and disk only. Runs on any machine.' },
};

/**
 * A run's suite as a word: "Quick", "Full", "System"; a custom selection ("custom", or a suite this build does not
 * know, from an imported run) reads "Chosen benchmarks" or the word as stored.
 */
export function suiteLabel(suite: string): string {
  if (suite === 'custom') return 'Chosen benchmarks';
  return (SUITE_DESCRIPTIONS as Record<string, { label: string } | undefined>)[suite]?.label ?? suite;
}

/** "Quick suite", "System suite", or "Chosen benchmarks" for a custom selection. */
export function suitePhrase(suite: string): string {
  return suite === 'custom' ? suiteLabel(suite) : `${suiteLabel(suite)} suite`;
}

/** "NVIDIA GeForce RTX 4090" → "RTX 4090": one rule for the headline, the CLI and every chart label. */
export { shortCardName } from '../../../shared/format/headline';

/** Source kinds as the reference dataset states them, in words. */
export const SOURCE_KIND_LABELS: Record<string, string> = {
  primary: 'primary source',
  'primary(mirror)': 'primary source (mirror)',
  secondary: 'secondary source (a compilation quoting it)',
};

export const VENDOR_LABELS: Record<GpuVendor, string> = { nvidia: 'NVIDIA', amd: 'AMD', intel: 'Intel', apple: 'Apple', other: 'Other' };

export const SPEC_LABELS: Record<SpecField, string> = {
  vramGB: 'VRAM',
  memoryBandwidthGBps: 'Memory bandwidth',
  fp32Tflops: 'FP32 peak',
  fp16TensorTflops: 'FP16 tensor peak',
  bf16TensorTflops: 'BF16 tensor peak',
  tdpW: 'TDP',
};

/** Reference suites as the dataset names them, in words (`other`: the engine is not stated). */
export const REFERENCE_SUITE_LABELS: Record<ReferenceSuite, string> = {
  llamacpp: 'llama.cpp (llama-bench)',
  ollama: 'Ollama',
  vllm: 'vLLM',
  image: 'Image generation',
  vision: 'Vision',
  spec: 'Vendor specifications',
  other: 'Engine not stated',
};

/** NVIDIA clock-event reasons (names as core decodes them) in words; unknown names are shown as they are. */
const THROTTLE_REASON_TEXT: Record<string, string> = {
  sw_power_cap: 'power limit reached',
  hw_slowdown: 'hardware slowdown',
  sync_boost: 'held to another GPU’s clocks',
  sw_thermal_slowdown: 'temperature limit reached',
  hw_thermal_slowdown: 'hardware thermal slowdown',
  hw_power_brake_slowdown: 'external power brake',
  display_clock_setting: 'display clock setting',
};

export function throttleReasonText(name: string): string | null {
  return THROTTLE_REASON_TEXT[name] ?? null;
}
