import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { physicalLimitFor, promptProcessingLimit, tokenGenerationLimit } from './physical-limit';
import { makeLocal } from './test-fixtures';

describe('tokenGenerationLimit', () => {
  it('divides bandwidth by bytes read per token: RTX 3090 (936 GB/s) on Llama 2 7B Q4_0 (3.56 GiB)', () => {
    const bytes = 3.56 * 1024 ** 3;
    const limit = tokenGenerationLimit({ tokensPerSecond: 158.16, bandwidthGBps: 936, bytesPerToken: bytes });
    expect(limit.limit).toBeCloseTo(936e9 / bytes, 6);
    expect(limit.pctOfLimit).toBeCloseTo((158.16 / (936e9 / bytes)) * 100, 6);
    expect(limit.kind).toBe('memory-bandwidth');
  });

  it('gives null with a reason when an input is missing or not positive', () => {
    expect(tokenGenerationLimit({ tokensPerSecond: 100, bandwidthGBps: null, bytesPerToken: 1e9 }).reason).toBe(
      'memory bandwidth unknown',
    );
    expect(tokenGenerationLimit({ tokensPerSecond: 100, bandwidthGBps: 900, bytesPerToken: 0 }).pctOfLimit).toBeNull();
  });
});

describe('promptProcessingLimit', () => {
  it('uses 2 × parameters FLOPs per token against peak compute', () => {
    const limit = promptProcessingLimit({ tokensPerSecond: 5000, peakTflops: 71, params: 6_738_415_616 });
    expect(limit.limit).toBeCloseTo(71e12 / (2 * 6_738_415_616), 6);
    expect(limit.kind).toBe('peak-compute');
  });
});

describe('physical limits never produce NaN or Infinity (property)', () => {
  const anyValue = fc.oneof(fc.double(), fc.constantFrom(0, -1, 1e308, 5e-324), fc.constant(null));
  it('holds for any inputs', () => {
    fc.assert(
      fc.property(anyValue, anyValue, anyValue, (a, b, c) => {
        for (const limit of [
          tokenGenerationLimit({ tokensPerSecond: a, bandwidthGBps: b, bytesPerToken: c }),
          promptProcessingLimit({ tokensPerSecond: a, peakTflops: b, params: c }),
        ]) {
          for (const value of [limit.limit, limit.pctOfLimit]) {
            expect(value === null || Number.isFinite(value)).toBe(true);
          }
          expect(limit.pctOfLimit === null).toBe(limit.reason !== null);
        }
      }),
    );
  });
});

describe('physicalLimitFor', () => {
  it('applies the bandwidth limit to generation and the compute limit to prompt processing', () => {
    expect(physicalLimitFor(makeLocal(), { bandwidthGBps: 936, bytesPerToken: 3.8e9 })?.kind).toBe('memory-bandwidth');
    const pp = makeLocal({ benchmarkId: 'llamacpp.pp512', median: 5000 });
    expect(physicalLimitFor(pp, { peakTflops: 71, params: 6.7e9 })?.kind).toBe('peak-compute');
    expect(physicalLimitFor(makeLocal({ benchmarkId: 'image.generate' }), {})).toBeNull();
  });
});
