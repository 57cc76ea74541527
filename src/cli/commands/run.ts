import type { Command } from 'commander';
import { apiContract } from '../../shared/api/contract';
import { SuiteSchema } from '../../shared/domain/benchmark';
import { formatIssues } from '../../core/api/dispatch';
import type { RunDetail } from '../../shared/domain/results';
import type { RunRequest } from '../../shared/domain/run';
import { UsageError, parsePositiveInt, type CliContext } from '../context';
import { headlineJson, renderHeadline } from '../headline-text';
import { printJson } from '../output';
import { createProgressPrinter } from '../progress-bar';
import { summarizeRun } from './results';

interface RunOptions {
  suite?: string;
  bench: string[];
  reps?: string;
  model?: string;
  json?: boolean;
}

export function registerRun(program: Command, ctx: CliContext): void {
  program
    .command('run')
    .description('run a suite or single benchmarks; every sample is stored as it is taken')
    .option('--suite <suite>', 'quick | full | system')
    .option('--bench <id>', 'a benchmark id (repeatable)', (v: string, acc: string[]) => [...acc, v], [])
    .option('--reps <n>', 'counted repetitions per benchmark (more are added while CV > 3.5 %, up to twice this)')
    .option('--model <model>', 'model for the LLM benchmarks: synthetic:NAME, a GGUF path, or ollama:NAME:TAG')
    .option('--json', 'one JSON event per line, then a summary line')
    .action(async (opts: RunOptions) => {
      const request = toRequest(opts);
      const core = await ctx.openCore();
      const print = opts.json ? (e: unknown) => printJson(ctx.io, e) : createProgressPrinter(ctx.io);
      if (core.preflight) {
        for (const check of await core.preflight(request)) {
          if (opts.json) printJson(ctx.io, { type: 'preflight', ...check });
          else ctx.io.err(`${check.severity === 'info' ? 'note' : check.severity}: ${check.message}\n  fix: ${check.fix}\n`);
        }
      }
      // The run's own ending, as core saw it: the stored row may lag behind when the database was locked at the end.
      let failedRun = false;
      const off = core.onEvent((e) => {
        if (e.type === 'run-finished') failedRun = e.status === 'failed';
        print(e);
      });
      const { runId } = await core.startRun(request);
      // Ctrl-C cancels cleanly: the worker is killed, samples taken so far are kept, the run is `cancelled`.
      const onSigint = (): void => void core.cancelRun(runId);
      process.once('SIGINT', onSigint);
      await core.waitForRun(runId);
      process.off('SIGINT', onSigint);
      off();
      const detail = core.getRun(runId);
      if (!detail) throw new Error(`run ${runId} was not stored`);
      const headline = core.headline({ runId });
      if (opts.json) printJson(ctx.io, { type: 'summary', ...summarizeRun(detail), headline: headlineJson(headline) });
      else ctx.io.out(renderHeadline(headline));
      ctx.setExitCode(failedRun ? 1 : exitCodeOf(detail));
    });
}

/**
 * The options as a run request, checked against the same contract as IPC and HTTP (`runs:start`'s input schema):
 * anything the desktop app or web mode would refuse is a usage error here too (exit 2).
 */
function toRequest(opts: RunOptions): RunRequest {
  const suite = opts.suite === undefined ? undefined : SuiteSchema.safeParse(opts.suite);
  if (suite && !suite.success) throw new UsageError(`--suite must be quick, full or system (got "${opts.suite}")`);
  if (!suite && opts.bench.length === 0) throw new UsageError('choose --suite quick|full|system or at least one --bench ID');
  if (opts.model !== undefined && opts.model.trim() === '') throw new UsageError('--model names no model: give synthetic:NAME, a GGUF path or ollama:NAME:TAG, or leave it out');
  const parsed = apiContract['runs:start'].input.safeParse({
    suite: suite?.data,
    benchmarkIds: opts.bench.length > 0 ? opts.bench : undefined,
    repetitions: opts.reps === undefined ? undefined : parsePositiveInt(opts.reps, '--reps'),
    model: opts.model,
  });
  if (!parsed.success) throw new UsageError(`invalid run request: ${formatIssues(parsed.error)}`);
  return parsed.data;
}

/** 0 when everything that could run ran; 1 when something failed; 130 when cancelled (Ctrl-C). */
export function exitCodeOf(detail: RunDetail): number {
  if (detail.run.status === 'cancelled') return 130;
  if (detail.run.status === 'failed') return 1;
  return detail.results.some((r) => r.status === 'failed' || r.status === 'interrupted') ? 1 : 0;
}
