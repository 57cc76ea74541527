import type { Identity } from '../domain/benchmark';
import { IDENTITY_KEYS } from '../domain/compare';

/**
 * Workloads in words, for every shell: what was run ("Prompt processing · 512 tokens"), on which model
 * ("Llama 3 8B Q4_K_M, synthetic") and a one-line settings summary ("pp512 · CUDA · Q4_K_M") that stands in for a
 * source's full settings text, which stays one click away.
 */

const BACKEND_WORDS: Record<string, string> = { cuda: 'CUDA', rocm: 'ROCm', metal: 'Metal', vulkan: 'Vulkan', cpu: 'CPU' };
const UPPER_WORDS = new Set(['gpt', 'oss', 'moe', 'vl', 'sd', 'sdxl', 'xl', 'it', 'ocr', 'lfm']);
/** Model families whose own spelling is not plain capitalisation. */
const FAMILY_NAMES: Record<string, string> = { codellama: 'CodeLlama', deepseek: 'DeepSeek', llava: 'LLaVA', trocr: 'TrOCR', flux: 'FLUX', phi: 'Phi' };

/** "llama-3-8b" → "Llama 3 8B", "gpt-oss-20b" → "GPT-OSS 20B", "qwen3-4b" → "Qwen3 4B". */
export function modelKeyText(modelKey: string): string {
  const words = modelKey
    .replace(/^gpt-oss/i, 'gpt\u2011oss')
    .split('-')
    .filter((w) => w !== '')
    .map((w) => {
      const lower = w.toLowerCase();
      if (FAMILY_NAMES[lower] !== undefined) return FAMILY_NAMES[lower];
      // Sizes and size-like tags: 8b, 1.2b, e4b (Gemma's effective size), a3b (active parameters).
      if (/^[ea]?\d+(\.\d+)?[bkm]$/i.test(w)) return w.toUpperCase();
      // A family name with a version glued on: sd3.5, lfm2.5, qwen3.
      const glued = /^([a-z]+)(\d+(\.\d+)?)$/i.exec(w);
      if (glued !== null && UPPER_WORDS.has((glued[1] ?? '').toLowerCase())) return w.toUpperCase();
      if (w.includes('\u2011')) return w.split('\u2011').map((p) => p.toUpperCase()).join('-');
      if (UPPER_WORDS.has(w.toLowerCase())) return w.toUpperCase();
      return `${w.charAt(0).toUpperCase()}${w.slice(1)}`;
    });
  return words.join(' ');
}

function text(identity: Identity, key: string): string | null {
  const value = identity[key];
  return value === undefined || value === null || value === '' ? null : String(value);
}

function numberOf(identity: Identity, key: string): number | null {
  const value = identity[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** The model a result ran, in words: "Llama 3 8B Q4_K_M (synthetic)"; null when the result names none. */
export function modelText(identity: Identity): string | null {
  const modelKey = text(identity, IDENTITY_KEYS.modelKey);
  if (modelKey === null) return null;
  const quant = text(identity, IDENTITY_KEYS.quant);
  const name = [modelKeyText(modelKey), quant === null || quant === 'unknown' ? null : quant.replace(/^MOSTLY_/i, '')].filter(Boolean).join(' ');
  return identity[IDENTITY_KEYS.isSynthetic] === true ? `${name} (synthetic)` : name;
}

/** Prompt and generation lengths of a llama.cpp-style id ("llamacpp.pp512" → pp 512). */
function lengthsFromId(benchmarkId: string): { kind: 'pp' | 'tg'; tokens: number } | null {
  const match = /\.(pp|tg)(\d+)$/.exec(benchmarkId);
  return match ? { kind: match[1] as 'pp' | 'tg', tokens: Number(match[2]) } : null;
}

/**
 * What was measured, as a person says it: "Prompt processing · 512 tokens", "Text generation · 128 tokens"; for
 * any other benchmark its catalogue title (or the id when the caller has none).
 */
export function workloadTitle(benchmarkId: string, identity: Identity, catalogueTitle?: string): string {
  const lengths = lengthsFromId(benchmarkId);
  if (lengths !== null) {
    const tokens = numberOf(identity, lengths.kind === 'pp' ? IDENTITY_KEYS.promptTokens : IDENTITY_KEYS.genTokens) ?? lengths.tokens;
    return `${lengths.kind === 'pp' ? 'Prompt processing' : 'Text generation'} · ${tokens} tokens`;
  }
  return catalogueTitle ?? benchmarkId;
}

/** The facts of a workload that a settings summary names (a result's identity or a figure's workload). */
export interface WorkloadFacts {
  promptTokens?: number | null;
  genTokens?: number | null;
  backend?: string | null;
  quant?: string | null;
  concurrency?: number | null;
  flashAttention?: boolean | null;
  tool?: string | null;
}

/**
 * One line for what a figure's source ran: "pp512 · CUDA · Q4_K_M", "tg128 · Vulkan · Q4_0 · flash attention",
 * "1 request at a time · Ollama". Only stated facts appear; an empty string when the source states none of them.
 */
export function settingsSummary(facts: WorkloadFacts): string {
  const parts: string[] = [];
  if (facts.promptTokens && facts.genTokens) parts.push(`pp${facts.promptTokens}+tg${facts.genTokens}`);
  else if (facts.promptTokens) parts.push(`pp${facts.promptTokens}`);
  else if (facts.genTokens) parts.push(`tg${facts.genTokens}`);
  // A llama-bench pp/tg figure is one stream by construction: "1 request at a time" there would only add noise.
  const hasLengths = Boolean(facts.promptTokens || facts.genTokens);
  if (facts.concurrency && !(hasLengths && facts.concurrency === 1)) {
    parts.push(facts.concurrency === 1 ? '1 request at a time' : `${facts.concurrency} parallel requests`);
  }
  if (facts.backend) parts.push(BACKEND_WORDS[facts.backend] ?? facts.backend);
  if (facts.quant && facts.quant !== 'unknown') parts.push(facts.quant.replace(/^MOSTLY_/i, ''));
  if (facts.flashAttention === true) parts.push('flash attention');
  if (facts.tool) parts.push(facts.tool);
  return parts.join(' · ');
}

/** The settings summary of a local result's identity ("pp512 · CPU · Q4_K_M"). */
export function identitySettingsSummary(benchmarkId: string, identity: Identity): string {
  const lengths = lengthsFromId(benchmarkId);
  const flash = identity[IDENTITY_KEYS.flashAttention];
  return settingsSummary({
    promptTokens: numberOf(identity, IDENTITY_KEYS.promptTokens) ?? (lengths?.kind === 'pp' ? lengths.tokens : null),
    genTokens: numberOf(identity, IDENTITY_KEYS.genTokens) ?? (lengths?.kind === 'tg' ? lengths.tokens : null),
    concurrency: numberOf(identity, IDENTITY_KEYS.concurrency),
    backend: text(identity, IDENTITY_KEYS.backend),
    quant: text(identity, IDENTITY_KEYS.quant),
    flashAttention: typeof flash === 'boolean' ? flash : null,
  });
}
