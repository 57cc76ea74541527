import { describe, expect, it } from 'vitest';
import { rtx4090Snapshot } from '../../../test/fixtures/hardware/snapshots';
import type { PlannedItem } from './planner';
import { applyBudget, QUICK_SUITE_BUDGET_MS, suiteBudgetMs } from './suite-budget';

const item = (estimatedMs: number, isAvailable = true): PlannedItem =>
  ({
    title: 't',
    params: {},
    availability: isAvailable ? { isAvailable: true } : { isAvailable: false, reason: 'no' },
    repetitions: { warmups: 1, planned: 3, max: 6, cvThreshold: 0.035 },
    estimatedMs: isAvailable ? estimatedMs : 0,
  }) as unknown as PlannedItem;

describe('suite budget', () => {
  it('is 6 minutes on a CPU-only machine and 3 on one with a GPU, for the quick suite only', () => {
    expect(suiteBudgetMs('quick', rtx4090Snapshot({ gpus: [] }))).toBe(QUICK_SUITE_BUDGET_MS.cpuOnly);
    expect(suiteBudgetMs('quick', rtx4090Snapshot())).toBe(QUICK_SUITE_BUDGET_MS.withGpu);
    expect(suiteBudgetMs('full', rtx4090Snapshot())).toBeNull();
    expect(suiteBudgetMs(undefined, rtx4090Snapshot())).toBeNull();
  });

  it('shares the budget among runnable instances in proportion to their estimates', () => {
    const items = applyBudget([item(1000), item(3000), item(0, false)], 8000);
    expect(items.map((x) => x.repetitions.budgetMs)).toEqual([2000, 6000, undefined]);
  });

  it('leaves a suite without a budget alone', () => {
    expect(applyBudget([item(1000)], null)[0]?.repetitions.budgetMs).toBeUndefined();
  });
});
