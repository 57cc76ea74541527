import type { BenchmarkRow, CardComparison, RunComparison } from '../../../shared/domain/compare';
import { modelText, workloadTitle } from '../../../shared/format/workload';
import { formatPublished, formatValue } from '../lib/format';
import { shortCardName } from '../lib/labels';
import type { RatioGroup } from './ratio-bars-option';

/** A comparison row's label and detail: "Prompt processing · 512 tokens", "Llama 3 8B Q4_K_M (synthetic)". */
export function rowWorkload(row: Pick<BenchmarkRow, 'benchmarkId' | 'identity'>, title: (benchmarkId: string) => string): { label: string; detail: string | null } {
  return { label: workloadTitle(row.benchmarkId, row.identity, title(row.benchmarkId)), detail: modelText(row.identity) };
}

/** "Prompt processing · 512 tokens (Llama 3 8B Q4_K_M)": a row named in one line, so rows of one id differ. */
export function rowWorkloadName(row: Pick<BenchmarkRow, 'benchmarkId' | 'identity'>, title: (benchmarkId: string) => string): string {
  const { label, detail } = rowWorkload(row, title);
  return detail === null ? label : `${label} (${detail})`;
}

/** The rows of a run comparison that have at least one ratio, one bar per chosen card (yours ÷ card). */
export function runComparisonGroups(comparison: RunComparison, title: (benchmarkId: string) => string): RatioGroup[] {
  return comparison.rows
    .filter((row) => row.cards.some((cell) => cell.ratio !== null))
    .map((row) => ({
      ...rowWorkload(row, title),
      bars: comparison.cards.map((card) => {
        const cell = row.cards.find((c) => c.cardKey === card.key);
        return {
          seriesName: shortCardName(card.displayName),
          ratio: cell?.ratio ?? null,
          deltaPct: cell?.deltaPct ?? null,
          subjectValue: formatValue(row.yours, row.unit),
          otherValue: cell?.picked ? formatPublished(cell.picked.figure.value, row.unit) : '—',
        };
      }),
    }));
}

/** Card vs card: one bar per paired workload (ref ÷ vs), labelled by model and the one-line settings. */
export function cardComparisonGroups(comparison: CardComparison): RatioGroup[] {
  const vsName = shortCardName(comparison.vsDisplayName);
  return comparison.rows
    .filter((row) => row.ratio !== null)
    .map((row) => ({
      label: row.model === '' ? row.metric : row.model,
      detail: row.ref.settingsSummary === '' ? row.metric : `${row.metric} · ${row.ref.settingsSummary}`,
      bars: [
        {
          seriesName: vsName,
          ratio: row.ratio,
          deltaPct: row.deltaPct,
          subjectValue: formatPublished(row.ref.value, row.unit),
          otherValue: formatPublished(row.vs.value, row.unit),
        },
      ],
    }));
}
