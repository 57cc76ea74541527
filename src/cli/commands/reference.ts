import type { Command } from 'commander';
import type { CliContext } from '../context';
import { formatNumber, formatTable, printJson } from '../output';
import { registerReferenceFiles } from './reference-files';

export function registerReference(program: Command, ctx: CliContext): void {
  const reference = program
    .command('reference')
    .description('browse the published figures (bundled and your own files): every card, or one card\'s figures with their sources')
    .option('--gpu <key>', 'a card key (e.g. a100, rtx-4090)')
    .option('--json', 'print as JSON')
    .action(async (opts: { gpu?: string; json?: boolean }) => {
      const core = await ctx.openCore();
      if (!opts.gpu) {
        const cards = core.referenceCards();
        if (opts.json) return printJson(ctx.io, cards);
        return ctx.io.out(formatTable(['key', 'card', 'vendor', 'figures'], cards.map((c) => [c.key, c.displayName, c.vendor, c.figureCount])));
      }
      const figures = core.referenceFigures(opts.gpu);
      if (opts.json) return printJson(ctx.io, { gpuKey: opts.gpu, figures });
      const rows = figures.map((f) => [f.model, f.metric, formatNumber(f.value), f.unit, f.settings.slice(0, 40), f.sourceTitle.slice(0, 50)]);
      ctx.io.out(formatTable(['model', 'metric', 'value', 'unit', 'settings', 'source'], rows));
    });
  registerReferenceFiles(reference, ctx);
}
