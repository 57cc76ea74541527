import { describe, expect, it } from 'vitest';
import { matchFigure, matchFigures } from './match-figures';
import { rigmarkScore } from './score';
import { makeDataset, makeLocal, makeRecord } from './test-fixtures';

// A result measured on a software WebGPU adapter (identity.isSoftwareAdapter, written by the gpu family) describes
// the CPU that emulated the GPU: it must never be set beside a published GPU figure, nor enter the score.
describe('results measured on a software adapter', () => {
  it('match no figure even when every other identity fact agrees', () => {
    const hardware = makeLocal();
    const software = makeLocal({ identity: { ...hardware.identity, isSoftwareAdapter: true } });
    expect(matchFigure(hardware, makeRecord())).not.toBeNull();
    expect(matchFigure(software, makeRecord())).toBeNull();
    expect(matchFigure(makeLocal({ identity: { ...hardware.identity, isSoftwareAdapter: false } }), makeRecord())).not.toBeNull();
  });

  it('a SwiftShader gpu.matmul-fp32 result gets no figure and no score, even beside a gpu.matmul-fp32 figure', () => {
    const gpu = makeLocal({
      benchmarkId: 'gpu.matmul-fp32',
      category: 'gpu-compute',
      unit: 'GFLOP/s',
      identity: { engine: 'dawn', backend: 'vulkan', adapterDescription: 'SwiftShader driver 5.0.0', isSoftwareAdapter: true, precision: 'f32', n: 1024 },
    });
    const figure = makeRecord({
      unit: 'GFLOP/s',
      workload: { rigmarkBenchmarkId: 'gpu.matmul-fp32', category: 'gpu-compute', engine: null, modelKey: null, modelShape: null, quant: null, genTokens: null, backend: null },
    });
    const dataset = makeDataset([figure]);
    expect(matchFigures(gpu, dataset)).toEqual([]);
    expect(rigmarkScore([gpu], dataset, figure.gpuKey)).toMatchObject({ value: null, benchmarkCount: 0 });
  });
});
