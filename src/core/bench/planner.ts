import type { Availability, RepetitionPolicy } from '../../shared/domain/benchmark';
import type { ModelGeneration, RunRequest } from '../../shared/domain/run';
import { RigmarkError } from '../errors';
import type { AvailabilityContext, BenchmarkDefinition, SuiteVariant } from './definition';
import { repetitionPolicy } from './stats';
import { applyBudget, suiteBudgetMs } from './suite-budget';

export interface PlannedItem {
  definition: BenchmarkDefinition;
  /** Title and label of this instance (`llama.cpp generation (tg128) — Llama 2 7B Q4_0`). */
  title: string;
  params: Record<string, unknown>;
  availability: Availability;
  repetitions: RepetitionPolicy;
  /** Expected wall time of this instance (0 when unavailable): learned on this machine, else the definition's. */
  estimatedMs: number;
  /** The one-time synthetic model generation this instance does first (included in `estimatedMs`). */
  generation?: ModelGeneration;
}

/**
 * Expected wall time of one planned instance. The default is the definition's rough figure; core passes one that
 * learns from this machine's earlier runs (see `bench/estimates/`).
 */
export type Estimator = (item: Omit<PlannedItem, 'estimatedMs'>, ctx: AvailabilityContext) => Promise<Estimate> | Estimate;

/** A bare figure, or one that says how much of it is generating a synthetic model first. */
export type Estimate = number | { ms: number; generation: ModelGeneration | null };

export interface PlanOptions {
  estimate?: Estimator;
}

/** The definition's own first guess: its params-aware one when it has it, else its fixed figure. */
export const definitionEstimate = (item: Omit<PlannedItem, 'estimatedMs'>, ctx: AvailabilityContext): number =>
  item.definition.defaultEstimateMs?.(item.params, ctx, item.repetitions) ?? item.definition.estimatedMs;

/** Repetitions of the quick suite (docs/METHOD.md "Method": 5 by default, quick suite 3). */
const QUICK_REPETITIONS = 3;
const SINGLE: SuiteVariant[] = [{ label: '', params: {} }];

/**
 * Turns a request into ordered benchmark instances, each with its availability decided up front, so unavailable
 * ones are recorded with their reason and never started. Within a family, instances are ordered variant by
 * variant (model by model), so the benchmarks of one model run one after another. Unknown ids are a usage error.
 */
export async function planRun(
  request: RunRequest,
  definitions: readonly BenchmarkDefinition[],
  ctx: AvailabilityContext,
  options: PlanOptions = {},
): Promise<PlannedItem[]> {
  const items: PlannedItem[] = [];
  const estimate = options.estimate ?? definitionEstimate;
  const budgetMs = suiteBudgetMs(request.suite, ctx.snapshot);
  for (const family of groupByFamily(selectDefinitions(request, definitions))) {
    const variants = family.map((d) => (request.model || !request.suite ? SINGLE : (d.suiteVariants?.(request.suite, ctx) ?? SINGLE)));
    const rounds = Math.max(...variants.map((v) => v.length));
    for (let round = 0; round < rounds; round += 1) {
      for (const [i, definition] of family.entries()) {
        const variant = variants[i]?.[round];
        if (variant) items.push(await planOne(definition, variant, request, ctx, estimate, budgetMs));
      }
    }
  }
  return applyBudget(items, budgetMs);
}

async function planOne(
  definition: BenchmarkDefinition,
  variant: SuiteVariant,
  request: RunRequest,
  ctx: AvailabilityContext,
  estimate: Estimator,
  budgetMs: number | null,
): Promise<PlannedItem> {
  const variantCtx: AvailabilityContext = { ...ctx, params: { ...variant.params, ...ctx.params } };
  const availability = await definition.checkAvailability(variantCtx).catch(
    (error: unknown): Availability => ({ isAvailable: false, reason: `availability check failed: ${String(error)}` }),
  );
  const planned = request.repetitions ?? (request.suite === 'quick' ? QUICK_REPETITIONS : definition.defaultRepetitions);
  const item = {
    definition,
    title: variant.label ? `${definition.title} — ${variant.label}` : definition.title,
    params: { ...(definition.defaultParams?.(variantCtx) ?? {}), ...variantCtx.params },
    availability,
    // Under a budget, the whole of it until applyBudget shares it out: estimates can already see that there is one
    // (a budgeted pp512 warms up shorter).
    repetitions: { ...repetitionPolicy(planned, definition.warmups), ...(budgetMs === null ? {} : { budgetMs }) },
  };
  if (!availability.isAvailable) return { ...item, estimatedMs: 0 };
  const estimated = await estimate(item, variantCtx);
  if (typeof estimated === 'number') return { ...item, estimatedMs: Math.max(0, estimated) };
  return { ...item, estimatedMs: Math.max(0, estimated.ms), ...(estimated.generation ? { generation: estimated.generation } : {}) };
}

function groupByFamily(definitions: readonly BenchmarkDefinition[]): BenchmarkDefinition[][] {
  const groups = new Map<string, BenchmarkDefinition[]>();
  for (const d of definitions) groups.set(d.family, [...(groups.get(d.family) ?? []), d]);
  return [...groups.values()];
}

function selectDefinitions(request: RunRequest, definitions: readonly BenchmarkDefinition[]): BenchmarkDefinition[] {
  if (request.benchmarkIds && request.benchmarkIds.length > 0) {
    const byId = new Map(definitions.map((d) => [d.id, d]));
    const unknown = request.benchmarkIds.filter((id) => !byId.has(id));
    if (unknown.length > 0) {
      throw new RigmarkError('BAD_INPUT', `unknown benchmark ${unknown.join(', ')}: run “rigmark list” to see the ids`);
    }
    // Catalogue order, not request order: it groups by family so a model is loaded in consecutive instances.
    const wanted = new Set(request.benchmarkIds);
    return definitions.filter((d) => wanted.has(d.id));
  }
  const suite = request.suite ?? 'quick';
  return definitions.filter((d) => d.suites.includes(suite));
}
