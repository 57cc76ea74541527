import { CategorySchema } from '../../shared/domain/benchmark';
import type { CardComparison, CardPairRow } from '../../shared/domain/compare';
import type { ReferenceDataset, ReferenceRecord } from '../../shared/domain/reference';
import { compareFigures } from '../reference/figure-order';
import { toFigureRef } from './figure-ref';
import { deltaPctOf, directionAwareRatio, medianRatio } from './ratio';

/** Shown with every card-vs-card comparison. */
export const CARD_PAIRING_RULE =
  'figures pair when they share the source benchmark id, unit and workload identity (engine, model, ' +
  'quantisation, prompt/generation lengths, concurrency, flash attention); backend may differ (each card runs ' +
  'its own stack) and is labelled. When both cards have figures from one source, that source is used (best-ranked ' +
  'shared source); otherwise each card\'s best figure, labelled "different sources". Within a side: not flagged ' +
  'suspect first, primary before secondary, newest first, then source-file order. Vendor specs are not paired.';

/** The identity two cards' figures must share to be paired (`CARD_PAIRING_RULE`). */
function pairKey(record: ReferenceRecord): string {
  const w = record.workload;
  return JSON.stringify([
    record.benchmarkId,
    record.unit,
    w.engine,
    w.modelKey,
    w.quant,
    w.promptTokens,
    w.genTokens,
    w.concurrency,
    w.flashAttention,
  ]);
}

function groupByPairKey(records: readonly ReferenceRecord[]): Map<string, ReferenceRecord[]> {
  const groups = new Map<string, ReferenceRecord[]>();
  for (const record of records) {
    if (record.suite === 'spec' || record.higherIsBetter === null) continue;
    const key = pairKey(record);
    groups.set(key, [...(groups.get(key) ?? []), record]);
  }
  for (const list of groups.values()) list.sort(compareFigures);
  return groups;
}

/** Same source when both cards have one (the best-ranked shared source), else each side's best. */
function pickPair(refs: ReferenceRecord[], vss: ReferenceRecord[]): [ReferenceRecord, ReferenceRecord, boolean] | null {
  const vsSources = new Set(vss.map((r) => r.sourceUrl));
  const sharedRef = refs.find((r) => vsSources.has(r.sourceUrl));
  const sharedVs = sharedRef ? vss.find((r) => r.sourceUrl === sharedRef.sourceUrl) : undefined;
  if (sharedRef && sharedVs) return [sharedRef, sharedVs, true];
  const [ref] = refs;
  const [vs] = vss;
  return ref && vs ? [ref, vs, false] : null;
}

function pairLabels(ref: ReferenceRecord, vs: ReferenceRecord, isSameSource: boolean, others: number): string[] {
  const labels: string[] = [];
  if (!isSameSource) labels.push('different sources');
  const [rb, vb] = [ref.workload.backend, vs.workload.backend];
  if (rb !== vb) labels.push(`backend ${rb ?? 'not stated'} vs ${vb ?? 'not stated'}`);
  for (const flag of new Set([...ref.workload.flags, ...vs.workload.flags])) labels.push(flag);
  if (others > 0) labels.push(`${others} other figure(s) for this workload`);
  return labels;
}

function buildPairRow(refs: ReferenceRecord[], vss: ReferenceRecord[]): CardPairRow | null {
  const pair = pickPair(refs, vss);
  if (!pair) return null;
  const [ref, vs, isSameSource] = pair;
  const higherIsBetter = ref.higherIsBetter ?? true;
  const ratio = directionAwareRatio(ref.value, vs.value, higherIsBetter, { subject: 'ref card', reference: 'vs card' });
  return {
    sourceBenchmarkId: ref.benchmarkId,
    rigmarkBenchmarkId: ref.workload.rigmarkBenchmarkId,
    category: ref.workload.category,
    model: ref.model,
    metric: ref.metric,
    unit: ref.unit,
    higherIsBetter,
    ref: toFigureRef(ref),
    vs: toFigureRef(vs),
    isSameSource,
    labels: pairLabels(ref, vs, isSameSource, refs.length + vss.length - 2),
    ...ratio,
  };
}

function categoryOrder(row: CardPairRow): number {
  return row.category === null ? CategorySchema.options.length : CategorySchema.options.indexOf(row.category);
}

/**
 * Card vs card from published figures: for every workload both cards have, how much faster `refKey` is than
 * `vsKey` (direction-aware: for s/image, vs ÷ ref), paired by `CARD_PAIRING_RULE`, with per-category medians.
 */
export function compareCards(refKey: string, vsKey: string, dataset: ReferenceDataset): CardComparison {
  const refGroups = groupByPairKey(dataset.records.filter((r) => r.gpuKey === refKey));
  const vsGroups = groupByPairKey(dataset.records.filter((r) => r.gpuKey === vsKey));
  const rows: CardPairRow[] = [];
  for (const [key, refs] of refGroups) {
    const row = buildPairRow(refs, vsGroups.get(key) ?? []);
    if (row) rows.push(row);
  }
  // Stable sort: within a category rows keep source-file order.
  rows.sort((a, b) => categoryOrder(a) - categoryOrder(b));
  const categories = CategorySchema.options
    .map((category) => {
      const ratios = rows.filter((r) => r.category === category && r.ratio !== null).map((r) => r.ratio as number);
      const middle = medianRatio(ratios);
      const refWins = ratios.filter((r) => r > 1).length;
      return { category, medianRatio: middle, medianDeltaPct: deltaPctOf(middle), refWins, total: ratios.length };
    })
    .filter((summary) => summary.total > 0);
  const name = (key: string) => dataset.cards.find((card) => card.key === key)?.displayName ?? key;
  return {
    kind: 'cards',
    refKey,
    vsKey,
    refDisplayName: name(refKey),
    vsDisplayName: name(vsKey),
    pairingRule: CARD_PAIRING_RULE,
    rows,
    categories,
  };
}
