import { describe, expect, it } from 'vitest';
import { parseLlamaBenchJson } from './llama-bench-runner';

/** Two rows of `llama-bench -o json` as this llama.cpp release prints them (fields trimmed). */
const OUTPUT = JSON.stringify([
  { build_commit: '80fb11a', cpu_info: 'AMD EPYC', backends: 'CPU', n_threads: 2, n_prompt: 512, n_gen: 0, avg_ts: 190.5, stddev_ts: 4.1, samples_ts: [186.2, 190.1, 195.2] },
  { build_commit: '80fb11a', cpu_info: 'AMD EPYC', backends: 'CPU', n_threads: 2, n_prompt: 0, n_gen: 128, avg_ts: 39.8, stddev_ts: 0.9, samples_ts: [39.1, 39.6, 40.7] },
]);

describe('parseLlamaBenchJson', () => {
  it('reads pp and tg rows with their per-repetition samples', () => {
    const rows = parseLlamaBenchJson(OUTPUT);
    expect(rows.map((r) => [r.test, r.nPrompt, r.nGen, r.threads])).toEqual([
      ['pp', 512, 0, 2],
      ['tg', 0, 128, 2],
    ]);
    expect(rows[1]?.samplesTs).toEqual([39.1, 39.6, 40.7]);
    expect(rows[0]).toMatchObject({ avgTs: 190.5, buildCommit: '80fb11a', backends: 'CPU' });
  });

  it('refuses output that is not a JSON array', () => {
    expect(() => parseLlamaBenchJson('{"a":1}')).toThrow(/not a JSON array/);
  });
});
