import type { CardCell, CardComparison, FigureRef, RunComparisonView, UpgradeGain } from '../../../shared/domain/compare';
import type { ModelsView } from '../../../shared/domain/models';
import type { CardSummary } from '../../../shared/domain/reference';

/**
 * Contract-valid comparison data for component tests. The published figures, sources and match labels are copied
 * from what core answers over the bundled dataset; "yours" values are test inputs, not measurements.
 */
const TROOPER = { sourceTitle: 'A100 vs RTX 4090 - GPU Benchmark Comparison (Trooper.AI)', sourceUrl: 'https://james19.trooper.ai/benchmarks-compare-A100-with-RTX-4090' };
const SCOREBOARD = {
  sourceTitle: "llama.cpp discussion #15013 'Performance of llama.cpp on NVIDIA CUDA' (scoreboard)",
  sourceUrl: 'https://github.com/ggml-org/llama.cpp/discussions/15013',
};

function figure(overrides: Partial<FigureRef> & Pick<FigureRef, 'recordId' | 'gpuKey' | 'gpu' | 'value' | 'unit' | 'sourceTitle' | 'sourceUrl'>): FigureRef {
  return {
    gpuVariant: '',
    valueAsPublished: String(overrides.value),
    settings: '',
    settingsSummary: '',
    sourceKind: 'primary',
    publishedOn: null,
    note: '',
    ...overrides,
  };
}

const tg4090 = figure({
  recordId: 'rtx-4090/llamacpp_llama2_7b_q4_0_tg128_fa0/ac1abfb2',
  gpuKey: 'rtx-4090',
  gpu: 'NVIDIA GeForce RTX 4090',
  value: 186.21,
  unit: 'tokens/s',
  settings: 'llama-bench -m llama-2-7b.Q4_0.gguf -ngl 99 -fa 0 (Llama 2 7B Q4_0, 3.56 GiB); single GPU; backend CUDA',
  settingsSummary: 'tg128 · CUDA · Q4_0 · llama-bench',
  sourceKind: 'secondary',
  ...SCOREBOARD,
});
const tg3090 = figure({ ...tg4090, recordId: 'rtx-3090/llamacpp_llama2_7b_q4_0_tg128_fa0/a17ef448', gpuKey: 'rtx-3090', gpu: 'NVIDIA GeForce RTX 3090', value: 158.16 });
const tg3090Old = figure({
  recordId: 'rtx-3090/llamacpp_llama_7b_q4_0_tg128_2024_01/6b3e4a95',
  gpuKey: 'rtx-3090',
  gpu: 'NVIDIA GeForce RTX 3090',
  value: 121.82,
  unit: 'tokens/s',
  sourceTitle: "llama.cpp PR #4766 'llama : ggml-backend integration'",
  sourceUrl: 'https://github.com/ggml-org/llama.cpp/pull/4766',
  publishedOn: '2024-01',
});
const ollamaA100 = figure({ recordId: 'a100/trooper_ollama_gpt_oss_20b/74c03787', gpuKey: 'a100', gpu: 'NVIDIA A100', value: 150, unit: 'tokens/s', ...TROOPER });
const ollama4090 = figure({ recordId: 'rtx-4090/trooper_ollama_gpt_oss_20b/940404fa', gpuKey: 'rtx-4090', gpu: 'NVIDIA GeForce RTX 4090', value: 183, unit: 'tokens/s', ...TROOPER });

const CLOSE_TG = ['backend cuda vs yours vulkan', 'transcribed from a compilation, not yet checked', 'your weights are synthetic (same shapes)'];
const none = (cardKey: string): CardCell => ({ cardKey, picked: null, ratio: null, deltaPct: null, reason: 'no published figure for this workload', isWin: null, alternatives: [] });

export const CARD_LIST = [
  { key: 'a100', displayName: 'NVIDIA A100' },
  { key: 'rtx-4090', displayName: 'NVIDIA GeForce RTX 4090' },
  { key: 'rtx-3090', displayName: 'NVIDIA GeForce RTX 3090' },
];

export const SCORE_FORMULA =
  'Rigmark Score = 100 × geometric mean, over your benchmarks that have an RTX 3090 figure, of (yours ÷ RTX 3090); for lower-is-better units (s/image) the ratio is inverted, so an RTX 3090 scores 100 and higher is faster';

export const comparisonWithMatches: RunComparisonView = {
  runId: 7,
  yourGpu: { detectedName: 'AMD Radeon RX 7900 XTX', referenceKey: 'amd-radeon-rx-7900-xtx' },
  comparableBenchmarkIds: ['llamacpp.pp512', 'llamacpp.tg128', 'ollama.generate', 'serving.throughput', 'image.generate', 'vision.throughput'],
  comparison: {
    kind: 'run',
    cards: CARD_LIST,
    rows: [
      {
        benchmarkId: 'llamacpp.tg128',
        identity: { engine: 'llama.cpp', backend: 'vulkan', modelKey: 'llama-2-7b', quant: 'Q4_0', isSynthetic: true, genTokens: 128 },
        category: 'llm',
        unit: 'tokens/s',
        higherIsBetter: true,
        yours: 120.5,
        status: 'passed',
        skippedReason: null,
        cards: [
          none('a100'),
          { cardKey: 'rtx-4090', picked: { figure: tg4090, match: 'close', labels: CLOSE_TG }, ratio: 0.6471, deltaPct: -35.29, reason: null, isWin: false, alternatives: [] },
          {
            cardKey: 'rtx-3090',
            picked: { figure: tg3090, match: 'close', labels: CLOSE_TG },
            ratio: 0.7619,
            deltaPct: -23.81,
            reason: null,
            isWin: false,
            alternatives: [
              { figure: tg3090Old, match: 'close', labels: ['historical engine build (source calls it old)'], ratio: 0.989, deltaPct: -1.08, reason: null },
            ],
          },
        ],
      },
      {
        benchmarkId: 'ollama.generate',
        identity: {},
        category: 'llm',
        unit: 'tokens/s',
        higherIsBetter: true,
        yours: 200,
        status: 'passed',
        skippedReason: null,
        cards: [
          { cardKey: 'a100', picked: { figure: ollamaA100, match: 'exact', labels: [] }, ratio: 1.3333, deltaPct: 33.33, reason: null, isWin: true, alternatives: [] },
          { cardKey: 'rtx-4090', picked: { figure: ollama4090, match: 'exact', labels: [] }, ratio: 1.0929, deltaPct: 9.29, reason: null, isWin: true, alternatives: [] },
          none('rtx-3090'),
        ],
      },
      {
        benchmarkId: 'system.memory',
        identity: {},
        category: 'system',
        unit: 'GB/s',
        higherIsBetter: true,
        yours: 12,
        status: 'passed',
        skippedReason: null,
        cards: [none('a100'), none('rtx-4090'), none('rtx-3090')],
      },
    ],
    categories: [
      { category: 'llm', cardKey: 'a100', medianRatio: 1.3333, medianDeltaPct: 33.33, wins: 1, total: 1 },
      { category: 'llm', cardKey: 'rtx-4090', medianRatio: 0.82, medianDeltaPct: -18, wins: 1, total: 2 },
      { category: 'llm', cardKey: 'rtx-3090', medianRatio: 0.7619, medianDeltaPct: -23.81, wins: 0, total: 1 },
      { category: 'system', cardKey: 'a100', medianRatio: null, medianDeltaPct: null, wins: 0, total: 0 },
      { category: 'system', cardKey: 'rtx-4090', medianRatio: null, medianDeltaPct: null, wins: 0, total: 0 },
      { category: 'system', cardKey: 'rtx-3090', medianRatio: null, medianDeltaPct: null, wins: 0, total: 0 },
    ],
    score: {
      value: 76.19,
      referenceCardKey: 'rtx-3090',
      benchmarkCount: 1,
      entries: [{ benchmarkId: 'llamacpp.tg128', ratio: 0.7619, recordId: tg3090.recordId, match: 'close' }],
      reason: null,
      formula: SCORE_FORMULA,
    },
    nearestCard: null,
  },
};

/** A system-only run: nothing in it has published figures. */
export const comparisonWithoutMatches: RunComparisonView = {
  ...comparisonWithMatches,
  runId: 8,
  yourGpu: { detectedName: null, referenceKey: null },
  comparison: {
    ...comparisonWithMatches.comparison,
    rows: [{ benchmarkId: 'system.memory', identity: {}, category: 'system', unit: 'GB/s', higherIsBetter: true, yours: 12, status: 'passed', skippedReason: null, cards: [none('a100'), none('rtx-4090')] }],
    cards: CARD_LIST.slice(0, 2),
    categories: [],
    score: { value: null, referenceCardKey: 'rtx-3090', benchmarkCount: 0, entries: [], reason: 'no benchmark has a rtx-3090 figure', formula: SCORE_FORMULA },
    nearestCard: null,
  },
};

export const upgradeTo4090: UpgradeGain = {
  targetKey: 'rtx-4090',
  displayName: 'NVIDIA GeForce RTX 4090',
  rows: [
    { benchmarkId: 'llamacpp.tg128', identity: { modelKey: 'llama-2-7b', quant: 'Q4_0', isSynthetic: true, genTokens: 128 }, category: 'llm', unit: 'tokens/s', yours: 120.5, target: { figure: tg4090, match: 'close', labels: CLOSE_TG }, ratio: 1.5453, deltaPct: 54.53, reason: null },
    { benchmarkId: 'system.memory', identity: {}, category: 'system', unit: 'GB/s', yours: 12, target: null, ratio: null, deltaPct: null, reason: 'no published figure for this workload' },
  ],
  categories: [
    { category: 'llm', medianRatio: 1.5453, medianDeltaPct: 54.53, count: 1 },
    { category: 'system', medianRatio: null, medianDeltaPct: null, count: 0 },
  ],
};

const noSpecs: CardSummary['specs'] = { vramGB: null, memoryBandwidthGBps: null, fp32Tflops: null, fp16TensorTflops: null, bf16TensorTflops: null, tdpW: null };

export const referenceCards: CardSummary[] = [
  {
    key: 'a100',
    displayName: 'NVIDIA A100',
    vendor: 'nvidia',
    gpuCount: 1,
    variants: ['PCIe 80GB', 'SXM4 80GB'],
    figureCount: 90,
    specs: {
      ...noSpecs,
      memoryBandwidthGBps: {
        value: 2039,
        unit: 'GB/s',
        basis: 'spec-record',
        recordId: 'a100/spec_mem_bw_gbs/eb9d154f',
        variant: 'SXM4 80GB',
        valueAsPublished: '2,039GB/s',
        sourceTitle: 'Thunder Compute - NVIDIA A100 Specifications (updated May 21, 2026)',
        sourceUrl: 'https://www.thundercompute.com/blog/nvidia-a100-specs-full-guide',
        sourceKind: 'secondary',
        note: '',
        rule: 'requested variant first (form factor and memory size); primary before secondary source; newest first',
        alternatives: [],
      },
    },
  },
  { key: 'rtx-4090', displayName: 'NVIDIA GeForce RTX 4090', vendor: 'nvidia', gpuCount: 1, variants: [], figureCount: 57, specs: noSpecs },
  { key: 'rtx-3090', displayName: 'NVIDIA GeForce RTX 3090', vendor: 'nvidia', gpuCount: 1, variants: [], figureCount: 28, specs: noSpecs },
  { key: 'amd-radeon-rx-7900-xtx', displayName: 'AMD Radeon RX 7900 XTX', vendor: 'amd', gpuCount: 1, variants: [], figureCount: 2, specs: noSpecs },
];

function pair(id: string, model: string, metric: string, unit: string, higherIsBetter: boolean, ref: number, vs: number, deltaPct: number): CardComparison['rows'][number] {
  const side = (gpuKey: string, gpu: string, value: number): FigureRef =>
    figure({ recordId: `${gpuKey}/${id}/0`, gpuKey, gpu, value, unit, ...TROOPER });
  return {
    sourceBenchmarkId: id,
    rigmarkBenchmarkId: null,
    category: null,
    model,
    metric,
    unit,
    higherIsBetter,
    ref: side('a100', 'NVIDIA A100', ref),
    vs: side('rtx-4090', 'NVIDIA GeForce RTX 4090', vs),
    isSameSource: true,
    labels: [],
    ratio: 1 + deltaPct / 100,
    deltaPct,
    reason: null,
  };
}

/** The four Trooper.AI fleet figures, A100 vs RTX 4090, as core pairs them. */
export const a100Vs4090: CardComparison = {
  kind: 'cards',
  refKey: 'a100',
  vsKey: 'rtx-4090',
  refDisplayName: 'NVIDIA A100',
  vsDisplayName: 'NVIDIA GeForce RTX 4090',
  pairingRule: 'figures pair when they share the source benchmark id, unit and workload identity; a shared source is preferred',
  rows: [
    pair('trooper_vllm_qwen3_4b', 'Qwen/Qwen3-4B', 'throughput', 'tokens/s', true, 826, 706, 16.997),
    pair('trooper_ollama_gpt_oss_20b', 'gpt-oss:20b', 'generation speed', 'tokens/s', true, 150, 183, -18.033),
    pair('trooper_image_sd35_large', 'sd3.5-large', 'time per image', 's/image', false, 15, 58, 286.667),
    pair('trooper_vision_llava_1_5_7b', 'llava-1.5-7b', 'throughput', 'images/min', true, 282, 217, 29.954),
  ],
  categories: [{ category: 'llm', medianRatio: 0.82, medianDeltaPct: -18.03, refWins: 0, total: 1 }],
};

export const modelsView: ModelsView = {
  modelsDir: '/home/test/.local/share/rigmark/models',
  synthetic: [
    { name: 'tiny', displayName: 'Tiny test shape', quantization: 'Q4_0', parameterCount: 2_359_296, sizeBytes: 1_400_000, isGenerated: false, path: null },
    {
      name: 'llama-2-7b-q4_0',
      displayName: 'Llama 2 7B Q4_0',
      quantization: 'Q4_0',
      parameterCount: 6_738_415_616,
      sizeBytes: 3_825_065_984,
      isGenerated: true,
      path: '/home/test/.local/share/rigmark/models/llama-2-7b-q4_0.gguf',
    },
  ],
  models: [
    {
      id: 'file:/models/mistral.gguf',
      source: 'file',
      path: '/models/mistral.gguf',
      sizeBytes: 4_368_439_584,
      displayName: 'mistral.gguf',
      info: {
        ok: true,
        summary: { architecture: 'llama', name: 'Mistral 7B', quantization: 'Q4_K_M', parameterCount: 7_241_732_096, contextLength: 32768, embeddingLength: 4096, blockCount: 32, vocabSize: 32000, tensorCount: 291, isSynthetic: false },
      },
      sha256: null,
    },
    {
      id: 'file:/models/broken.gguf',
      source: 'file',
      path: '/models/broken.gguf',
      sizeBytes: 1024,
      displayName: 'broken.gguf',
      info: { ok: false, error: { code: 'BAD_MAGIC', message: 'not a GGUF file (magic 0x00000000)' } },
      sha256: null,
    },
  ],
};
