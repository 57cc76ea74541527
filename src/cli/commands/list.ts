import type { Command } from 'commander';
import type { BenchmarkInfo } from '../../shared/domain/benchmark';
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
      ctx.io.out(formatBenchmarkList(list));
    });
}

/**
 * The benchmarks that can run here as a table with their estimated time, then apart from them those that cannot,
 * each with the reason and how to enable it — and no time, since they take none.
 */
export function formatBenchmarkList(list: readonly BenchmarkInfo[]): string {
  const available = list.filter((b) => b.availability.isAvailable);
  const blocks: string[] = [];
  if (available.length > 0) {
    const rows = available.map((b) => [b.id, b.category, b.unit, b.suites.join(','), formatDuration(b.estimatedMs)]);
    blocks.push(formatTable(['benchmark', 'category', 'unit', 'suites', '~time'], rows));
  } else {
    blocks.push('No benchmark can run on this machine.\n');
  }
  const lines: string[] = [];
  for (const b of list) {
    if (b.availability.isAvailable) continue;
    lines.push(`  ${b.id} (${b.category}): ${b.availability.reason}`);
    if (b.availability.howToEnable) lines.push(`    how to enable: ${b.availability.howToEnable}`);
  }
  if (lines.length > 0) blocks.push(`Unavailable here (${list.length - available.length}):\n${lines.join('\n')}\n`);
  return blocks.join('\n');
}
