import type { Availability, RepetitionPolicy } from '../../shared/domain/benchmark';
import type { RunRequest } from '../../shared/domain/run';
import { RigmarkError } from '../errors';
import type { AvailabilityContext, BenchmarkDefinition } from './definition';
import { repetitionPolicy } from './stats';

export interface PlannedItem {
  definition: BenchmarkDefinition;
  params: Record<string, unknown>;
  availability: Availability;
  repetitions: RepetitionPolicy;
}

/** Repetitions of the quick suite (BENCHMARKS.md "Method": 5 by default, quick suite 3). */
const QUICK_REPETITIONS = 3;

/**
 * Turns a request into ordered benchmark instances, each with its availability decided up front, so unavailable
 * ones are recorded with their reason and never started. Unknown benchmark ids are a usage error.
 */
export async function planRun(
  request: RunRequest,
  definitions: readonly BenchmarkDefinition[],
  ctx: AvailabilityContext,
): Promise<PlannedItem[]> {
  const chosen = selectDefinitions(request, definitions);
  const items: PlannedItem[] = [];
  for (const definition of chosen) {
    const availability = await definition.checkAvailability(ctx).catch(
      (error: unknown): Availability => ({ isAvailable: false, reason: `availability check failed: ${String(error)}` }),
    );
    const planned = request.repetitions ?? (request.suite === 'quick' ? QUICK_REPETITIONS : definition.defaultRepetitions);
    items.push({
      definition,
      params: { ...(definition.defaultParams?.(ctx) ?? {}), ...ctx.params },
      availability,
      repetitions: repetitionPolicy(planned, definition.warmups),
    });
  }
  return items;
}

function selectDefinitions(request: RunRequest, definitions: readonly BenchmarkDefinition[]): BenchmarkDefinition[] {
  if (request.benchmarkIds && request.benchmarkIds.length > 0) {
    const byId = new Map(definitions.map((d) => [d.id, d]));
    const unknown = request.benchmarkIds.filter((id) => !byId.has(id));
    if (unknown.length > 0) {
      throw new RigmarkError('BAD_INPUT', `unknown benchmark ${unknown.join(', ')}: \`rigmark list\` shows the ids`);
    }
    // Catalogue order, not request order: it groups by family so a model is loaded in consecutive instances.
    const wanted = new Set(request.benchmarkIds);
    return definitions.filter((d) => wanted.has(d.id));
  }
  const suite = request.suite ?? 'quick';
  return definitions.filter((d) => d.suites.includes(suite));
}
