import { Command, CommanderError } from 'commander';
import { createRigmarkCore } from '../core/app/create-core';
import type { RigmarkCore } from '../core/app/rigmark-core';
import { RigmarkError, errorMessage } from '../core/errors';
import { RIGMARK_VERSION } from '../core/version';
import { registerCompare } from './commands/compare';
import { registerDetect } from './commands/detect';
import { registerExport } from './commands/export';
import { registerImport } from './commands/import';
import { registerList } from './commands/list';
import { registerModels } from './commands/models';
import { registerReference } from './commands/reference';
import { registerResults } from './commands/results';
import { registerRun } from './commands/run';
import { registerServe } from './commands/serve';
import { UsageError, type CliContext } from './context';
import { processIo, type CliIo } from './output';

/** Builds the `rigmark` program over one lazily opened core. */
export function buildProgram(ctx: CliContext): Command {
  const program = new Command('rigmark')
    .description('Rigmark: how fast is your GPU at real AI work, next to an A100, an RTX 4090 and other cards. Offline.')
    .version(RIGMARK_VERSION)
    .showHelpAfterError()
    .exitOverride();
  for (const register of [registerDetect, registerList, registerRun, registerResults, registerExport, registerImport, registerServe, registerCompare, registerReference, registerModels]) {
    register(program, ctx);
  }
  return program;
}

/**
 * Runs the CLI and resolves with the exit code: 0 all ran, 1 some failed (or an error), 2 bad usage.
 * `RIGMARK_DATA_DIR` picks the data dir everywhere.
 */
export async function runCli(argv: string[], io: CliIo = processIo): Promise<number> {
  let core: RigmarkCore | undefined;
  let exitCode = 0;
  const ctx: CliContext = {
    io,
    openCore: async () => (core ??= await createRigmarkCore()),
    setExitCode: (c) => void (exitCode = c),
  };
  const program = buildProgram(ctx);
  program.configureOutput({ writeOut: io.out, writeErr: io.err });
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    exitCode = exitCodeFor(error, io);
  } finally {
    await core?.close();
  }
  return exitCode;
}

function exitCodeFor(error: unknown, io: CliIo): number {
  if (error instanceof CommanderError) {
    // --help and --version end through here with exit code 0.
    return error.exitCode === 0 ? 0 : 2;
  }
  if (error instanceof UsageError || (error instanceof RigmarkError && error.code === 'BAD_INPUT')) {
    io.err(`rigmark: ${error.message}\n`);
    return 2;
  }
  io.err(`rigmark: ${errorMessage(error)}\n`);
  return 1;
}
