import type { Command } from 'commander';
import type { RigmarkCore } from '../../core/app/rigmark-core';
import type { CardComparison, RunComparison } from '../../shared/domain/compare';
import type { ReferenceRecord } from '../../shared/domain/reference';
import { comparisonToCsv, comparisonToMarkdown } from '../../core/compare';
import { UsageError, parsePositiveInt, type CliContext } from '../context';
import { printJson } from '../output';
import type { FitOptions } from '../table-fit';
import { cardComparisonText } from '../tables/card-compare-table';
import { nothingComparableText, runComparisonText, upgradeText } from '../tables/run-compare-table';

interface CompareOptions {
  run?: string;
  ref?: string;
  vs?: string;
  upgrade?: string;
  format?: string;
  json?: boolean;
  wide?: boolean;
}

const cardList = (v: string | undefined): string[] => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : []);

export function registerCompare(program: Command, ctx: CliContext): void {
  program
    .command('compare')
    .description('your run against reference cards (--vs), a card against a card (--ref … --vs …), or an upgrade (--upgrade)')
    .option('--run <id>', 'the run (default: the latest with results)')
    .option('--vs <cards>', 'reference card keys, comma-separated (e.g. a100,rtx-4090)')
    .option('--ref <card>', 'compare this reference card against --vs instead of a run')
    .option('--upgrade <card>', 'expected gain from your run to this card')
    .option('--format <format>', 'table | md | csv', 'table')
    .option('--wide', 'print every cell uncut (tables fit 120 columns otherwise)')
    .option('--json', 'print as JSON')
    .action(async (opts: CompareOptions) => {
      const core = await ctx.openCore();
      const runId = opts.run ? parsePositiveInt(opts.run, '--run') : undefined;
      const fit: FitOptions = { isWide: opts.wide === true };
      if (opts.upgrade) {
        const gain = core.upgradeGain({ runId, target: opts.upgrade });
        if (opts.json) return printJson(ctx.io, gain);
        return ctx.io.out(upgradeText(gain, fit));
      }
      if (opts.ref) {
        const [vs, ...rest] = cardList(opts.vs);
        if (!vs || rest.length > 0) throw new UsageError('--ref needs exactly one card in --vs (e.g. --ref a100 --vs rtx-4090)');
        const comparison = core.compareCards({ ref: opts.ref, vs });
        if (!printedAsFile(ctx, comparison, opts)) ctx.io.out(cardComparisonText(comparison, recordLookup(core, [comparison.refKey, comparison.vsKey]), fit));
        return;
      }
      const view = core.compareRun({ runId, cards: cardList(opts.vs) });
      if (opts.json) return printJson(ctx.io, view);
      if (!printedAsFile(ctx, view.comparison, opts)) ctx.io.out(runComparisonText(view, core.headline({ runId: view.runId }), fit));
      if (view.comparison.rows.every((r) => r.cards.every((c) => c.picked === null))) ctx.io.err(nothingComparableText(view));
    });
}

/** `--json`, `--format md|csv`: printed here (true); `table` is left to the caller (false). */
function printedAsFile(ctx: CliContext, c: RunComparison | CardComparison, opts: CompareOptions): boolean {
  if (opts.json) printJson(ctx.io, c);
  else if (opts.format === 'md') ctx.io.out(comparisonToMarkdown(c));
  else if (opts.format === 'csv') ctx.io.out(comparisonToCsv(c));
  else if (opts.format !== 'table') throw new UsageError(`--format must be table, md or csv (got "${opts.format}")`);
  else return false;
  return true;
}

/** The records behind a card comparison's figures, for their workload facts (model key, lengths). */
function recordLookup(core: RigmarkCore, cardKeys: readonly string[]): (recordId: string) => ReferenceRecord | undefined {
  const byId = new Map(cardKeys.flatMap((key) => core.referenceFigures(key)).map((r) => [r.id, r]));
  return (recordId) => byId.get(recordId);
}
