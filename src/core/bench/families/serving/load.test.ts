import { describe, expect, it } from 'vitest';
import type { StreamOutcome } from './client';
import { percentile, summariseLevel } from './load';

describe('percentile', () => {
  it('interpolates linearly between ranks, as numpy does', () => {
    expect(percentile([10, 20, 30, 40], 50)).toBe(25);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 95)).toBeCloseTo(10.5);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('summariseLevel', () => {
  const stream = (startedAt: number, first: number, last: number, endedAt: number, tokens: number): StreamOutcome => ({
    startedAt, firstTokenAt: first, lastTokenAt: last, endedAt, outputTokens: tokens, isUsageReported: true, promptTokens: 40,
  });

  it('derives aggregate rate over the level wall time, TTFT percentiles and per-stream decode rate', () => {
    // Two streams of 101 tokens: first tokens at 100 and 300 ms, each decoding 100 more tokens in 1 s.
    const result = summariseLevel(2, 0, [stream(0, 100, 1100, 1100, 101), stream(0, 300, 1300, 1300, 101)]);
    expect(result.tokensPerSec).toBeCloseTo(202 / 1.3);
    expect(result.ttftP50Ms).toBe(200);
    expect(result.ttftP95Ms).toBeCloseTo(290);
    expect(result.perStreamTokensPerSec).toBeCloseTo(100);
    expect(result).toMatchObject({ outputTokens: 202, promptTokens: 40, isUsageReported: true });
  });
});
