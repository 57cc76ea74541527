import { catalogue } from '../../core/bench/catalogue';
import { formatDeltaPct } from '../../core/compare';
import type { Category, Identity } from '../../shared/domain/benchmark';
import type { FigureRef } from '../../shared/domain/compare';
import type { Workload } from '../../shared/domain/reference';
import { speedRatioText } from '../../shared/format/speed-ratio';
import { identitySettingsSummary, modelText, workloadTitle } from '../../shared/format/workload';
import { formatNumber } from '../output';

/**
 * The words the comparison tables share: what a result or a figure measured, on which model, with which settings,
 * and speed ratios as a person reads them. Everything comes from the shared formatters; this only picks the inputs.
 */

/** Category names inside a sentence ("in 2 of 2 LLM workloads"); the UI's labels say the same in title case. */
export const CATEGORY_WORDS: Record<Category, string> = {
  llm: 'LLM',
  serving: 'serving',
  image: 'image',
  vision: 'vision',
  'gpu-compute': 'GPU compute',
  system: 'system',
};

/** Said under a table whose cells were cut to fit. */
export const CUT_NOTE = 'Cells cut with … to fit 120 columns: --wide prints them in full (--json gives every field).';

const titles = new Map(catalogue.map((d) => [d.id, d.title]));

/** A local result's workload in words: "Prompt processing · 512 tokens", "Memory copy bandwidth". */
export function resultTitle(benchmarkId: string, identity: Identity): string {
  return workloadTitle(benchmarkId, identity, titles.get(benchmarkId));
}

/** A benchmark id of the catalogue in words, for lists of what would compare. */
export function benchmarkWords(benchmarkId: string): string {
  return titles.get(benchmarkId) ?? benchmarkId;
}

/** "Prompt processing · 512 tokens — Llama 3 8B Q4_K_M (synthetic) — yours 61.50 tokens/s (pp512 · CPU · Q4_K_M)": the line a result's rows sit under. */
export function resultHeading(row: { benchmarkId: string; identity: Identity; yours: number | null; unit: string }): string {
  const settings = identitySettingsSummary(row.benchmarkId, row.identity);
  const yours = `yours ${formatNumber(row.yours)} ${row.unit}${settings === '' ? '' : ` (${settings})`}`;
  return [resultTitle(row.benchmarkId, row.identity), modelText(row.identity), yours].filter((p): p is string => p !== null).join(' — ');
}

/** A published figure's workload as an identity, so the shared formatters read it as they read a result's. */
export function workloadIdentity(workload: Workload): Identity {
  const facts: Identity = {};
  const keys = ['engine', 'backend', 'modelKey', 'quant', 'promptTokens', 'genTokens', 'concurrency', 'flashAttention'] as const;
  for (const key of keys) {
    const value = workload[key];
    if (value !== null) facts[key] = value;
  }
  return facts;
}

function capitalise(text: string): string {
  return text.length === 0 ? text : `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

/** What a published figure measured: "Text generation · 512 tokens", else the source's metric ("Time per image"). */
export function figureTitle(record: { benchmarkId: string; metric: string; workload: Workload }): string {
  return workloadTitle(record.workload.rigmarkBenchmarkId ?? record.benchmarkId, workloadIdentity(record.workload), capitalise(record.metric));
}

/** The model of a published figure in words ("Llama 3 8B Q4_K_M"), else as the source names it. */
export function figureModel(record: { model: string; workload: Workload }): string {
  return modelText(workloadIdentity(record.workload)) ?? record.model;
}

/** The figure's one-line settings; the source's own text where it states none of the facts the summary names. */
export function figureSettings(figure: Pick<FigureRef, 'settingsSummary' | 'settings'>): string {
  return figure.settingsSummary !== '' ? figure.settingsSummary : figure.settings;
}

/** "486× slower" beside "−99.8 %", both from one ratio (> 1 = the subject is faster). */
export function ratioCells(ratio: number | null, deltaPct: number | null): [string, string] {
  return [speedRatioText(ratio), formatDeltaPct(deltaPct)];
}

/**
 * "slower in 2 of 2 LLM workloads, median −95.1 % (20.5× slower)": the count in the direction the median points
 * (faster when it says faster or the same speed), then the median as ±% and in words.
 */
export function categorySentence(c: { category: Category; medianRatio: number | null; medianDeltaPct: number | null; total: number; faster: number; slower: number }): string {
  const isSlower = c.medianRatio !== null && c.medianRatio < 1 && speedRatioText(c.medianRatio) !== 'same speed';
  const count = isSlower ? `slower in ${c.slower}` : `faster in ${c.faster}`;
  const noun = c.total === 1 ? 'workload' : 'workloads';
  return `${count} of ${c.total} ${CATEGORY_WORDS[c.category]} ${noun}, median ${formatDeltaPct(c.medianDeltaPct)} (${speedRatioText(c.medianRatio)})`;
}
