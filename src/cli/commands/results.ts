import type { Command } from 'commander';
import type { RunDetail } from '../../shared/domain/results';
import { parsePositiveInt, type CliContext } from '../context';
import { headlineJson, renderHeadline } from '../headline-text';
import { formatNumber, formatPercent, formatTable, printJson } from '../output';

/** The compact per-benchmark view used by `results` and the `run --json` summary line. */
export function summarizeRun(detail: RunDetail) {
  return {
    runId: detail.run.id,
    status: detail.run.status,
    suite: detail.run.suite,
    startedAt: detail.run.startedAt,
    system: detail.run.systemLabel,
    results: detail.results.map((r) => ({
      benchmarkId: r.benchmarkId,
      status: r.status,
      median: r.stats.median,
      unit: r.unit,
      cv: r.stats.cv,
      samples: r.stats.count,
      reason: r.reason,
      telemetry: r.telemetry,
      physicalLimit: r.physicalLimit ?? null,
    })),
  };
}

export function registerResults(program: Command, ctx: CliContext): void {
  program
    .command('results')
    .description('show stored runs with their results (statistics recomputed from the raw samples)')
    .option('--run <id>', 'one run')
    .option('--limit <n>', 'how many recent runs', '5')
    .option('--json', 'print full run records (results, raw samples, system snapshot) as JSON')
    .action(async (opts: { run?: string; limit: string; json?: boolean }) => {
      const core = await ctx.openCore();
      const ids = opts.run
        ? [parsePositiveInt(opts.run, '--run')]
        : core.listRuns({ limit: parsePositiveInt(opts.limit, '--limit') }).map((r) => r.id);
      const details = ids.map((id) => core.getRun(id)).filter((d): d is RunDetail => d !== null);
      if (opts.run && details.length === 0) {
        ctx.io.err(`No run ${opts.run}.\n`);
        return ctx.setExitCode(1);
      }
      if (opts.json) return printJson(ctx.io, opts.run ? { ...details[0], headline: headlineJson(core.headline({ runId: details[0]?.run.id })) } : details);
      if (details.length === 0) return ctx.io.out('No runs yet: try `rigmark run --suite quick`.\n');
      for (const d of details) ctx.io.out(renderRun(d));
      // One run asked for: its headline under the table, as at the end of `rigmark run`.
      if (opts.run) ctx.io.out(renderHeadline(core.headline({ runId: details[0]?.run.id })));
    });
}

function renderRun(d: RunDetail): string {
  const head = `Run ${d.run.id} · ${d.run.suite} · ${d.run.status} · ${d.run.startedAt} · ${d.run.systemLabel}\n`;
  const rows = d.results.map((r) => [
    r.benchmarkId,
    r.status,
    formatNumber(r.stats.median),
    r.unit,
    formatPercent(r.stats.cv),
    r.stats.count,
    [limitText(r.physicalLimit), telemetryText(r.telemetry), r.reason].filter(Boolean).join('; ') || null,
  ]);
  return head + formatTable(['benchmark', 'status', 'median', 'unit', 'CV', 'n', 'notes'], rows) + '\n';
}

function telemetryText(t: RunDetail['results'][number]['telemetry']): string | null {
  if (!t || t.sampleCount === 0) return null;
  const parts = [
    t.avgPowerW !== null ? `${formatNumber(t.avgPowerW)} W avg` : null,
    t.maxTempC !== null ? `${formatNumber(t.maxTempC)} °C max` : null,
    t.clocksHeldPct !== null ? `clocks held ${formatNumber(t.clocksHeldPct)} %` : null,
    t.energyPerUnitJ !== null ? `${formatNumber(t.energyPerUnitJ)} J/unit` : null,
    t.isThrottled ? `THROTTLED: ${t.throttleReasons.join(', ')}` : null,
  ];
  return parts.filter(Boolean).join(', ');
}

function limitText(l: RunDetail['results'][number]['physicalLimit']): string | null {
  if (!l || l.pctOfLimit === null) return null;
  return `${formatNumber(l.pctOfLimit)} % of the ${l.cardKey} ${l.kind === 'memory-bandwidth' ? 'bandwidth' : 'compute'} limit`;
}
