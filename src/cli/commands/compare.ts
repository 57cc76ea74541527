import type { Command } from 'commander';
import type { CardComparison, RunComparison } from '../../shared/domain/compare';
import { comparisonToCsv, comparisonToMarkdown, formatDeltaPct } from '../../core/compare';
import { UsageError, parsePositiveInt, type CliContext } from '../context';
import { formatNumber, formatTable, printJson } from '../output';

interface CompareOptions {
  run?: string;
  ref?: string;
  vs?: string;
  upgrade?: string;
  format?: string;
  json?: boolean;
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
    .option('--json', 'print as JSON')
    .action(async (opts: CompareOptions) => {
      const core = await ctx.openCore();
      const runId = opts.run ? parsePositiveInt(opts.run, '--run') : undefined;
      if (opts.upgrade) {
        const gain = core.upgradeGain({ runId, target: opts.upgrade });
        if (opts.json) return printJson(ctx.io, gain);
        const rows = gain.rows.map((r) => [r.benchmarkId, formatNumber(r.yours), formatNumber(r.target?.figure.value ?? null), r.unit, formatDeltaPct(r.deltaPct), r.reason]);
        return ctx.io.out(`Upgrade to ${gain.displayName}\n` + formatTable(['benchmark', 'yours', 'target', 'unit', 'change', 'note'], rows));
      }
      if (opts.ref) {
        const [vs, ...rest] = cardList(opts.vs);
        if (!vs || rest.length > 0) throw new UsageError('--ref needs exactly one card in --vs (e.g. --ref a100 --vs rtx-4090)');
        return print(ctx, core.compareCards({ ref: opts.ref, vs }), opts);
      }
      const view = core.compareRun({ runId, cards: cardList(opts.vs) });
      if (opts.json) return printJson(ctx.io, view);
      print(ctx, view.comparison, opts);
      if (view.comparison.rows.every((r) => r.cards.every((c) => c.picked === null))) {
        ctx.io.err(`Run ${view.runId} has no result with published figures to compare. Benchmarks that have them: ${view.comparableBenchmarkIds.join(', ')}.\n`);
      }
    });
}

function print(ctx: CliContext, c: RunComparison | CardComparison, opts: CompareOptions): void {
  if (opts.json) return printJson(ctx.io, c);
  if (opts.format === 'md') return ctx.io.out(comparisonToMarkdown(c));
  if (opts.format === 'csv') return ctx.io.out(comparisonToCsv(c));
  if (opts.format !== 'table') throw new UsageError(`--format must be table, md or csv (got "${opts.format}")`);
  ctx.io.out(c.kind === 'cards' ? cardTable(c) : runTable(c));
}

function cardTable(c: CardComparison): string {
  const rows = c.rows.map((r) => [r.model, r.metric, formatNumber(r.ref.value), formatNumber(r.vs.value), r.unit, formatDeltaPct(r.deltaPct), r.ref.sourceTitle]);
  return `${c.refDisplayName} vs ${c.vsDisplayName} (positive: ${c.refDisplayName} faster)\n` + formatTable(['model', 'metric', c.refKey, c.vsKey, 'unit', 'delta', 'source'], rows);
}

function runTable(c: RunComparison): string {
  const headers = ['benchmark', 'yours', 'unit', ...c.cards.map((k) => k.key)];
  const rows = c.rows.map((r) => [r.benchmarkId, formatNumber(r.yours), r.unit, ...r.cards.map((cell) => (cell.picked ? `${formatDeltaPct(cell.deltaPct)} vs ${formatNumber(cell.picked.figure.value)} (${cell.picked.match})` : '–'))]);
  const score = c.score.value === null ? `Rigmark Score: – (${c.score.reason})` : `Rigmark Score: ${c.score.value.toFixed(0)} (RTX 3090 = 100; ${c.score.benchmarkCount} benchmark(s))`;
  return formatTable(headers, rows) + score + '\n';
}
