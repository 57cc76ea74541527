import type { SystemSnapshot } from '../../../shared/domain/system';
import { hashSnapshot } from '../../hardware/snapshot-hash';
import { resolvePaths } from '../../paths';
import type { Store } from '../../store/store';
import type { AvailabilityContext } from '../definition';
import { definitionEstimate, type Estimator, type PlanOptions, type PlannedItem } from '../planner';
import { combineTimings, estimateFromTiming, timingOf, type InstanceTiming } from './learned-timing';
import { paramsKey } from './params-key';
import { DEFAULT_GENERATION_BYTES_PER_SEC, pendingGeneration, syntheticNameOf, type PendingGeneration } from './synthetic-generation';
import { createTimingHistory } from './timing-history';

/** How many of the newest matching results an estimate learns from. */
export const HISTORY_DEPTH = 5;

/** A synthetic model the plan generates, charged to the first available instance that uses it. */
export interface PlannedGeneration extends PendingGeneration {
  benchmarkId: string;
  title: string;
}

export interface LearnedEstimator {
  estimate: Estimator;
  /** The synthetic models this plan will generate, in plan order (so a plan can show "includes generating …"). */
  generations(): readonly PlannedGeneration[];
}

export interface LearnedEstimatorOptions {
  /** Speed of writing a synthetic model (default {@link DEFAULT_GENERATION_BYTES_PER_SEC}). */
  generationBytesPerSec?: number;
}

type PlanItem = Omit<PlannedItem, 'estimatedMs'>;

/**
 * An estimator that learns from this machine's earlier runs: for each planned instance, the newest finished results
 * of the same benchmark and params on this system give setup, warm-up and repetition times; without any, the
 * definition's figure is used. A synthetic model not generated yet adds its generation time to the first instance
 * of the plan that uses it — so create one estimator per plan, and call it in plan order (the planner does).
 * Never throws: an unreadable history falls back to the definition's figure.
 */
export function createLearnedEstimator(store: Store, options: LearnedEstimatorOptions = {}): LearnedEstimator {
  const history = createTimingHistory(store);
  const bytesPerSec = options.generationBytesPerSec ?? DEFAULT_GENERATION_BYTES_PER_SEC;
  const charged = new Set<string>();
  const generations: PlannedGeneration[] = [];
  const hashes = new WeakMap<SystemSnapshot, string>();

  const systemHash = (snapshot: SystemSnapshot): string => {
    let hash = hashes.get(snapshot);
    if (hash === undefined) {
      hash = hashSnapshot(snapshot);
      hashes.set(snapshot, hash);
    }
    return hash;
  };

  const learnedMs = (item: PlanItem, ctx: AvailabilityContext): number | null => {
    try {
      const past = history.recent(item.definition.id, paramsKey(item.params), systemHash(ctx.snapshot), HISTORY_DEPTH);
      const timing = combineTimings(past.map(timingOf).filter((t): t is InstanceTiming => t !== null));
      return timing ? estimateFromTiming(timing, item.repetitions) : null;
    } catch {
      return null; // a store that cannot be read must not stop planning; the default figure stands
    }
  };

  const generationOf = async (item: PlanItem, ctx: AvailabilityContext): Promise<PendingGeneration | null> => {
    const model = item.params['model'];
    const name = syntheticNameOf(model);
    if (name === null || typeof model !== 'string' || charged.has(name)) return null;
    // Marked before the await, so an instance estimated meanwhile cannot charge the same model again.
    charged.add(name);
    const pending = await pendingGeneration(model, name, resolvePaths({ dataDir: ctx.dataDir }).modelsDir, bytesPerSec).catch(() => null);
    if (!pending) return null;
    generations.push({ ...pending, benchmarkId: item.definition.id, title: item.title });
    return pending;
  };

  return {
    estimate: async (item, ctx) => {
      const base = learnedMs(item, ctx) ?? (await definitionEstimate(item, ctx));
      const pending = await generationOf(item, ctx);
      if (!pending) return base;
      const generation = { model: pending.model, displayName: pending.displayName, bytes: pending.bytes, estimatedMs: pending.generationMs };
      return { ms: base + generation.estimatedMs, generation };
    },
    generations: () => generations,
  };
}

/** Plan options with a fresh learned estimator (one per plan: it remembers which synthetic models it has charged). */
export function learnedPlanOptions(store: Store, options: LearnedEstimatorOptions = {}): PlanOptions {
  return { estimate: createLearnedEstimator(store, options).estimate };
}
