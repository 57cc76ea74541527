import type { PreflightCheck } from '../../shared/domain/preflight';
import type { AvailabilityContext } from '../bench/definition';
import type { PlannedItem } from '../bench/planner';
import { runPreflight, type PreflightBenchmark } from '../hardware/preflight';

/** Pre-flight checks over the available instances of a plan. */
export async function preflightPlan(items: readonly PlannedItem[], ctx: AvailabilityContext): Promise<PreflightCheck[]> {
  const benchmarks: PreflightBenchmark[] = [];
  for (const { definition, params, availability } of items) {
    if (!availability.isAvailable) continue;
    const extra = (await definition.preflightInfo?.(ctx, params).catch(() => ({}))) ?? {};
    benchmarks.push({ id: definition.id, title: definition.title, category: definition.category, requiresGpu: definition.category === 'gpu-compute', ...extra });
  }
  return runPreflight({ snapshot: ctx.snapshot, benchmarks, dataDir: ctx.dataDir });
}
