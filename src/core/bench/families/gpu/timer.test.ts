import { describe, expect, it } from 'vitest';
import { repeatsFor, timestampProblem } from './timer';

describe('repeatsFor', () => {
  it('repeats a dispatch until the batch reaches the minimum duration, within bounds', () => {
    expect(repeatsFor(10, 200)).toBe(20);
    expect(repeatsFor(300, 200)).toBe(1);
    expect(repeatsFor(0.001, 200, 1000)).toBe(1000);
    expect(repeatsFor(0, 200, 50)).toBe(50);
  });
});

describe('timestampProblem', () => {
  it('trusts a positive GPU time no longer than the wall time', () => {
    expect(timestampProblem({ gpuMs: 9.5, wallMs: 10 })).toBeNull();
  });

  it('rejects zero, negative (wrapped), missing or impossible GPU times', () => {
    expect(timestampProblem({ gpuMs: 0, wallMs: 10 })).toMatch(/timestamps looked wrong/);
    expect(timestampProblem({ gpuMs: -3, wallMs: 10 })).toMatch(/timestamps looked wrong/);
    expect(timestampProblem({ gpuMs: null, wallMs: 10 })).toMatch(/none/);
    expect(timestampProblem({ gpuMs: 50, wallMs: 10 })).toMatch(/GPU 50 ms/);
  });
});
