import type { Category } from '../../shared/domain/benchmark';
import type { FigureFlag, Workload } from '../../shared/domain/reference';
import type { BackendName } from '../../shared/domain/system';
import { modelShapeOf, normaliseModelKey, normaliseQuant } from './model-key';
import type { RawFigure } from './raw-figure';

/** Edges that treat `_` as a separator, so `LLAMA_CUBLAS` and `CUDA_VISIBLE_DEVICES` count as CUDA mentions. */
const BACKEND_MENTION = /(?<![A-Za-z0-9])(CUDA|CUBLAS|Metal|ROCm|HIP|Vulkan)(?![A-Za-z0-9])/gi;

function toBackend(word: string): BackendName {
  const lower = word.toLowerCase();
  if (lower === 'cublas') return 'cuda';
  if (lower === 'hip') return 'rocm';
  return lower as BackendName;
}

/**
 * Backend as the settings state it: an explicit "backend X" wins (the Dai README settings name the CUDA build
 * command even for Apple rows); otherwise a single backend mentioned anywhere; otherwise unknown.
 */
export function parseBackend(settings: string): BackendName | null {
  const explicit = /\bbackend\s+'?(CUDA|Metal|ROCm|Vulkan)'?/i.exec(settings);
  if (explicit?.[1]) return toBackend(explicit[1]);
  const mentioned = new Set([...settings.matchAll(BACKEND_MENTION)].map((m) => toBackend(m[1] ?? '')));
  return mentioned.size === 1 ? ([...mentioned][0] ?? null) : null;
}

function parseFlashAttention(raw: RawFigure): boolean | null {
  const fromId = /_fa([01])(?:_|$)/.exec(raw.benchmark_id);
  if (fromId?.[1]) return fromId[1] === '1';
  const flag = /(?:^|\s)-fa\s+([01])\b/.exec(raw.settings);
  if (flag?.[1]) return flag[1] === '1';
  const words = /flash attention (on|off)\b/i.exec(raw.settings);
  return words?.[1] ? words[1].toLowerCase() === 'on' : null;
}

function parseConcurrency(settings: string): number | null {
  if (/one request at a time|only one parallel request|single[- ]user|single stream|single request/i.test(settings)) {
    return 1;
  }
  const burst = /(\d+) requests \(all sent at once\)/.exec(settings);
  return burst?.[1] ? Number(burst[1]) : null;
}

function parseLengths(settings: string): { promptTokens: number | null; genTokens: number | null } {
  const serve = /(\d+) input \/ (\d+) output tokens/.exec(settings);
  const offline = /input (\d+) tokens, output (\d+) tokens/.exec(settings);
  const hit = serve ?? offline;
  return { promptTokens: hit?.[1] ? Number(hit[1]) : null, genTokens: hit?.[2] ? Number(hit[2]) : null };
}

function deriveFlags(raw: RawFigure, gpuCount: number): FigureFlag[] {
  const flags: FigureFlag[] = [];
  if (/historical reference only|old build/i.test(raw.note)) flags.push('historical-build');
  if (/anomalous|kept as published|suspect/i.test(raw.note)) flags.push('suspect-value');
  if (gpuCount > 1 || /\bTWO GPUs\b/.test(raw.note)) flags.push('multi-gpu');
  if (/lower bound/i.test(`${raw.metric} ${raw.note}`) || raw.benchmark_id.endsWith('_min')) flags.push('lower-bound');
  if (/not yet checked/i.test(raw.note)) flags.push('unverified-transcription');
  return flags;
}

/** Fields every suite derives the same way; suites override what they know better. */
function baseWorkload(raw: RawFigure): Workload {
  const modelKey = normaliseModelKey(raw.model);
  const gpuCount = Number(/^(\d+)x-/.exec(raw.gpu_key)?.[1] ?? 1);
  return {
    rigmarkBenchmarkId: null,
    category: null,
    engine: null,
    engineBuild: null,
    tool: null,
    modelKey,
    modelShape: modelShapeOf(modelKey),
    quant: normaliseQuant(raw.model),
    ...parseLengths(raw.settings),
    concurrency: parseConcurrency(raw.settings),
    backend: parseBackend(raw.settings),
    flashAttention: parseFlashAttention(raw),
    gpuCount,
    flags: deriveFlags(raw, gpuCount),
  };
}

/** llama-bench ids end in `_pp512`/`_tg128`, optionally `_fa0`/`_fa1` and a `_2024_01` date tag. */
const LLAMA_BENCH_ID = /_(pp|tg)(\d+)(?:_fa[01])?(?:_\d{4}_\d{2})?$/;

function llamacppWorkload(raw: RawFigure): Workload {
  const base = baseWorkload(raw);
  const engineBuild = /llama\.cpp commit ([0-9a-f]{6,})/i.exec(raw.settings)?.[1] ?? null;
  // A scoreboard's title names its backend ("… on NVIDIA CUDA") where a row's settings do not.
  const backend = base.backend ?? parseBackend(raw.source_title);
  const common = { ...base, engine: 'llama.cpp' as const, engineBuild, backend, category: 'llm' as Category };
  const bench = LLAMA_BENCH_ID.exec(raw.benchmark_id);
  if (bench?.[1] && bench[2]) {
    const kind = bench[1];
    const tokens = Number(bench[2]);
    return {
      ...common,
      tool: 'llama-bench',
      rigmarkBenchmarkId: `llamacpp.${kind}${tokens}`,
      promptTokens: kind === 'pp' ? tokens : null,
      genTokens: kind === 'tg' ? tokens : null,
      // llama-bench evaluates one sequence at a time.
      concurrency: 1,
    };
  }
  if (/single_request$/.test(raw.benchmark_id)) {
    // llama-server answering one request at a time is Rigmark's serving benchmark at concurrency 1.
    return { ...common, tool: 'llama-server', rigmarkBenchmarkId: 'serving.throughput', category: 'serving' };
  }
  return { ...common, tool: /llama-bench/.test(raw.settings) ? 'llama-bench' : null };
}

function ollamaWorkload(raw: RawFigure): Workload {
  const engineBuild = /Ollama (\d+\.\d+(?:\.\d+)?)/.exec(raw.settings)?.[1] ?? null;
  const base = baseWorkload(raw);
  return {
    ...base,
    engine: 'ollama',
    engineBuild,
    tool: 'ollama',
    rigmarkBenchmarkId: 'ollama.generate',
    category: 'llm',
  };
}

function vllmWorkload(raw: RawFigure): Workload {
  const base = baseWorkload(raw);
  // Rigmark's serving benchmark reports aggregate *output* tokens/s; totals (TG+PP) and req/s have no twin.
  const isOutputTokens = raw.unit === 'tokens/s' && !/total token throughput/i.test(raw.metric);
  let tool: string | null = null;
  if (/vllm bench serve/.test(raw.settings)) tool = 'vllm bench serve';
  else if (/offline/.test(raw.settings)) tool = 'vllm offline';
  return {
    ...base,
    engine: 'vllm',
    tool,
    rigmarkBenchmarkId: isOutputTokens ? 'serving.throughput' : null,
    category: 'serving',
    quant: base.quant ?? (/16-bit weights/.test(raw.settings) ? '16-bit' : null),
  };
}

const SPEC_IDS: Readonly<Record<string, string>> = {
  spec_fp32_tflops: 'spec.fp32-tflops',
  spec_tf32_tensor_tflops_dense: 'spec.tf32-tensor-tflops',
  spec_fp16_tensor_tflops_dense: 'spec.fp16-tensor-tflops',
  spec_bf16_tensor_tflops_dense: 'spec.bf16-tensor-tflops',
  spec_mem_bw_gbs: 'spec.memory-bandwidth',
  spec_mem_bw_gbs_min: 'spec.memory-bandwidth-min',
  spec_vram_gb: 'spec.vram',
  spec_tdp_w: 'spec.tdp',
};

function specWorkload(raw: RawFigure): Workload {
  const base = baseWorkload(raw);
  return { ...base, rigmarkBenchmarkId: SPEC_IDS[raw.benchmark_id] ?? `spec.${raw.benchmark_id}`, quant: null };
}

/**
 * The workload identity of one raw record. Suite `other` never gets an engine (the source does not state it), so
 * it can never be joined with llama.cpp or Ollama results.
 */
export function deriveWorkload(raw: RawFigure): Workload {
  switch (raw.suite) {
    case 'llamacpp':
      return llamacppWorkload(raw);
    case 'ollama':
      return ollamaWorkload(raw);
    case 'vllm':
      return vllmWorkload(raw);
    case 'image':
      return { ...baseWorkload(raw), rigmarkBenchmarkId: 'image.generate', category: 'image' };
    case 'vision':
      return { ...baseWorkload(raw), rigmarkBenchmarkId: 'vision.throughput', category: 'vision' };
    case 'spec':
      return specWorkload(raw);
    case 'other':
      return { ...baseWorkload(raw), engine: null, rigmarkBenchmarkId: null, category: 'llm' };
  }
}
