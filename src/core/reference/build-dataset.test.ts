import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FiguresFileSchema } from '../../shared/domain/reference';
import { buildDataset, serialiseFigures } from './build-dataset';
import { defaultReferenceDir, FIGURES_FILE } from './load-reference';
import { RawFigureSchema } from './raw-figure';

const dir = defaultReferenceDir();
const committedText = readFileSync(join(dir, FIGURES_FILE), 'utf8');
const committed = FiguresFileSchema.parse(JSON.parse(committedText));
const sourceText = readFileSync(join(dir, 'source', 'public-figures.json'), 'utf8');
const raw = RawFigureSchema.array().parse(JSON.parse(sourceText));
const built = buildDataset(sourceText, {
  datasetVersion: committed.datasetVersion,
  generatedAt: committed.generatedAt,
  sourceFile: committed.sourceFile,
});

describe('buildDataset', () => {
  it('reproduces the committed figures.json byte for byte (the conversion is deterministic and up to date)', () => {
    expect(serialiseFigures(built)).toBe(committedText);
  });

  it('keeps every provenance field of every source record, camelCased and unchanged', () => {
    expect(built.records).toHaveLength(raw.length);
    built.records.forEach((record, index) => {
      const source = raw[index];
      expect(source).toBeDefined();
      if (!source) return;
      expect({
        gpu: record.gpu,
        gpu_variant: record.gpuVariant,
        gpu_key: record.gpuKey,
        suite: record.suite,
        benchmark_id: record.benchmarkId,
        model: record.model,
        settings: record.settings,
        metric: record.metric,
        unit: record.unit,
        higher_is_better: record.higherIsBetter,
        value: record.value,
        value_as_published: record.valueAsPublished,
        source_url: record.sourceUrl,
        source_title: record.sourceTitle,
        source_kind: record.sourceKind,
        note: record.note,
      }).toEqual(source);
      expect(record.sourceIndex).toBe(index);
    });
  });

  it('gives every record a unique id that does not depend on record order', () => {
    const ids = built.records.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    const reversed = buildDataset(JSON.stringify([...raw].reverse()), {
      datasetVersion: 'x',
      generatedAt: 'x',
      sourceFile: 'x',
    });
    expect(new Set(reversed.records.map((r) => r.id))).toEqual(new Set(ids));
  });

  it('uses the fixed source date, not the clock', () => {
    expect(built.generatedAt).toBe(committed.generatedAt);
    expect(built.generatedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('never gives suite "other" an engine, so it cannot join llama.cpp or Ollama results', () => {
    const other = built.records.filter((r) => r.suite === 'other');
    expect(other.length).toBeGreaterThan(0);
    for (const record of other) {
      expect(record.workload.engine).toBeNull();
      expect(record.workload.rigmarkBenchmarkId).toBeNull();
    }
  });

  it('derives llama-bench identities: pp512 → 512 prompt tokens, tg128 → 128 generated, backend, flash attention', () => {
    const tg = built.records.find(
      (r) => r.gpuKey === 'rtx-3090' && r.benchmarkId === 'llamacpp_llama2_7b_q4_0_tg128_fa0',
    );
    expect(tg?.workload).toMatchObject({
      rigmarkBenchmarkId: 'llamacpp.tg128',
      engine: 'llama.cpp',
      engineBuild: 'c76b420',
      modelKey: 'llama-2-7b',
      quant: 'Q4_0',
      promptTokens: null,
      genTokens: 128,
      concurrency: 1,
      backend: 'cuda',
      flashAttention: false,
    });
    const pp = built.records.find((r) => r.gpuKey === 'apple-m3-max-40-core-gpu' && r.benchmarkId.endsWith('q4_k_m_pp512'));
    expect(pp?.workload).toMatchObject({ rigmarkBenchmarkId: 'llamacpp.pp512', promptTokens: 512, backend: 'metal' });
  });

  it('maps the fleet figures to Rigmark benchmarks', () => {
    const byId = (id: string) => built.records.find((r) => r.benchmarkId === id)?.workload;
    expect(byId('trooper_vllm_qwen3_4b')).toMatchObject({
      rigmarkBenchmarkId: 'serving.throughput',
      engine: 'vllm',
      modelKey: 'qwen3-4b',
    });
    expect(byId('trooper_ollama_gpt_oss_20b')).toMatchObject({
      rigmarkBenchmarkId: 'ollama.generate',
      engine: 'ollama',
      modelKey: 'gpt-oss-20b',
      concurrency: 1,
    });
    expect(byId('trooper_image_sd35_large')).toMatchObject({ rigmarkBenchmarkId: 'image.generate', category: 'image' });
    expect(byId('trooper_vision_llava_1_5_7b')).toMatchObject({ rigmarkBenchmarkId: 'vision.throughput', category: 'vision' });
    expect(byId('vllm_qwen3_4b_fp8_dp2_tg')).toMatchObject({
      gpuCount: 2,
      quant: 'FP8',
      promptTokens: 4096,
      genTokens: 1024,
      flags: ['multi-gpu'],
    });
    expect(byId('vllm_qwen3_4b_fp8_dp2_total')?.rigmarkBenchmarkId).toBeNull();
  });

  it('states where each publication date came from', () => {
    const khmel = built.records.find((r) => r.sourceUrl.includes('pavlokhmel'));
    expect(khmel).toMatchObject({ publishedOn: '2026-06-07' });
    const smelt = built.records.find((r) => r.note.includes('Recipe date May 22, 2026'));
    expect(smelt).toMatchObject({ publishedOn: '2026-05-22', publishedOnBasis: "note states 'May 22, 2026'" });
    const trooper = built.records.find((r) => r.benchmarkId === 'trooper_vllm_qwen3_4b');
    expect(trooper).toMatchObject({ publishedOn: null, publishedOnBasis: 'not stated by the source' });
  });

  it('names the record index and field of a malformed source record', () => {
    const broken = JSON.stringify([raw[0], { ...raw[1], value: 'fast' }]);
    expect(() => buildDataset(broken, { datasetVersion: 'x', generatedAt: 'x', sourceFile: 'x' })).toThrow(
      /source record #1: value: .*expected number/,
    );
  });
});
