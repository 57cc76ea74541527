import type { Command } from 'commander';
import type { CliContext } from '../context';
import { printJson } from '../output';
import { cardFiguresText, cardListText } from '../tables/reference-table';
import { registerReferenceFiles } from './reference-files';

export function registerReference(program: Command, ctx: CliContext): void {
  const reference = program
    .command('reference')
    .description('browse the published figures (bundled and your own files): every card, or one card\'s figures with their sources')
    .option('--gpu <key>', 'a card key (e.g. a100, rtx-4090)')
    .option('--wide', 'print every cell uncut (tables fit 120 columns otherwise)')
    .option('--json', 'print as JSON')
    .action(async (opts: { gpu?: string; json?: boolean; wide?: boolean }) => {
      const core = await ctx.openCore();
      const fit = { isWide: opts.wide === true };
      const cards = core.referenceCards();
      if (!opts.gpu) {
        if (opts.json) return printJson(ctx.io, cards);
        return ctx.io.out(cardListText(cards, fit));
      }
      const figures = core.referenceFigures(opts.gpu);
      if (opts.json) return printJson(ctx.io, { gpuKey: opts.gpu, figures });
      const displayName = cards.find((c) => c.key === opts.gpu)?.displayName ?? opts.gpu;
      ctx.io.out(cardFiguresText(displayName, figures, fit));
    });
  registerReferenceFiles(reference, ctx);
}
