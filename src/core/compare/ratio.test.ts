import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deltaPctOf, directionAwareRatio, formatDeltaPct, geometricMean, median, medianRatio } from './ratio';

/** Any number a result could hold, including the ones that must never reach a ratio. */
const anyValue = fc.oneof(
  fc.double(),
  fc.constantFrom(0, -0, -1, 1e308, -1e308, 5e-324, Number.MAX_VALUE, Number.MIN_VALUE, NaN, Infinity, -Infinity),
  fc.constant(null),
  fc.constant(undefined),
);
const positive = fc.double({ min: 1e-6, max: 1e9, noNaN: true });

describe('directionAwareRatio', () => {
  it('divides yours by the reference when higher is better, and inverts for lower-is-better units', () => {
    expect(directionAwareRatio(826, 706, true).ratio).toBeCloseTo(1.16997, 5);
    expect(directionAwareRatio(15, 58, false).ratio).toBeCloseTo(58 / 15, 12);
    expect(directionAwareRatio(15, 58, false).deltaPct).toBeCloseTo(286.667, 3);
  });

  it('gives null with a reason for missing, zero, negative and non-finite values', () => {
    expect(directionAwareRatio(null, 10, true)).toEqual({ ratio: null, deltaPct: null, reason: 'your value missing' });
    expect(directionAwareRatio(10, 0, true).reason).toBe('reference value is zero');
    expect(directionAwareRatio(-3, 10, true).reason).toBe('your value is negative');
    expect(directionAwareRatio(Number.NaN, 10, true).reason).toBe('your value is not a finite number');
    expect(directionAwareRatio(1e308, 1e-308, true).reason).toBe('ratio out of representable range');
  });

  it('never returns NaN or Infinity, whatever the inputs (property)', () => {
    fc.assert(
      fc.property(anyValue, anyValue, fc.boolean(), (a, b, higher) => {
        const r = directionAwareRatio(a, b, higher);
        if (r.ratio === null) {
          expect(r.deltaPct).toBeNull();
          expect(r.reason).not.toBeNull();
        } else {
          expect(Number.isFinite(r.ratio) && r.ratio > 0).toBe(true);
          expect(Number.isFinite(r.deltaPct)).toBe(true);
          expect(r.reason).toBeNull();
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('is symmetric under direction inversion: lower-is-better(a, b) = higher-is-better(b, a) = 1 / higher(a, b)', () => {
    fc.assert(
      fc.property(positive, positive, (a, b) => {
        const lower = directionAwareRatio(a, b, false).ratio;
        expect(lower).toBe(directionAwareRatio(b, a, true).ratio);
        const higher = directionAwareRatio(a, b, true).ratio;
        expect(lower).not.toBeNull();
        expect(higher).not.toBeNull();
        expect((lower as number) * (higher as number)).toBeCloseTo(1, 9);
      }),
    );
  });

  it('scores equal values exactly 1 in both directions (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: Number.MIN_VALUE, max: Number.MAX_VALUE, noNaN: true }), fc.boolean(), (v, higher) => {
        expect(directionAwareRatio(v, v, higher)).toEqual({ ratio: 1, deltaPct: 0, reason: null });
      }),
    );
  });
});

describe('medianRatio', () => {
  it('is the middle ratio of an odd list and the geometric mean of the two middle ones of an even list', () => {
    expect(medianRatio([3, 1, 2])).toBe(2);
    expect(medianRatio([1, 4])).toBe(2);
    expect(medianRatio([0, -1, Number.NaN])).toBeNull();
  });

  it('inverts with its ratios: the median of the inverses is the inverse of the median (one fact, either side)', () => {
    const ratios = [486, 68.7];
    expect(medianRatio(ratios.map((r) => 1 / r))).toBeCloseTo(1 / (medianRatio(ratios) ?? 0), 12);
    const four = [0.5, 1.2, 3, 40];
    expect(medianRatio(four.map((r) => 1 / r))).toBeCloseTo(1 / (medianRatio(four) ?? 0), 12);
  });
});

describe('median and geometricMean', () => {
  it('computes the median of odd and even lists and ignores non-finite entries', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([Number.NaN, 5])).toBe(5);
    expect(median([])).toBeNull();
  });

  it('computes geometric means through logs and never overflows (property)', () => {
    expect(geometricMean([2, 8])).toBeCloseTo(4, 12);
    expect(geometricMean([])).toBeNull();
    fc.assert(
      fc.property(fc.array(anyValue.map((v) => (typeof v === 'number' ? v : 0))), (values) => {
        const g = geometricMean(values);
        expect(g === null || (Number.isFinite(g) && g > 0)).toBe(true);
      }),
    );
  });
});

describe('formatDeltaPct and deltaPctOf', () => {
  it('formats signed percentages with a true minus sign', () => {
    expect(formatDeltaPct(16.997)).toBe('+17.0 %');
    expect(formatDeltaPct(-18.03)).toBe('−18.0 %');
    expect(formatDeltaPct(0.01)).toBe('0.0 %');
    expect(formatDeltaPct(null)).toBe('—');
    expect(deltaPctOf(1.5)).toBe(50);
    expect(deltaPctOf(Number.MAX_VALUE)).toBeNull();
  });
});
