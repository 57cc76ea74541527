import type { WorkerBenchmark } from '../../worker/types';
import { cpuBenchmark } from './cpu';
import { createDiskReadBenchmark, createDiskWriteBenchmark } from './disk';
import { memoryBenchmark } from './memory';

/** Worker-side implementations of the `system` family, keyed by benchmark id (loaded only in worker processes). */
export const benchmarks: Record<string, WorkerBenchmark<never>> = {
  'system.cpu': cpuBenchmark as WorkerBenchmark<never>,
  'system.memory': memoryBenchmark as WorkerBenchmark<never>,
  'system.disk-write': createDiskWriteBenchmark() as WorkerBenchmark<never>,
  'system.disk-read': createDiskReadBenchmark() as WorkerBenchmark<never>,
};
