import { describe, expect, it } from 'vitest';
import { formatFactor, invertRatio, speedFactor, speedRatioText, workloadCountText } from './speed-ratio';

describe('speedRatioText', () => {
  it('names the slower direction with the inverse factor: 1/486 reads "486× slower"', () => {
    expect(speedRatioText(1 / 486)).toBe('486× slower');
    expect(speedRatioText(1 / 407)).toBe('407× slower');
  });

  it('names the faster direction with three significant digits', () => {
    expect(speedRatioText(1.1734)).toBe('1.17× faster');
    expect(speedRatioText(12.34)).toBe('12.3× faster');
    expect(speedRatioText(2345.6)).toBe('2,346× faster');
  });

  it('calls a ratio that rounds to 1 "same speed", never "1× faster"', () => {
    expect(speedRatioText(1.004)).toBe('same speed');
    expect(speedRatioText(0.996)).toBe('same speed');
    expect(speedRatioText(1.006)).toBe('1.01× faster');
  });

  it('gives a dash for a missing, zero, negative or non-finite ratio', () => {
    for (const bad of [null, undefined, 0, -2, Number.NaN, Number.POSITIVE_INFINITY]) expect(speedRatioText(bad)).toBe('—');
  });
});

describe('speedFactor', () => {
  it('is symmetric: r and 1/r give the same factor in opposite directions', () => {
    const a = speedFactor(3.2);
    const b = speedFactor(1 / 3.2);
    expect(a?.direction).toBe('faster');
    expect(b?.direction).toBe('slower');
    expect(a?.factor).toBeCloseTo(b?.factor ?? 0, 12);
  });
});

describe('formatFactor and workloadCountText', () => {
  it('formats factors and counts in words', () => {
    expect(formatFactor(1.5)).toBe('1.5');
    expect(formatFactor(486.2)).toBe('486');
    expect(workloadCountText(1)).toBe('1 workload');
    expect(workloadCountText(17)).toBe('17 workloads');
  });
});

describe('invertRatio', () => {
  it('turns a gain of 486× into yours 486× slower with the same ±% Compare shows', () => {
    const yours = invertRatio(486);
    expect(speedRatioText(yours.ratio)).toBe('486× slower');
    expect(yours.deltaPct).toBeCloseTo((1 / 486 - 1) * 100, 9);
    expect(invertRatio(null)).toEqual({ ratio: null, deltaPct: null });
    expect(invertRatio(0)).toEqual({ ratio: null, deltaPct: null });
  });
});
