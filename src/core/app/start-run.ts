import type { RunStatus } from '../../shared/domain/benchmark';
import type { CoreEvent } from '../../shared/domain/events';
import type { RunRequest } from '../../shared/domain/run';
import type { AvailabilityContext } from '../bench/definition';
import type { PlannedItem } from '../bench/planner';
import { executeRun, type InstanceTelemetry } from '../bench/runner/run-executor';
import { createRunRecorder, storeFaultKind, type RunRecorderOptions } from '../bench/runner/run-recorder';
import type { WorkerLauncher } from '../bench/runner/worker-launcher';
import { RigmarkError, errorMessage } from '../errors';
import { hashSnapshot } from '../hardware/snapshot-hash';
import type { Store } from '../store/store';
import type { TelemetryRecord } from '../store/telemetry-repo';
import { RIGMARK_VERSION } from '../version';
import { recordPlan } from './record-plan';

export interface StartRunDeps {
  store: Store;
  launcher: WorkerLauncher;
  scratchDir: string;
  dataDir: string;
  now: () => Date;
  emit(event: CoreEvent): void;
  createTelemetry: ((onRow: (row: TelemetryRecord) => void) => InstanceTelemetry | null) | undefined;
  recorder?: RunRecorderOptions;
}

/** A started run: `done` resolves once its outcome is known (the store may still be catching up). */
export interface StartedRun {
  runId: number;
  cancel(): void;
  done: Promise<void>;
  /** Waits (at most `timeoutMs`) for writes the store has not taken yet; false when some are still waiting. */
  flush(timeoutMs: number): Promise<boolean>;
  /** Drops writes still waiting; returns how many (only on close, when the store never came back). */
  abandon(): number;
}

/** How long writes that had to wait for the store are given, at the end of a run, before it is reported. */
const END_OF_RUN_FLUSH_MS = 2000;

/**
 * Refuses a run in which nothing can run, before any row is written: a run of only unavailable benchmarks says
 * nothing about the machine and would be stored as an empty "completed" run.
 * @throws RigmarkError UNAVAILABLE listing each benchmark with its reason and how to enable it.
 */
export function assertSomethingRuns(items: readonly PlannedItem[]): void {
  if (items.some((x) => x.availability.isAvailable)) return;
  const reasons = items.map((x) =>
    x.availability.isAvailable ? '' : `${x.title}: ${[x.availability.reason, x.availability.howToEnable].filter(Boolean).join(' — ')}`,
  );
  const list = reasons.length > 0 ? reasons.join('; ') : 'the request selects no benchmark';
  throw new RigmarkError('UNAVAILABLE', `nothing in this run can run here, so no run was stored. ${list}`);
}

/** The store refused a write before the run began: a plain error, nothing half-written (one transaction). */
function storeRefused(error: unknown): RigmarkError {
  const kind = storeFaultKind(error);
  if (kind === 'locked') return new RigmarkError('STORE', 'the database is locked by another program: close it (or wait) and start the run again');
  if (kind === 'disk-full') return new RigmarkError('STORE', 'the disk is full: the run could not be stored. Free some space and start it again');
  return new RigmarkError('STORE', `the run could not be stored: ${errorMessage(error)}`);
}

/**
 * Stores the run and its plan in one transaction, then runs its instances in workers. Every write of the running
 * run goes through a recorder, so a locked database or a full disk delays writes and, past the recorder's limit,
 * ends the run `failed` with the reason — the process itself keeps serving.
 */
export function startPlannedRun(request: RunRequest, ctx: AvailabilityContext, items: readonly PlannedItem[], deps: StartRunDeps): StartedRun {
  const { store, now, emit } = deps;
  const at = now().toISOString();
  const suite = request.suite ?? 'custom';
  let stored: { runId: number; plan: ReturnType<typeof recordPlan> };
  try {
    stored = store.db.transaction(() => {
      const systemId = store.systems.upsert(ctx.snapshot, hashSnapshot(ctx.snapshot));
      const runId = store.runs.create({ systemId, suite, request, appVersion: RIGMARK_VERSION, pid: process.pid, startedAt: at });
      return { runId, plan: recordPlan(store, runId, items, at) };
    })();
  } catch (error) {
    throw storeRefused(error);
  }
  const { runId, plan } = stored;
  let stopForStore: (message: string) => void = () => undefined;
  const recorder = createRunRecorder({ ...deps.recorder, onOutage: (o) => stopForStore(o.message) });
  emit({ type: 'run-started', runId, instances: plan.planned });
  const execution = executeRun(runId, plan.executable, {
    store,
    recorder,
    launcher: deps.launcher,
    scratchRoot: deps.scratchDir,
    dataDir: deps.dataDir,
    now,
    emit,
    createTelemetry: deps.createTelemetry,
  });
  stopForStore = execution.stopForStore;
  const done = execution.done.then(async ({ status, reason }) => {
    const finishedAt = now().toISOString();
    recorder.write(() => store.runs.finish(runId, status satisfies RunStatus, finishedAt, reason));
    await recorder.drain(END_OF_RUN_FLUSH_MS);
    const unsaved = recorder.pending();
    emit({ type: 'run-finished', runId, status, reason, unsavedWrites: unsaved });
  });
  return { runId, cancel: execution.cancel, done, flush: (ms) => recorder.drain(ms), abandon: () => recorder.stop() };
}
