import { describe, expect, it } from 'vitest';
import { loadReference } from '../reference/load-reference';
import { benchmarkKind, matchFigure, matchFigures } from './match-figures';
import { makeDataset, makeLocal, makeRecord } from './test-fixtures';

describe('matchFigure', () => {
  it('is exact when engine, model, quantisation, lengths, concurrency and backend agree', () => {
    const match = matchFigure(makeLocal(), makeRecord());
    expect(match).toMatchObject({ match: 'exact', differences: 0 });
    expect(match?.labels).toContain('your weights are synthetic (same shapes)');
  });

  it('is close, and says why, when only the backend or flash attention differs', () => {
    const vulkan = matchFigure(makeLocal(), makeRecord({ workload: { backend: 'vulkan' } }));
    expect(vulkan).toMatchObject({ match: 'close', labels: expect.arrayContaining(['backend vulkan vs yours cuda']) });
    const fa = matchFigure(makeLocal(), makeRecord({ workload: { flashAttention: true } }));
    expect(fa?.labels).toContain('flash attention true vs yours false');
  });

  it('does not match another model, quantisation, prompt length or concurrency', () => {
    expect(matchFigure(makeLocal(), makeRecord({ workload: { modelKey: 'llama-3-8b', modelShape: 'llama-3-8b' } }))).toBeNull();
    expect(matchFigure(makeLocal(), makeRecord({ workload: { quant: 'Q4_K_M' } }))).toBeNull();
    const pp = makeLocal({
      benchmarkId: 'llamacpp.pp512',
      identity: { ...makeLocal().identity, genTokens: null, promptTokens: 512 },
    });
    const pp1024 = { rigmarkBenchmarkId: 'llamacpp.pp1024', promptTokens: 1024, genTokens: null };
    expect(matchFigure(pp, makeRecord({ workload: pp1024 }))).toBeNull();
    const serving = makeLocal({
      benchmarkId: 'serving.throughput',
      category: 'serving',
      identity: { engine: 'vllm', modelKey: 'qwen3-4b', quant: 'F16', concurrency: 16 },
    });
    const fig = {
      rigmarkBenchmarkId: 'serving.throughput',
      engine: 'vllm' as const,
      modelKey: 'qwen3-4b',
      modelShape: 'qwen3-4b',
      quant: null,
      genTokens: null,
    };
    expect(matchFigure(serving, makeRecord({ workload: { ...fig, concurrency: 32 } }))).toBeNull();
    expect(matchFigure(serving, makeRecord({ workload: { ...fig, concurrency: null } }))).toMatchObject({
      match: 'close',
      labels: expect.arrayContaining(['concurrency not stated by source', 'quantisation not stated by source']),
    });
  });

  it('accepts a same-shape model (LLaMA 1 7B for Llama 2 7B) as close', () => {
    const match = matchFigure(makeLocal(), makeRecord({ workload: { modelKey: 'llama-7b', modelShape: 'llama-2-7b' } }));
    expect(match?.match).toBe('close');
  });

  it('accepts a tg512 figure for a tg128 result as close, but not tg1024 (beyond MAX_GEN_LENGTH_FACTOR)', () => {
    const tg512 = makeRecord({ workload: { rigmarkBenchmarkId: 'llamacpp.tg512', genTokens: 512 } });
    expect(matchFigure(makeLocal(), tg512)?.labels).toContain('generation length 512 vs yours 128');
    const tg1024 = makeRecord({ workload: { rigmarkBenchmarkId: 'llamacpp.tg1024', genTokens: 1024 } });
    expect(matchFigure(makeLocal(), tg1024)).toBeNull();
  });

  it('never matches a figure whose engine is not stated with a llama.cpp or Ollama result', () => {
    const unstated = makeRecord({ suite: 'other', workload: { engine: null } });
    expect(matchFigure(makeLocal(), unstated)).toBeNull();
    const ollama = makeLocal({ benchmarkId: 'ollama.generate', identity: { engine: 'ollama', modelKey: 'llama-2-7b' } });
    expect(matchFigure(ollama, makeRecord({ workload: { rigmarkBenchmarkId: 'ollama.generate', engine: null } }))).toBeNull();
  });

  it('does not match across units or directions', () => {
    expect(matchFigure(makeLocal(), makeRecord({ unit: 'req/s' }))).toBeNull();
    expect(matchFigure(makeLocal(), makeRecord({ higherIsBetter: false }))).toBeNull();
  });

  it('reads lengths from a llama.cpp benchmark id when the identity lacks them', () => {
    const local = makeLocal({ identity: { engine: 'llama.cpp', modelKey: 'llama-2-7b', quant: 'q4_0' } });
    expect(matchFigure(local, makeRecord())?.match).toBe('exact');
    expect(benchmarkKind('llamacpp.tg128')).toBe('llamacpp.tg');
    expect(benchmarkKind('serving.throughput')).toBe('serving.throughput');
  });
});

describe('matchFigures ranking', () => {
  it('puts exact before close, then primary before secondary, then newest first', () => {
    const closeNew = makeRecord({ publishedOn: '2026-01', workload: { backend: 'vulkan' } });
    const secondary = makeRecord({ sourceKind: 'secondary', publishedOn: '2026-06' });
    const oldPrimary = makeRecord({ publishedOn: '2024-05' });
    const newPrimary = makeRecord({ publishedOn: '2025-12-18' });
    const ranked = matchFigures(makeLocal(), makeDataset([closeNew, secondary, oldPrimary, newPrimary]));
    expect(ranked.map((m) => m.figure.id)).toEqual([newPrimary.id, oldPrimary.id, secondary.id, closeNew.id]);
  });

  it('picks the scoreboard figure (exact) over the older same-shape primary figure for a local Llama 2 7B run', () => {
    const dataset = loadReference();
    const [best, ...rest] = matchFigures(makeLocal(), dataset).filter((m) => m.figure.gpuKey === 'rtx-3090');
    expect(best).toMatchObject({ match: 'exact', figure: { value: 158.16 } });
    expect(rest.map((m) => m.figure.value)).toEqual([121.82]);
  });

  it('matches no suite "other" figure from the bundled dataset with llama.cpp or Ollama results', () => {
    const dataset = loadReference();
    const locals = [
      makeLocal({ identity: { engine: 'llama.cpp', modelKey: 'gpt-oss-20b' } }),
      makeLocal({ benchmarkId: 'ollama.generate', identity: { engine: 'ollama', modelKey: 'gpt-oss-20b' } }),
      makeLocal({ benchmarkId: 'serving.throughput', category: 'serving', identity: { engine: 'llama.cpp', modelKey: 'gpt-oss-20b', concurrency: 1 } }),
    ];
    for (const local of locals) {
      for (const match of matchFigures(local, dataset)) expect(match.figure.suite).not.toBe('other');
    }
  });
});

describe('local quantisation spellings', () => {
  it('reads GGUF file-type names and treats "unknown" as unknown (close, not a mismatch)', () => {
    const mostly = makeLocal({ identity: { ...makeLocal().identity, quant: 'MOSTLY_Q4_0' } });
    expect(matchFigure(mostly, makeRecord())?.match).toBe('exact');
    const unknown = makeLocal({ identity: { ...makeLocal().identity, quant: 'unknown' } });
    expect(matchFigure(unknown, makeRecord())?.labels).toContain('your quantisation unknown');
  });
});
