import type { WorkerBenchmark } from '../../worker/types';
import { adapterProbe } from './adapter-probe';
import { bandwidthBenchmark } from './bandwidth';
import { createMatmulBenchmark } from './matmul';
import { ADAPTER_PROBE_ID } from './params';

/**
 * Worker-side implementations of the `gpu` family (loaded only in worker processes; Dawn itself loads in setup).
 * Teardown destroys the device, after which dawn.node keeps nothing alive; the harness exits the process anyway.
 */
export const benchmarks: Record<string, WorkerBenchmark<never>> = {
  'gpu.matmul-fp32': createMatmulBenchmark('f32') as WorkerBenchmark<never>,
  'gpu.matmul-fp16': createMatmulBenchmark('f16') as WorkerBenchmark<never>,
  'gpu.bandwidth': bandwidthBenchmark as WorkerBenchmark<never>,
  // Not in the catalogue: detection runs it (probe-webgpu.ts) to learn whether an adapter exists.
  [ADAPTER_PROBE_ID]: adapterProbe as WorkerBenchmark<never>,
};
