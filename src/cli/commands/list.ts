import type { Command } from 'commander';
import type { CliContext } from '../context';
import { formatDuration, formatTable, printJson } from '../output';

export function registerList(program: Command, ctx: CliContext): void {
  program
    .command('list')
    .description('list benchmarks with their availability on this machine')
    .option('--model <model>', 'model for the LLM benchmarks (synthetic:NAME, a GGUF path, ollama:NAME:TAG)')
    .option('--json', 'print as JSON')
    .action(async (opts: { json?: boolean; model?: string }) => {
      const core = await ctx.openCore();
      const list = await core.listBenchmarks({ model: opts.model });
      if (opts.json) return printJson(ctx.io, list);
      const rows = list.map((b) => [
        b.id,
        b.category,
        b.unit,
        b.suites.join(','),
        formatDuration(b.estimatedMs),
        b.availability.isAvailable ? 'yes' : `no: ${b.availability.reason}`,
      ]);
      ctx.io.out(formatTable(['benchmark', 'category', 'unit', 'suites', '~time', 'available'], rows));
    });
}
