import type { PhysicalLimit } from '../../shared/domain/compare';
import type { SpecValue } from '../../shared/domain/reference';
import type { Result } from '../../shared/domain/results';
import type { SystemSnapshot } from '../../shared/domain/system';
import { promptProcessingLimit, tokenGenerationLimit } from '../compare';
import { cardSpecs, matchGpuName } from '../reference';

type ResultLimit = NonNullable<Result['physicalLimit']>;

const KERNEL_FORMULA = {
  'gpu.bandwidth': 'GB/s measured ÷ the card\'s spec memory bandwidth (GB/s)',
  'gpu.matmul-fp32': 'GFLOP/s measured ÷ (the card\'s spec FP32 TFLOPS × 1000)',
} as const;

function kernelLimit(kind: PhysicalLimit['kind'], formula: string, median: number, spec: SpecValue | null, scale: number): PhysicalLimit {
  if (!spec) return { kind, limit: null, pctOfLimit: null, reason: 'the card has no published spec for this', formula };
  const limit = spec.value * scale;
  return { kind, limit, pctOfLimit: (median / limit) * 100, reason: null, formula };
}

/**
 * "How close did the card come to its physical limits" (docs/METHOD.md "Physical limit"): GPU kernels against the
 * card's spec peaks, llama.cpp generation against bandwidth ÷ model bytes, prompt processing against peak FP16
 * tensor compute ÷ 2 × parameters. Only for a GPU found in the reference catalogue, and only when the result ran on
 * that GPU: a software adapter or the CPU backend is never set against a GPU's peak.
 */
export function physicalLimitOf(result: Result, system: SystemSnapshot): ResultLimit | null {
  const median = result.stats.median;
  const gpu = system.gpus[0];
  if (median === null || !gpu) return null;
  const card = matchGpuName(gpu.name);
  if (!card) return null;
  const specs = cardSpecs(card.key, card.variant);
  const id = result.identity;
  let limit: PhysicalLimit | null = null;
  let spec: SpecValue | null = null;
  if ((result.benchmarkId === 'gpu.bandwidth' || result.benchmarkId === 'gpu.matmul-fp32') && id.isSoftwareAdapter === false) {
    const isBandwidth = result.benchmarkId === 'gpu.bandwidth';
    spec = isBandwidth ? specs.memoryBandwidthGBps : specs.fp32Tflops;
    limit = kernelLimit(isBandwidth ? 'memory-bandwidth' : 'peak-compute', KERNEL_FORMULA[result.benchmarkId], median, spec, isBandwidth ? 1 : 1000);
  } else if (result.benchmarkId === 'llamacpp.tg128' && id.backend !== 'cpu') {
    spec = specs.memoryBandwidthGBps;
    limit = tokenGenerationLimit({ tokensPerSecond: median, bandwidthGBps: spec?.value ?? null, bytesPerToken: numberOr(id.modelBytes) });
  } else if (result.benchmarkId === 'llamacpp.pp512' && id.backend !== 'cpu') {
    spec = specs.fp16TensorTflops;
    limit = promptProcessingLimit({ tokensPerSecond: median, peakTflops: spec?.value ?? null, params: numberOr(id.paramsCount) });
  }
  if (!limit) return null;
  return { ...limit, cardKey: card.key, specSource: spec ? `${spec.sourceTitle} (${spec.sourceUrl})` : '' };
}

function numberOr(value: unknown): number | null {
  return typeof value === 'number' ? value : null;
}
