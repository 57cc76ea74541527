import type { PlannedInstance } from '../../shared/domain/run';
import type { PlannedItem } from '../bench/planner';
import type { ExecutableItem } from '../bench/runner/run-executor';
import type { Store } from '../store/store';

/** The face of a planned item shown before and during a run (`resultId` is negative before anything is stored). */
export function plannedInstance(item: PlannedItem, resultId: number): PlannedInstance {
  const a = item.availability;
  return {
    resultId,
    benchmarkId: item.definition.id,
    title: item.title,
    status: a.isAvailable ? 'pending' : 'unavailable',
    reason: a.isAvailable ? null : a.reason,
    howToEnable: a.isAvailable ? null : (a.howToEnable ?? null),
    estimatedMs: item.estimatedMs,
    generation: item.generation ?? null,
  };
}

/**
 * Stores every planned instance of a run as a result row before anything starts: unavailable ones at once with
 * their reason (so a run shows what it could not measure and why), available ones as `pending`.
 */
export function recordPlan(
  store: Store,
  runId: number,
  items: readonly PlannedItem[],
  at: string,
): { planned: PlannedInstance[]; executable: ExecutableItem[] } {
  const planned: PlannedInstance[] = [];
  const executable: ExecutableItem[] = [];
  for (const [ordinal, item] of items.entries()) {
    const d = item.definition;
    const { isAvailable } = item.availability;
    const reason = item.availability.isAvailable
      ? null
      : [item.availability.reason, item.availability.howToEnable].filter(Boolean).join(' — ');
    const status = isAvailable ? 'pending' : 'unavailable';
    const resultId = store.results.insert({
      runId,
      ordinal,
      benchmarkId: d.id,
      title: item.title,
      category: d.category,
      unit: d.unit,
      higherIsBetter: d.higherIsBetter,
      status,
      params: item.params,
      reason,
      estimatedMs: item.estimatedMs,
    });
    if (!isAvailable) store.results.finish(resultId, { status, reason, stderrTail: null, at });
    planned.push({ ...plannedInstance(item, resultId), status });
    if (isAvailable) executable.push({ resultId, item });
  }
  return { planned, executable };
}
