import { describe, expect, it } from 'vitest';
import { computeStats, isUnstable, needsAnotherRepetition, repetitionPolicy } from './stats';

describe('statistics of counted samples', () => {
  it('median of odd and even counts, sample stdev and CV', () => {
    expect(computeStats([3, 1, 2]).median).toBe(2);
    expect(computeStats([4, 1, 3, 2]).median).toBe(2.5);
    const s = computeStats([10, 12, 14]);
    expect(s.stdev).toBeCloseTo(2, 10);
    expect(s.cv).toBeCloseTo(2 / 12, 10);
    expect([s.min, s.max, s.count]).toEqual([10, 14, 3]);
  });

  it('is all nulls for no samples and ignores non-finite values', () => {
    expect(computeStats([]).median).toBeNull();
    expect(computeStats([NaN, Infinity, 5]).median).toBe(5);
  });

  it('adds repetitions while CV > 3.5 %, never beyond twice the plan', () => {
    const policy = repetitionPolicy(3);
    expect(needsAnotherRepetition([10, 10], policy)).toBe(true);
    expect(needsAnotherRepetition([10, 10, 10], policy)).toBe(false);
    expect(needsAnotherRepetition([10, 20, 10], policy)).toBe(true);
    expect(needsAnotherRepetition([10, 20, 10, 20, 10, 20], policy)).toBe(false);
    expect(isUnstable([10, 20, 10, 20, 10, 20], policy)).toBe(true);
    expect(isUnstable([100, 101, 102], policy)).toBe(false);
  });
});
