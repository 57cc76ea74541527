import { createReadStream, readFileSync, statSync } from 'node:fs';
import type { Readable } from 'node:stream';
import type { Command } from 'commander';
import { parseRunExport } from '../../core/app/import-run';
import { errorMessage } from '../../core/errors';
import { MAX_RUN_IMPORT_CHARS } from '../../shared/domain/export';
import type { CliContext } from '../context';

const tooLarge = (what: string): Error => new Error(`export too large: ${what}, the limit is ${MAX_RUN_IMPORT_CHARS} bytes (50 MiB)`);

/**
 * Reads a stream of unknown length (a pipe, a FIFO, a device) up to the import limit and stops there: the data is
 * counted as it arrives, so 600 MB through a pipe is refused after 50 MiB, not buffered whole first.
 */
function readLimited(stream: Readable): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    stream.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > MAX_RUN_IMPORT_CHARS) {
        stream.destroy();
        reject(tooLarge(`more than ${MAX_RUN_IMPORT_CHARS} bytes arrived`));
        return;
      }
      chunks.push(chunk);
    });
    stream.on('error', reject);
    stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

/** The export's text from a file, or from standard input for `-`; never more than the import limit in memory. */
async function readExport(file: string, stdin: Readable): Promise<string> {
  if (file === '-') return readLimited(stdin);
  const stat = statSync(file);
  if (stat.isDirectory()) throw new Error('it is a folder, not a file');
  if (!stat.isFile()) return readLimited(createReadStream(file));
  if (stat.size > MAX_RUN_IMPORT_CHARS) throw tooLarge(`${stat.size} bytes`);
  return readFileSync(file, 'utf8');
}

export function registerImport(program: Command, ctx: CliContext, stdin: Readable = process.stdin): void {
  program
    .command('import')
    .description('store a JSON run export (from `rigmark export --format json`) as a new run; `-` reads standard input')
    .argument('<file>', 'the JSON export, or - for standard input')
    .action(async (file: string) => {
      const name = file === '-' ? 'standard input' : file;
      // A bad file is a failed import (exit 1), not a usage error: the command line itself was fine.
      let text: string;
      try {
        text = await readExport(file, stdin);
      } catch (error) {
        ctx.io.err(`rigmark: cannot read ${name}: ${errorMessage(error)}\n`);
        return ctx.setExitCode(1);
      }
      // Checked before the core opens: a refused import must not create a data dir or a database.
      try {
        parseRunExport(text);
      } catch (error) {
        ctx.io.err(`rigmark: cannot import ${name}: ${errorMessage(error)}\n`);
        return ctx.setExitCode(1);
      }
      const core = await ctx.openCore();
      try {
        const { runId } = core.importRun(text);
        ctx.io.out(`Imported run ${runId} from ${name}\n`);
      } catch (error) {
        ctx.io.err(`rigmark: cannot import ${name}: ${errorMessage(error)}\n`);
        ctx.setExitCode(1);
      }
    });
}
