import type { LocalResult, RunComparisonView } from '../../shared/domain/compare';
import { COMPARABLE_BENCHMARK_IDS } from '../../shared/domain/compare';
import type { ComparisonExportFormat, ComparisonExportRequest, ExportFile } from '../../shared/domain/export';
import type { ReferenceDataset } from '../../shared/domain/reference';
import type { RunDetail } from '../../shared/domain/results';
import { compareCards, compareRunToCards, comparisonToCsv, comparisonToMarkdown, nearestCard, upgradeGain } from '../compare';
import { RigmarkError } from '../errors';
import { figuresForGpu, getCard, listCards, matchGpuName } from '../reference';

/** Cards shown when the user has not chosen: the two the fleet pages compare, then the one nearest to the user. */
export const DEFAULT_CARDS = ['a100', 'rtx-4090'] as const;

export function toLocalResults(detail: RunDetail): LocalResult[] {
  return detail.results.map((r) => ({
    benchmarkId: r.benchmarkId,
    category: r.category,
    unit: r.unit,
    higherIsBetter: r.higherIsBetter,
    median: r.stats.median,
    identity: r.identity,
    status: r.status,
  }));
}

function assertCards(keys: readonly string[], dataset: ReferenceDataset): void {
  const unknown = keys.filter((k) => !getCard(k, dataset));
  if (unknown.length > 0) {
    throw new RigmarkError('BAD_INPUT', `unknown card ${unknown.join(', ')}: run “rigmark reference” to list the card keys`);
  }
}

/**
 * A run against cards (default: A100, RTX 4090 and the card nearest to the run). `dataset`: the bundled figures
 * plus the user's own files (`ReferenceLibrary.dataset()`), as every function here takes it.
 */
export function compareRunView(
  detail: RunDetail,
  cards: readonly string[] | undefined,
  catalogueIds: ReadonlySet<string>,
  dataset: ReferenceDataset,
): RunComparisonView {
  const local = toLocalResults(detail);
  let keys: string[] = cards && cards.length > 0 ? [...cards] : [...DEFAULT_CARDS];
  if (!cards || cards.length === 0) {
    const nearest = nearestCard(local, dataset);
    if (nearest && !keys.includes(nearest.cardKey)) keys.push(nearest.cardKey);
  }
  assertCards(keys, dataset);
  keys = [...new Set(keys)];
  const gpu = detail.system.gpus[0];
  return {
    runId: detail.run.id,
    comparison: compareRunToCards(local, keys, dataset),
    yourGpu: { detectedName: gpu?.name ?? null, referenceKey: gpu ? (matchGpuName(gpu.name, dataset)?.key ?? null) : null },
    // Only benchmarks Rigmark can run: the dataset also holds image and vision figures it has no benchmark for yet.
    comparableBenchmarkIds: Object.values(COMPARABLE_BENCHMARK_IDS).filter((id) => catalogueIds.has(id)),
  };
}

export function compareCardsView(ref: string, vs: string, dataset: ReferenceDataset) {
  assertCards([ref, vs], dataset);
  return compareCards(ref, vs, dataset);
}

const COMPARISON_MIME_TYPES: Record<ComparisonExportFormat, string> = { md: 'text/markdown', csv: 'text/csv' };

/**
 * A comparison as a Markdown or CSV file: the run comparison `compareRun` would show (`compareRunView`, given as
 * `runView` so the caller resolves the run) or the card pair `compareCardsView` gives, written by core's one column
 * list (comparisonToMarkdown / comparisonToCsv). File names: `rigmark-compare-run-<runId>.<ext>`,
 * `rigmark-<ref>-vs-<vs>.<ext>`.
 */
export function exportComparisonFile(
  request: ComparisonExportRequest,
  runView: (options: { runId?: number; cards?: string[] }) => RunComparisonView,
  dataset: ReferenceDataset,
): ExportFile {
  const { format } = request;
  const write = format === 'csv' ? comparisonToCsv : comparisonToMarkdown;
  const mimeType = COMPARISON_MIME_TYPES[format];
  if (request.kind === 'cards') {
    const comparison = compareCardsView(request.ref, request.vs, dataset);
    return { fileName: `rigmark-${comparison.refKey}-vs-${comparison.vsKey}.${format}`, mimeType, content: write(comparison) };
  }
  const view = runView({ runId: request.runId, cards: request.cards });
  return { fileName: `rigmark-compare-run-${view.runId}.${format}`, mimeType, content: write(view.comparison) };
}

export function upgradeView(detail: RunDetail, target: string, dataset: ReferenceDataset) {
  assertCards([target], dataset);
  return upgradeGain(toLocalResults(detail), target, dataset);
}

export function referenceCards(dataset: ReferenceDataset) {
  return listCards(dataset);
}

export function referenceFigures(gpuKey: string, dataset: ReferenceDataset) {
  assertCards([gpuKey], dataset);
  return figuresForGpu(gpuKey, dataset);
}
