import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { ExportFormatSchema } from '../../shared/domain/export';
import { UsageError, parsePositiveInt, type CliContext } from '../context';

export function registerExport(program: Command, ctx: CliContext): void {
  program
    .command('export')
    .description('export a run as JSON, CSV or Markdown (one field list drives all three)')
    .requiredOption('--run <id>', 'the run')
    .option('--format <format>', 'json | csv | md', 'json')
    .option('--out <file>', 'write to a file instead of standard output')
    .action(async (opts: { run: string; format: string; out?: string }) => {
      const format = ExportFormatSchema.safeParse(opts.format);
      if (!format.success) throw new UsageError(`--format must be json, csv or md (got "${opts.format}")`);
      const core = await ctx.openCore();
      const text = core.exportRun(parsePositiveInt(opts.run, '--run'), format.data);
      if (opts.out) {
        writeFileSync(opts.out, text);
        ctx.io.err(`Wrote ${opts.out}\n`);
      } else ctx.io.out(text);
    });
}
