import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { ResultStatus } from '../../../shared/domain/benchmark';
import type { Sample } from '../../../shared/domain/results';
import { WorkerMessageSchema, type WorkerMessage } from '../../../shared/worker-protocol';
import { hashIdentity } from '../identity';
import type { PlannedItem } from '../planner';
import { computeStats, isUnstable } from '../stats';
import type { Store } from '../../store/store';
import type { RunRecorder } from './run-recorder';
import type { WorkerExit, WorkerHandle, WorkerLauncher } from './worker-launcher';

/** How long a worker may take to exit after its last message before it is killed. */
const EXIT_GRACE_MS = 5000;

export interface InstanceCallbacks {
  onProgress(fraction: number, phase: string): void;
  onSample(sample: Sample): void;
}

export interface InstanceOutcome {
  status: ResultStatus;
  reason: string | null;
  stderrTail: string | null;
}

/** The fewest counted samples that make a result with a spread: fewer is never `passed` (docs/METHOD.md). */
export const MIN_COUNTED_SAMPLES = 3;

export interface InstanceDeps {
  store: Store;
  /** Every write of the run goes through it: a locked or full database delays writes, never loses or throws. */
  recorder: RunRecorder;
  launcher: WorkerLauncher;
  scratchRoot: string;
  dataDir: string;
  now: () => Date;
}

/**
 * Runs one planned instance in its own worker and records everything as it arrives. Resolves with the final
 * status and the counted values once the worker has exited; never rejects. `cancel()` kills the worker and
 * resolves as `cancelled`; `stop(outcome)` kills it and resolves with that outcome (the store failed).
 */
export function runInstance(
  resultId: number,
  item: PlannedItem,
  deps: InstanceDeps,
  callbacks: InstanceCallbacks,
): { done: Promise<InstanceOutcome & { counted: number[] }>; cancel(): void; stop(outcome: InstanceOutcome): void; pid(): number | undefined } {
  const scratchDir = join(deps.scratchRoot, `${process.pid}-r${resultId}`);
  mkdirSync(scratchDir, { recursive: true });
  const counted: number[] = [];
  let terminal: InstanceOutcome | null = null;
  // Listeners are attached below in this same tick, before any message can arrive.
  const handle: WorkerHandle = deps.launcher.launch({ env: item.definition.workerEnv });
  let settle: (o: InstanceOutcome & { counted: number[] }) => void = () => undefined;
  const done = new Promise<InstanceOutcome & { counted: number[] }>((resolve) => (settle = resolve));

  const finish = (outcome: InstanceOutcome): void => {
    terminal ??= outcome;
    handle.kill();
  };
  const onMessage = (raw: unknown): void => {
    const parsed = WorkerMessageSchema.safeParse(raw);
    if (!parsed.success) {
      finish({ status: 'failed', reason: `the worker sent an invalid message: ${parsed.error.message.slice(0, 300)}`, stderrTail: handle.stderrTail() ?? null });
      return;
    }
    handleMessage(parsed.data);
  };
  const handleMessage = (m: WorkerMessage): void => {
    switch (m.type) {
      case 'ready':
        handle.send({
          type: 'job',
          benchmarkId: item.definition.id,
          params: item.params,
          repetitions: item.repetitions,
          scratchDir,
          dataDir: deps.dataDir,
        });
        return;
      case 'progress':
        callbacks.onProgress(m.fraction, m.phase);
        return;
      case 'sample': {
        const sample: Sample = { index: m.index, isWarmup: m.isWarmup, value: m.value, metrics: m.metrics, durationMs: m.durationMs, takenAt: deps.now().toISOString() };
        deps.recorder.write(() => deps.store.results.insertSample({ resultId, ...sample, workUnits: m.workUnits ?? null }));
        if (!m.isWarmup) counted.push(m.value);
        callbacks.onSample(sample);
        return;
      }
      case 'result':
        deps.recorder.write(() => deps.store.results.setIdentity(resultId, m.identity, hashIdentity(m.identity), m.metricUnits, m.notes));
        terminal ??= judge(counted, item, m.isCutByBudget === true);
        return;
      case 'unavailable':
        terminal ??= { status: 'unavailable', reason: m.howToEnable ? `${m.reason} — ${m.howToEnable}` : m.reason, stderrTail: null };
        return;
      case 'error':
        terminal ??= { status: 'failed', reason: m.message, stderrTail: handle.stderrTail() || null };
        return;
    }
  };
  const onExit = (exit: WorkerExit): void => {
    clearTimeout(timeout);
    clearTimeout(grace);
    rmSync(scratchDir, { recursive: true, force: true });
    settle({ ...(terminal ?? { status: 'failed', reason: crashReason(exit), stderrTail: handle.stderrTail() || null }), counted });
  };

  handle.onMessage((raw) => {
    onMessage(raw);
    // After the terminal message the worker exits by itself; a stuck native teardown is killed.
    if (terminal && !grace) grace = setTimeout(() => handle.kill(), EXIT_GRACE_MS);
  });
  handle.onExit(onExit);
  let grace: NodeJS.Timeout | undefined;
  const timeout = setTimeout(() => {
    finish({ status: 'failed', reason: `timed out after ${Math.round(item.definition.timeoutMs / 1000)} s (the worker was stopped)`, stderrTail: handle.stderrTail() || null });
  }, item.definition.timeoutMs);

  return {
    done,
    cancel: () => finish({ status: 'cancelled', reason: 'cancelled by the user', stderrTail: null }),
    // Overrides a result already reported: once the store has failed, the run's outcome is that failure.
    stop: (outcome) => {
      terminal = outcome;
      handle.kill();
    },
    pid: () => handle.pid,
  };
}

function crashReason(exit: WorkerExit): string {
  const how = exit.signal ? `was killed by ${exit.signal}` : `exited with code ${exit.code}`;
  return `the benchmark worker ${how} before reporting a result`;
}

/** `passed` needs at least three counted samples and a spread (CV) within the threshold; anything else is `unstable`. */
function judge(counted: readonly number[], item: PlannedItem, isCutByBudget: boolean): InstanceOutcome {
  if (counted.length < MIN_COUNTED_SAMPLES) {
    const n = counted.length;
    return {
      status: 'unstable',
      reason: `only ${n} measured sample${n === 1 ? '' : 's'}: a result needs at least ${MIN_COUNTED_SAMPLES} to show its spread — run it with ${MIN_COUNTED_SAMPLES} or more repetitions`,
      stderrTail: null,
    };
  }
  if (isUnstable(counted, item.repetitions)) return { status: 'unstable', reason: unstableReason(counted, item.repetitions.cvThreshold, isCutByBudget), stderrTail: null };
  return { status: 'passed', reason: null, stderrTail: null };
}

function unstableReason(counted: readonly number[], cvThreshold: number, isCutByBudget: boolean): string {
  const cv = computeStats(counted).cv ?? 0;
  const after = isCutByBudget ? `after ${counted.length} repetitions (the suite's time budget allowed no more)` : `after ${counted.length} repetitions`;
  const advice = isCutByBudget ? 'close other programs and run it again, or run the full suite, which has no time budget' : 'close other programs, plug in power, and run again';
  return `the spread (CV) was ${(cv * 100).toFixed(1)} %, above the ${(cvThreshold * 100).toFixed(1)} % limit ${after}: ${advice}`;
}
