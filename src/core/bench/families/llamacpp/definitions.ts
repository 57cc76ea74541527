import type { AvailabilityContext, BenchmarkDefinition } from '../../definition';
import { checkLlamaAvailability, llamaPreflightInfo } from './availability';
import { chooseBackend } from './backend';
import { llamaEstimateMs } from './estimate';
import { DEFAULT_MODEL } from './params';
import { llamaSuiteVariants } from './suite-models';

/**
 * Environment the worker process of a llama.cpp benchmark must be started with (libuv reads it once, at process
 * start; setting it from inside the worker has no effect). node-llama-cpp runs every `llama_decode` as a libuv
 * work item; with the default pool of 4 threads each token's decode lands on a different thread, and tg128 with
 * two llama.cpp threads measured 28.6 tokens/s against 39.6 with a pool of one (llama-bench: 41.4), llama.cpp's
 * own counters moving alike, on the 2-core dev machine (bench/llamacpp-fidelity.ts).
 */
export const LLAMACPP_WORKER_ENV: Readonly<Record<string, string>> = { UV_THREADPOOL_SIZE: '1' };

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
  workerEnv: LLAMACPP_WORKER_ENV,
  suiteVariants: llamaSuiteVariants,
  preflightInfo: (ctx: AvailabilityContext, params: Record<string, unknown>) => llamaPreflightInfo(ctx, { ...llamaDefaultParams(ctx), ...params }),
} satisfies Partial<BenchmarkDefinition>;

/** `llamacpp.pp512` and `llamacpp.tg128`, measured the llama-bench way (docs/METHOD.md "Measure like llama-bench"). */
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
    defaultEstimateMs: (params, ctx, repetitions) => llamaEstimateMs('pp', { ...llamaDefaultParams(ctx), ...params }, ctx, repetitions) ?? 45_000,
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
    defaultEstimateMs: (params, ctx, repetitions) => llamaEstimateMs('tg', { ...llamaDefaultParams(ctx), ...params }, ctx, repetitions) ?? 60_000,
  },
];
