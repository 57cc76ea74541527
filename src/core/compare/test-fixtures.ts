/**
 * Builders for small hand-made datasets. Used by tests only: they let a test state exactly the figures it
 * reasons about instead of depending on the bundled dataset's contents.
 */
import type { LocalResult } from '../../shared/domain/compare';
import type { CardMeta, ReferenceDataset, ReferenceRecord, Workload } from '../../shared/domain/reference';

let counter = 0;

export function makeWorkload(overrides: Partial<Workload> = {}): Workload {
  return {
    rigmarkBenchmarkId: 'llamacpp.tg128',
    category: 'llm',
    engine: 'llama.cpp',
    engineBuild: null,
    tool: 'llama-bench',
    modelKey: 'llama-2-7b',
    modelShape: 'llama-2-7b',
    quant: 'Q4_0',
    promptTokens: null,
    genTokens: 128,
    concurrency: 1,
    backend: 'cuda',
    flashAttention: false,
    gpuCount: 1,
    flags: [],
    ...overrides,
  };
}

export function makeRecord(
  overrides: Partial<Omit<ReferenceRecord, 'workload'>> & { workload?: Partial<Workload> } = {},
): ReferenceRecord {
  counter += 1;
  const { workload, ...rest } = overrides;
  return {
    id: `test/${counter}`,
    sourceIndex: counter,
    gpu: 'NVIDIA GeForce RTX 3090',
    gpuVariant: '',
    gpuKey: 'rtx-3090',
    suite: 'llamacpp',
    benchmarkId: 'llamacpp_llama2_7b_q4_0_tg128_fa0',
    model: 'Llama 2 7B Q4_0',
    settings: 'llama-bench',
    metric: 'text generation',
    unit: 'tokens/s',
    higherIsBetter: true,
    value: 100,
    valueAsPublished: '100',
    sourceUrl: 'https://example.org/source',
    sourceTitle: 'Example source',
    sourceKind: 'primary',
    note: '',
    publishedOn: null,
    publishedOnBasis: 'not stated by the source',
    workload: makeWorkload(workload),
    ...rest,
  };
}

export function makeCard(key: string, overrides: Partial<CardMeta> = {}): CardMeta {
  return {
    key,
    displayName: key.toUpperCase(),
    vendor: 'nvidia',
    gpuCount: 1,
    aliases: [],
    gpuCores: null,
    ...overrides,
  };
}

export function makeDataset(records: ReferenceRecord[], cards?: CardMeta[]): ReferenceDataset {
  const keys = [...new Set(records.map((r) => r.gpuKey))];
  return {
    datasetVersion: 'test',
    generatedAt: '2026-01-01',
    sourceFile: 'test',
    sourceSha256: '0'.repeat(64),
    records,
    cards: cards ?? keys.map((key) => makeCard(key)),
  };
}

/** A llama.cpp tg128 result on Llama 2 7B Q4_0, the identity the llama.cpp family writes. */
export function makeLocal(overrides: Partial<LocalResult> = {}): LocalResult {
  return {
    benchmarkId: 'llamacpp.tg128',
    category: 'llm',
    unit: 'tokens/s',
    higherIsBetter: true,
    median: 100,
    status: 'passed',
    identity: {
      engine: 'llama.cpp',
      engineVersion: '3.21.1',
      backend: 'cuda',
      modelKey: 'llama-2-7b',
      quant: 'Q4_0',
      isSynthetic: true,
      genTokens: 128,
      threads: 8,
      gpuLayers: 99,
      flashAttention: false,
    },
    ...overrides,
  };
}
