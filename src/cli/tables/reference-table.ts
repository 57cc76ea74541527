import type { CardSummary, ReferenceRecord, ReferenceSuite } from '../../shared/domain/reference';
import { settingsSummary } from '../../shared/format/workload';
import { formatNumber } from '../output';
import { fitLines, fitTable, type FitOptions, type FitRow } from '../table-fit';
import { CUT_NOTE, figureModel, figureSettings, figureTitle } from './words';

/**
 * `rigmark reference`: the cards, and one card's figures grouped under a line naming the model and the source, each
 * with the workload in words, the value and the one-line settings; then how many figures each suite holds.
 */

const SUITE_WORDS: Record<ReferenceSuite, string> = {
  llamacpp: 'llama.cpp',
  ollama: 'Ollama',
  vllm: 'vLLM',
  image: 'image generation',
  vision: 'vision',
  spec: 'vendor specifications',
  other: 'engine not stated',
};

const VENDOR_WORDS: Record<string, string> = { nvidia: 'NVIDIA', amd: 'AMD', intel: 'Intel', apple: 'Apple', other: 'other' };

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** The card list: key (what `--gpu` takes), name, vendor, variants the sources name, figure count. */
export function cardListText(cards: readonly CardSummary[], options: FitOptions): string {
  const rows = cards.map((c) => [c.key, c.displayName, VENDOR_WORDS[c.vendor] ?? c.vendor, c.variants.join(', '), c.figureCount]);
  const table = fitTable(
    [
      { header: 'key', shrinkRank: 1, minWidth: 16 },
      { header: 'card', shrinkRank: 2, minWidth: 24 },
      { header: 'vendor' },
      { header: 'variants', shrinkRank: 3, minWidth: 8 },
      { header: 'figures', isNumeric: true },
    ],
    rows,
    { ...options, cutNote: CUT_NOTE },
  );
  const figures = cards.reduce((sum, c) => sum + c.figureCount, 0);
  return table + fitLines([`${plural(cards.length, 'card')}, ${plural(figures, 'published figure')}. One card's figures with their sources: rigmark reference --gpu KEY`], options);
}

function groupHeading(record: ReferenceRecord): string {
  const model = record.suite === 'spec' ? 'Vendor specifications' : figureModel(record) || record.model;
  return `${model === '' ? 'Model not stated' : model} — source: ${record.sourceTitle}`;
}

/** One card's figures (`reference --gpu KEY`): the table, then one count line per suite. */
export function cardFiguresText(displayName: string, figures: readonly ReferenceRecord[], options: FitOptions): string {
  const rows: FitRow[] = [];
  let group = '';
  for (const f of figures) {
    const heading = groupHeading(f);
    if (heading !== group) rows.push({ line: heading });
    group = heading;
    rows.push([figureTitle(f), formatNumber(f.value), f.unit, figureSettings({ settingsSummary: settingsSummary(f.workload), settings: f.settings })]);
  }
  const title = `${displayName}: ${plural(figures.length, 'published figure')}`;
  const table = fitTable(
    [
      { header: 'workload', shrinkRank: 1, minWidth: 20 },
      { header: 'value', isNumeric: true },
      { header: 'unit' },
      { header: 'settings', shrinkRank: 2, minWidth: 16 },
    ],
    rows,
    { ...options, indent: 2, cutNote: CUT_NOTE },
  );
  const suites = [...new Set(figures.map((f) => f.suite))].map((suite) => {
    const inSuite = figures.filter((f) => f.suite === suite);
    const sources = new Set(inSuite.map((f) => f.sourceUrl)).size;
    return `  ${SUITE_WORDS[suite]}: ${plural(inSuite.length, 'figure')} from ${plural(sources, 'source')}`;
  });
  return fitLines([title], options) + table + '\n' + fitLines(['Figures per suite:', ...suites], options);
}
