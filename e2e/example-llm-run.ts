import type { Result, RunDetail } from '../src/shared/domain/results';
import { ensureRun, type Rig } from './fixtures';

/**
 * EXAMPLE VALUES, not measurements: a CPU-only run of synthetic Llama 3 8B Q4_K_M the size this 2-core machine
 * gives (prompt processing ≈ 14.7 tokens/s, generation ≈ 1.9 tokens/s, so ≈ 400–500× slower than the A100 and the
 * RTX 4090 figures), stored through the real import path so every number on screen is core's comparison of it
 * with the bundled reference dataset. The e2e machine cannot run the real suite in every spec (it takes minutes;
 * e2e/llm.spec.ts does it once).
 */
const EXAMPLE_SAMPLES: Record<'pp512' | 'tg128', number[]> = {
  pp512: [14.52, 14.71, 14.66, 14.8, 14.69],
  tg128: [1.88, 1.91, 1.9, 1.93, 1.89],
};

function llamaResult(template: Result, kind: 'pp512' | 'tg128'): Result {
  const values = EXAMPLE_SAMPLES[kind];
  const lengths: Result['identity'] = kind === 'pp512' ? { promptTokens: 512 } : { genTokens: 128 };
  return {
    ...template,
    benchmarkId: `llamacpp.${kind}`,
    title: kind === 'pp512' ? 'llama.cpp prompt processing (pp512)' : 'llama.cpp generation (tg128)',
    category: 'llm',
    unit: 'tokens/s',
    higherIsBetter: true,
    status: 'passed',
    reason: null,
    identity: { engine: 'llama.cpp', backend: 'cpu', modelKey: 'llama-3-8b', quant: 'Q4_K_M', isSynthetic: true, gpuLayers: 0, flashAttention: false, ...lengths },
    metrics: {},
    telemetry: null,
    physicalLimit: null,
    samples: values.map((value, index) => ({ ...(template.samples[0] as Result['samples'][number]), index, value, isWarmup: false, metrics: {} })),
  };
}

/** Imports the example run above (once per data dir) and returns its id. */
export async function importExampleLlmRun(rig: Rig): Promise<number> {
  const baseId = await ensureRun(rig);
  const exported = JSON.parse(rig.core.exportRun(baseId, 'json')) as { detail: RunDetail };
  const template = exported.detail.results[0];
  if (template === undefined) throw new Error('the base run has no result to shape the example from');
  exported.detail.run = { ...exported.detail.run, suite: 'quick' };
  exported.detail.results = [llamaResult(template, 'pp512'), llamaResult(template, 'tg128')];
  return rig.core.importRun(JSON.stringify(exported)).runId;
}
