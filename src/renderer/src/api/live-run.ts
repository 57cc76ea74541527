import type { ApiEvent } from '../../../shared/api/contract';
import type { ResultStatus, RunStatus } from '../../../shared/domain/benchmark';
import type { RunDetail, Sample } from '../../../shared/domain/results';
import type { PlannedInstance } from '../../../shared/domain/run';

/** One benchmark instance of a run as the live view shows it. */
export interface LiveInstance {
  resultId: number;
  benchmarkId: string;
  title: string;
  status: ResultStatus;
  reason: string | null;
  /** How to make an unavailable benchmark available, when core says so apart from the reason. */
  howToEnable: string | null;
  estimatedMs: number;
  phase: string | null;
  /** 0..1 of this instance. */
  fraction: number;
  samples: Sample[];
  median: number | null;
  unit: string | null;
}

export interface LiveRun {
  runId: number;
  status: RunStatus;
  instances: LiveInstance[];
  /** 0..1 of the whole run, by estimated time (as core reports it). */
  overallFraction: number;
  etaMs: number | null;
  /** Why the run itself failed (a database that stayed locked, a full disk); null otherwise. */
  reason: string | null;
}

export interface LiveState {
  runs: Record<number, LiveRun>;
  /** The run the Run page follows: the last one started (here or elsewhere, e.g. the CLI). */
  focusRunId: number | null;
  /** Bumped on every finished run, so lists that depend on runs know to reload. */
  finishedRunCount: number;
}

export type LiveAction =
  | { type: 'event'; event: ApiEvent }
  | { type: 'seed'; detail: RunDetail }
  | { type: 'focus'; runId: number | null };

export const initialLiveState: LiveState = { runs: {}, focusRunId: null, finishedRunCount: 0 };

const FINISHED: ReadonlySet<ResultStatus> = new Set(['passed', 'unstable', 'failed', 'unavailable', 'cancelled', 'interrupted']);

export function isInstanceFinished(status: ResultStatus): boolean {
  return FINISHED.has(status);
}

/** Merges one event or action into the live state. Pure, so it is tested without React. */
export function liveReducer(state: LiveState, action: LiveAction): LiveState {
  switch (action.type) {
    case 'focus':
      return { ...state, focusRunId: action.runId };
    case 'seed':
      return withRun(state, seedRun(state.runs[action.detail.run.id], action.detail));
    case 'event':
      return applyEvent(state, action.event);
  }
}

function applyEvent(state: LiveState, event: ApiEvent): LiveState {
  // Model-generation events belong to the Models page, not to a run.
  if (!('runId' in event)) return state;
  const run = state.runs[event.runId] ?? emptyRun(event.runId);
  switch (event.type) {
    case 'run-started':
      return {
        ...withRun(state, { ...run, status: 'running', instances: event.instances.map(fromPlanned) }),
        focusRunId: event.runId,
      };
    case 'instance-started':
      return withRun(state, updateInstance(run, event.resultId, event.benchmarkId, (i) => ({ ...i, status: 'running' })));
    case 'progress':
      return withRun(state, {
        ...updateInstance(run, event.resultId, event.benchmarkId, (i) => ({
          ...i,
          status: isInstanceFinished(i.status) ? i.status : 'running',
          phase: event.phase,
          fraction: clamp01(event.fraction),
        })),
        overallFraction: clamp01(event.overallFraction),
        etaMs: event.etaMs,
      });
    case 'sample':
      return withRun(state, updateInstance(run, event.resultId, event.benchmarkId, (i) => ({ ...i, samples: addSample(i.samples, event.sample) })));
    case 'instance-finished':
      return withRun(
        state,
        updateInstance(run, event.resultId, event.benchmarkId, (i) => ({
          ...i,
          status: event.status,
          median: event.median,
          unit: event.unit,
          reason: event.reason,
          phase: null,
          fraction: 1,
        })),
      );
    case 'run-finished': {
      // Instances core never reached take the run's fate, so nothing is left looking "running" forever.
      const leftover: ResultStatus | null = event.status === 'cancelled' ? 'cancelled' : event.status === 'interrupted' ? 'interrupted' : null;
      const instances = run.instances.map((i) => (leftover !== null && !isInstanceFinished(i.status) ? { ...i, status: leftover, phase: null } : i));
      return {
        ...withRun(state, {
          ...run,
          status: event.status,
          instances,
          etaMs: null,
          overallFraction: event.status === 'completed' ? 1 : run.overallFraction,
          reason: event.reason ?? null,
        }),
        finishedRunCount: state.finishedRunCount + 1,
      };
    }
  }
}

/** Builds (or fills in) a run from its stored detail, e.g. after the window reloaded during a run. */
function seedRun(existing: LiveRun | undefined, detail: RunDetail): LiveRun {
  const stored = detail.results.map<LiveInstance>((r) => ({
    resultId: r.id,
    benchmarkId: r.benchmarkId,
    title: r.title,
    status: r.status,
    reason: r.reason,
    estimatedMs: 0,
    phase: null,
    fraction: isInstanceFinished(r.status) ? 1 : 0,
    samples: r.samples,
    median: r.stats.median,
    unit: r.unit,
    howToEnable: null,
  }));
  if (existing === undefined || existing.instances.length === 0) {
    // Without estimates, the share of measured benchmarks that finished; unavailable ones never count as work.
    const { done, total } = runCounts(stored);
    return {
      runId: detail.run.id,
      status: detail.run.status,
      instances: stored,
      overallFraction: total === 0 ? (detail.run.status === 'running' ? 0 : 1) : done / total,
      etaMs: null,
      reason: detail.run.reason ?? null,
    };
  }
  // Events already arrived: keep their state, only add samples taken before this window was listening.
  const byId = new Map(stored.map((i) => [i.resultId, i]));
  return {
    ...existing,
    instances: existing.instances.map((i) => {
      const fromStore = byId.get(i.resultId);
      return fromStore === undefined ? i : { ...i, samples: fromStore.samples.reduce(addSample, i.samples) };
    }),
  };
}

function emptyRun(runId: number): LiveRun {
  return { runId, status: 'running', instances: [], overallFraction: 0, etaMs: null, reason: null };
}

/** Core may send `howToEnable` with a planned instance (newer contracts); older ones fold it into `reason`. */
type PlannedWithHint = PlannedInstance & { howToEnable?: string | null };

function fromPlanned(p: PlannedWithHint): LiveInstance {
  return {
    resultId: p.resultId,
    benchmarkId: p.benchmarkId,
    title: p.title,
    status: p.status,
    reason: p.reason,
    howToEnable: p.howToEnable ?? null,
    estimatedMs: p.estimatedMs,
    phase: null,
    fraction: isInstanceFinished(p.status) ? 1 : 0,
    samples: [],
    median: null,
    unit: null,
  };
}

/** Applies `change` to one instance, creating a placeholder when the run-started event was missed. */
function updateInstance(run: LiveRun, resultId: number, benchmarkId: string, change: (i: LiveInstance) => LiveInstance): LiveRun {
  const index = run.instances.findIndex((i) => i.resultId === resultId);
  if (index === -1) {
    const placeholder = fromPlanned({ resultId, benchmarkId, title: benchmarkId, status: 'pending', reason: null, estimatedMs: 0 });
    return { ...run, instances: [...run.instances, change(placeholder)] };
  }
  const instances = run.instances.slice();
  const current = instances[index];
  if (current !== undefined) instances[index] = change(current);
  return { ...run, instances };
}

function addSample(samples: Sample[], sample: Sample): Sample[] {
  if (samples.some((s) => s.index === sample.index && s.isWarmup === sample.isWarmup)) return samples;
  return [...samples, sample].sort((a, b) => a.index - b.index);
}

/** A run as the progress line counts it: only what is measured (unavailable benchmarks are listed apart). */
export interface RunCounts {
  /** Instances that run (or ran) here, in run order. */
  measured: LiveInstance[];
  /** Instances that cannot run here, planned or found so at run time. */
  unavailable: LiveInstance[];
  /** Measured instances that finished, whatever their outcome. */
  done: number;
  total: number;
}

export function runCounts(instances: readonly LiveInstance[]): RunCounts {
  const measured = instances.filter((i) => i.status !== 'unavailable');
  const unavailable = instances.filter((i) => i.status === 'unavailable');
  return { measured, unavailable, done: measured.filter((i) => isInstanceFinished(i.status)).length, total: measured.length };
}

/**
 * The overall fraction to show: core's estimate-based fraction, held at 99 % while the run is going, because an
 * estimate that runs out before the work does must not read "100 %" with benchmarks left.
 */
export function shownFraction(run: LiveRun): number {
  return run.status === 'running' ? Math.min(run.overallFraction, 0.99) : run.overallFraction;
}

/** The instance being measured now, if any (the live view keeps it on screen). */
export function runningInstance(run: LiveRun): LiveInstance | undefined {
  return run.instances.find((i) => i.status === 'running');
}

function withRun(state: LiveState, run: LiveRun): LiveState {
  return { ...state, runs: { ...state.runs, [run.runId]: run } };
}

function clamp01(value: number): number {
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
}
