import type { BenchmarkDefinition } from './definition';
import { definitions as gpu } from './families/gpu/definitions';
import { definitions as llamacpp } from './families/llamacpp/definitions';
import { definitions as ollama } from './families/ollama/definitions';
import { definitions as serving } from './families/serving/definitions';
import { definitions as system } from './families/system/definitions';

/**
 * Every benchmark Rigmark knows, in run order: system first (no GPU contention yet), then GPU kernels, then the
 * model benchmarks grouped so a model loads in consecutive instances, then external engines.
 */
export const catalogue: readonly BenchmarkDefinition[] = [...system, ...gpu, ...llamacpp, ...ollama, ...serving];
