import type { AvailabilityContext, BenchmarkDefinition } from '../../definition';
import { checkLlamaAvailability } from './availability';
import { chooseBackend } from './backend';
import { DEFAULT_MODEL } from './params';

/** Benchmark ids of this family. */
export const PP512_ID = 'llamacpp.pp512';
export const TG128_ID = 'llamacpp.tg128';

/**
 * Parameters the parent fills in from the system snapshot: the backend (chosen here, never by node-llama-cpp's
 * guess) and llama-bench's defaults. The user's own parameters are merged over these.
 */
export function llamaDefaultParams(ctx: AvailabilityContext): Record<string, unknown> {
  return {
    model: DEFAULT_MODEL,
    backend: chooseBackend(ctx.snapshot).backend,
    // llama-bench's default is the physical core count (common_cpu_get_num_math).
    threads: Math.max(1, ctx.snapshot.cpu.cores),
    gpuLayers: 'max',
    flashAttention: false,
    batchSize: 2048,
    ubatchSize: 512,
  };
}

function availability(ctx: AvailabilityContext) {
  return checkLlamaAvailability({ ...ctx, params: { ...llamaDefaultParams(ctx), ...ctx.params } });
}

const common = {
  family: 'llamacpp',
  category: 'llm',
  unit: 'tokens/s',
  higherIsBetter: true,
  defaultRepetitions: 5,
  warmups: 1,
  suites: ['quick', 'full'],
  checkAvailability: availability,
  defaultParams: llamaDefaultParams,
} satisfies Partial<BenchmarkDefinition>;

/** `llamacpp.pp512` and `llamacpp.tg128`, measured the llama-bench way (BENCHMARKS.md "Measure like llama-bench"). */
export const definitions: BenchmarkDefinition[] = [
  {
    ...common,
    id: PP512_ID,
    title: 'llama.cpp prompt processing (pp512)',
    description:
      'Evaluates 512 prompt tokens in one batch with logits for the last token only, like llama-bench pp512. ' +
      'All layers on the GPU when one is found.',
    // Generating a synthetic 1B model (~0.8 GB) and loading it dominate a first run on a slow disk.
    timeoutMs: 20 * 60_000,
    estimatedMs: 45_000,
  },
  {
    ...common,
    id: TG128_ID,
    title: 'llama.cpp generation (tg128)',
    description:
      'Generates 128 tokens one at a time with logits over the full vocabulary, greedy with end-of-sequence ' +
      'banned, like llama-bench tg128.',
    timeoutMs: 20 * 60_000,
    estimatedMs: 60_000,
  },
];
