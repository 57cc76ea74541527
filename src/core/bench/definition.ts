import type { Availability, Category, RepetitionPolicy, Suite } from '../../shared/domain/benchmark';
import type { SystemSnapshot } from '../../shared/domain/system';
import type { PreflightBenchmark } from '../hardware/preflight';
import type { WorkerBenchmark } from './worker/types';

/** What availability checks may look at. Built once per plan by the runner. */
export interface AvailabilityContext {
  snapshot: SystemSnapshot;
  dataDir: string;
  /** User settings (engine endpoints, model folders…), free-form per family. */
  settings: Record<string, unknown>;
  /** Parameters the user chose for this run (e.g. `model`). */
  params: Record<string, unknown>;
}

/**
 * A benchmark as the parent process knows it. Each family (`families/<name>/`) exports a list of these from
 * `definitions.ts` and its worker implementations from `worker.ts` (loaded only inside worker processes).
 */
export interface BenchmarkDefinition {
  id: string;
  /** Family folder under `families/`, which holds `worker.ts` exporting `benchmarks: Record<id, WorkerBenchmark>`. */
  family: string;
  title: string;
  description: string;
  category: Category;
  unit: string;
  higherIsBetter: boolean;
  defaultRepetitions: number;
  /** Warm-up repetitions before counting. */
  warmups: number;
  /** Whole-instance timeout (setup + all repetitions). */
  timeoutMs: number;
  suites: Suite[];
  estimatedMs: number;
  /**
   * A better first guess than `estimatedMs` where the work depends on the params (a model's size, the backend),
   * used until this machine has run the instance once (then its own timings are used).
   */
  defaultEstimateMs?(params: Record<string, unknown>, ctx: AvailabilityContext, repetitions: RepetitionPolicy): number;
  checkAvailability(ctx: AvailabilityContext): Promise<Availability>;
  /**
   * Instances a suite runs of this benchmark when the user named no model: e.g. llama.cpp runs Llama 3 8B Q4_K_M
   * in the quick suite and adds Llama 2 7B Q4_0 and the F16 shape in the full one. With `ctx` (planning on this
   * machine) a family may adapt, e.g. to the largest shape that fits; without it, what the suite runs in principle.
   * Default: one instance with the default params.
   */
  suiteVariants?(suite: Suite, ctx?: AvailabilityContext): SuiteVariant[];
  /** Variables the worker process must start with (read once at process start, e.g. UV_THREADPOOL_SIZE). */
  workerEnv?: Readonly<Record<string, string>>;
  /** Default params merged under the user's (e.g. disk size). */
  defaultParams?(ctx: AvailabilityContext): Record<string, unknown>;
  /** What the pre-flight checks need to know beyond id and category (backend, model bytes, disk needed). */
  preflightInfo?(ctx: AvailabilityContext, params: Record<string, unknown>): Promise<Partial<PreflightBenchmark>>;
}

/** One planned instance of a benchmark within a suite: extra params and a label shown after the title. */
export interface SuiteVariant {
  label: string;
  params: Record<string, unknown>;
}

/** Shape of a family's `worker.ts` module. */
export interface FamilyWorkerModule {
  benchmarks: Record<string, WorkerBenchmark<never>>;
}
