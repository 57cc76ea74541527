import { readFileSync, statSync } from 'node:fs';
import type { Command } from 'commander';
import { errorMessage } from '../../core/errors';
import { MAX_RUN_IMPORT_CHARS } from '../../shared/domain/export';
import type { CliContext } from '../context';

/** The file's text, refusing one over the import limit before reading it. */
function readExport(file: string): string {
  const size = statSync(file).size;
  if (size > MAX_RUN_IMPORT_CHARS) throw new Error(`export too large: ${size} bytes, the limit is 50 MiB`);
  return readFileSync(file, 'utf8');
}

export function registerImport(program: Command, ctx: CliContext): void {
  program
    .command('import')
    .description('store a JSON run export (from `rigmark export --format json`) as a new run')
    .argument('<file>', 'the JSON export')
    .action(async (file: string) => {
      // A bad file is a failed import (exit 1), not a usage error: the command line itself was fine.
      let text: string;
      try {
        text = readExport(file);
      } catch (error) {
        ctx.io.err(`rigmark: cannot read ${file}: ${errorMessage(error)}\n`);
        return ctx.setExitCode(1);
      }
      const core = await ctx.openCore();
      try {
        const { runId } = core.importRun(text);
        ctx.io.out(`Imported run ${runId} from ${file}\n`);
      } catch (error) {
        ctx.io.err(`rigmark: cannot import ${file}: ${errorMessage(error)}\n`);
        ctx.setExitCode(1);
      }
    });
}
