import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { errorMessage } from '../../core/errors';
import { apiContract } from '../../shared/api/contract';
import { formatIssues } from '../../core/api/dispatch';
import { MAX_USER_REFERENCE_CHARS, type UserReferenceFileInfo } from '../../shared/domain/user-reference';
import { UsageError, type CliContext } from '../context';
import { formatTable, printJson } from '../output';

/** The file's text; only a regular file, and never more than the limit read into memory. */
function readReferenceFile(file: string): string {
  const stat = statSync(file);
  if (!stat.isFile()) throw new Error('not a regular file');
  if (stat.size > MAX_USER_REFERENCE_CHARS) throw new Error(`${stat.size} bytes, the limit is ${MAX_USER_REFERENCE_CHARS} bytes (8 MiB)`);
  return readFileSync(file, 'utf8');
}

function describeFile(f: UserReferenceFileInfo): string {
  const cards = f.cardKeys.join(', ') || 'no card';
  const fresh = f.newCardKeys.length > 0 ? ` (new: ${f.newCardKeys.join(', ')})` : '';
  return `${f.recordCount} figure${f.recordCount === 1 ? '' : 's'} for ${cards}${fresh}, shown as "${f.sourceLabel}"`;
}

/** `rigmark reference add FILE`, `remove NAME`, `files`: the user's own reference figures beside the bundled ones. */
export function registerReferenceFiles(reference: Command, ctx: CliContext): void {
  reference
    .command('add')
    .description('add your own reference figures (the bundled figures.json format); a malformed file is refused whole')
    .argument('<file>', 'a JSON file in the bundled format, optionally with "cards" for cards of its own')
    .option('--name <name>', 'keep it under this name (default: the file name)')
    .option('--replace', 'replace a file added before under the same name')
    .option('--json', 'print the added file as JSON')
    .action(async (file: string, opts: { name?: string; replace?: boolean; json?: boolean }) => {
      let content: string;
      try {
        content = readReferenceFile(file);
      } catch (error) {
        ctx.io.err(`rigmark: cannot read ${file}: ${errorMessage(error)}\n`);
        return ctx.setExitCode(1);
      }
      const input = apiContract['reference:add'].input.safeParse({ fileName: opts.name ?? basename(file), content, replace: opts.replace });
      if (!input.success) throw new UsageError(`cannot add ${file}: ${formatIssues(input.error)} (use --name NAME.json)`);
      const core = await ctx.openCore();
      try {
        const info = core.addReference(input.data);
        if (opts.json) return printJson(ctx.io, info);
        ctx.io.out(`Added ${info.name}: ${describeFile(info)}.\n`);
      } catch (error) {
        // A bad file is a refused add (exit 1), as a bad import is: the command line itself was fine.
        ctx.io.err(`rigmark: ${errorMessage(error)}\n`);
        ctx.setExitCode(1);
      }
    });

  reference
    .command('remove')
    .description('remove one of your reference files')
    .argument('<name>', 'its name, as `rigmark reference files` lists it')
    .action(async (name: string) => {
      const input = apiContract['reference:remove'].input.safeParse({ name });
      if (!input.success) throw new UsageError(`cannot remove ${JSON.stringify(name)}: ${formatIssues(input.error)}`);
      const core = await ctx.openCore();
      core.removeReference(input.data.name);
      ctx.io.out(`Removed ${input.data.name}.\n`);
    });

  reference
    .command('files')
    .description('your reference files, each loaded or refused with the reason')
    .option('--json', 'print as JSON')
    .action(async (opts: { json?: boolean }) => {
      const core = await ctx.openCore();
      const files = core.referenceFiles();
      if (opts.json) return printJson(ctx.io, files);
      if (files.length === 0) return ctx.io.out('No reference files of your own: add one with `rigmark reference add FILE`.\n');
      const rows = files.map((f) => [f.name, f.status, f.recordCount, f.cardKeys.join(', '), f.problem ?? f.sourceText]);
      ctx.io.out(formatTable(['file', 'status', 'figures', 'cards', 'source / problem'], rows));
    });
}
