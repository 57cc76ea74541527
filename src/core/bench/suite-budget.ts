import type { SystemSnapshot } from '../../shared/domain/system';
import type { PlannedItem } from './planner';

/**
 * The quick suite's time budget (docs/METHOD.md "Suites"): at most 6 minutes of wall time on a CPU-only machine,
 * one-time model generation included, and at most 3 minutes of measuring on a machine with a GPU.
 */
export const QUICK_SUITE_BUDGET_MS = { cpuOnly: 6 * 60_000, withGpu: 3 * 60_000 } as const;

/** A GPU that can hold a model: its own memory, or memory shared with the CPU (Apple silicon). */
function hasUsableGpu(snapshot: SystemSnapshot): boolean {
  return snapshot.gpus.some((g) => (g.vramMiB ?? 0) > 0 || g.isUnifiedMemory === true || g.vendor === 'apple');
}

/** The budget a suite runs under on this machine, or null when it has none (the full suite takes what it takes). */
export function suiteBudgetMs(suite: string | undefined, snapshot: SystemSnapshot): number | null {
  if (suite !== 'quick') return null;
  return hasUsableGpu(snapshot) ? QUICK_SUITE_BUDGET_MS.withGpu : QUICK_SUITE_BUDGET_MS.cpuOnly;
}

/**
 * Shares a suite's budget among its runnable instances in proportion to their estimates, as each instance's
 * `repetitions.budgetMs`. The worker holds only extra repetitions (those the spread asks for) to it: the planned
 * ones (at least 3) always run, so an estimate already over budget yields exactly the planned repetitions.
 */
export function applyBudget(items: readonly PlannedItem[], budgetMs: number | null): PlannedItem[] {
  const total = items.reduce((s, x) => s + (x.availability.isAvailable ? x.estimatedMs : 0), 0);
  if (budgetMs === null || total <= 0) return [...items];
  const scale = budgetMs / total;
  return items.map((x) =>
    x.availability.isAvailable && x.estimatedMs > 0 ? { ...x, repetitions: { ...x.repetitions, budgetMs: Math.round(x.estimatedMs * scale) } } : x,
  );
}
