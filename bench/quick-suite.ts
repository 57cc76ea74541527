/**
 * The quick suite's wall time on this machine, and its estimate against the actual time (issue: within the budget,
 * estimate within ±25 %). Two runs in one fresh data dir: the first generates the synthetic model and plans from
 * the catalogue's defaults; the second reuses the model and plans from what the first measured. Not a test.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRigmarkCore } from '../src/core/app/create-core';
import { formatDuration } from '../src/cli/output';
import { QUICK_SUITE_BUDGET_MS } from '../src/core/bench/suite-budget';

export interface QuickSuiteRow {
  run: string;
  estimateMs: number;
  actualMs: number;
  /** (actual − estimate) / estimate. */
  errorFraction: number;
  statuses: string;
  budgetCuts: number;
}

async function timeQuickRun(dataDir: string, label: string): Promise<QuickSuiteRow> {
  const core = await createRigmarkCore({ dataDir });
  try {
    const plan = await core.planRun({ suite: 'quick' });
    const estimateMs = plan.reduce((s, p) => s + p.estimatedMs, 0);
    const started = performance.now();
    const { runId } = await core.startRun({ suite: 'quick' });
    await core.waitForRun(runId);
    const actualMs = performance.now() - started;
    const detail = core.getRun(runId);
    const results = detail?.results ?? [];
    const statuses = results.map((r) => `${r.benchmarkId}=${r.status}`).join(' ');
    const budgetCuts = results.filter((r) => (r.reason ?? '').includes('time budget')).length;
    return { run: label, estimateMs, actualMs, errorFraction: (actualMs - estimateMs) / estimateMs, statuses, budgetCuts };
  } finally {
    await core.close();
  }
}

/** Runs the quick suite twice in a fresh data dir and returns one row per run. */
export async function measureQuickSuite(): Promise<QuickSuiteRow[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'rigmark-bench-quick-'));
  try {
    return [await timeQuickRun(dataDir, 'first run (generates the model)'), await timeQuickRun(dataDir, 'second run (learned estimate)')];
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export function budgetLine(): string {
  return `budget: ${formatDuration(QUICK_SUITE_BUDGET_MS.cpuOnly)} wall on a CPU-only machine, ${formatDuration(QUICK_SUITE_BUDGET_MS.withGpu)} of measuring with a GPU`;
}
