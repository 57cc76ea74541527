import type { Category, Suite } from '../../../shared/domain/benchmark';

/** Category names as the fleet comparison pages use them (BENCHMARKS.md "Scores and views"). */
export const CATEGORY_LABELS: Record<Category, string> = {
  llm: 'LLM single-user',
  serving: 'Serving',
  image: 'Image',
  vision: 'Vision',
  'gpu-compute': 'GPU compute',
  system: 'System',
};

export const SUITE_DESCRIPTIONS: Record<Suite, { label: string; description: string }> = {
  quick: { label: 'Quick', description: 'System, GPU kernels and llama.cpp on a small synthetic model. A few minutes.' },
  full: { label: 'Full', description: 'Adds the 7B/8B model shapes, longer contexts and the serving sweep. Up to 20 minutes.' },
  system: { label: 'System', description: 'CPU, memory and disk only. Runs on any machine.' },
};
