import type { Token } from 'node-llama-cpp';
import { describe, expect, it } from 'vitest';
import { promptTokens } from './workload';

describe('promptTokens', () => {
  it('starts with BOS and draws the rest inside the vocabulary', () => {
    const tokens = promptTokens(512, 128256, 128000 as Token);
    expect(tokens).toHaveLength(512);
    expect(tokens[0]).toBe(128000);
    expect(tokens.every((t) => Number.isInteger(t) && t >= 0 && t < 128256)).toBe(true);
    expect(new Set(tokens).size).toBeGreaterThan(400);
  });

  it('is the same on every run', () => {
    expect(promptTokens(64, 32000, null)).toEqual(promptTokens(64, 32000, null));
    expect(promptTokens(64, 32000, null, 1)).not.toEqual(promptTokens(64, 32000, null, 2));
  });
});
