import { errorMessage } from '../../errors';

/** Why the store could not be written. */
export type StoreFaultKind = 'locked' | 'disk-full' | 'error';

/** The store has been unwritable for longer than the run may wait. */
export interface StoreOutage {
  kind: StoreFaultKind;
  /** Plain words for the run's status: `database locked for 30 s`, `disk full`. */
  message: string;
}

export interface RunRecorderOptions {
  /** How long the store may stay unwritable before the run is stopped (issue: 30 s). */
  outageLimitMs?: number;
  /** Writes kept in memory while the store is unwritable; past this the run is stopped (bounds memory). */
  maxPending?: number;
  /** Pauses between write attempts while the store refuses them; the last one repeats. */
  retryDelaysMs?: readonly number[];
  nowMs?: () => number;
  /** Called once, when the store has refused writes for `outageLimitMs` (or the queue is full). */
  onOutage?: (outage: StoreOutage) => void;
}

export interface RunRecorder {
  /** Queues one store write and tries to write the queue now. Never throws. */
  write(op: () => void): void;
  /** Resolves true once every queued write has landed, false when `timeoutMs` passed first. */
  drain(timeoutMs: number): Promise<boolean>;
  /** Writes not yet in the store. */
  pending(): number;
  outage(): StoreOutage | null;
  /** Stops retrying and drops what is still queued; returns how many writes were dropped. */
  stop(): number;
}

const DEFAULT_RETRY_DELAYS_MS = [100, 250, 500, 1000, 2000];

/** SQLite answers that mean "try again later": another connection holds the lock, or the disk is full. */
export function storeFaultKind(error: unknown): StoreFaultKind | null {
  const code = String((error as { code?: unknown }).code ?? '');
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'locked';
  if (code === 'SQLITE_FULL' || code === 'SQLITE_IOERR_WRITE' || (error as { code?: unknown }).code === 'ENOSPC') return 'disk-full';
  return null;
}

function outageOf(kind: StoreFaultKind, forMs: number, error: unknown): StoreOutage {
  const seconds = Math.round(forMs / 1000);
  if (kind === 'locked') return { kind, message: `database locked for ${seconds} s (another program held it)` };
  if (kind === 'disk-full') return { kind, message: 'disk full: the database could not be written (free some space and run again)' };
  return { kind, message: `the database refused a write: ${errorMessage(error)}` };
}

/**
 * Writes of one run, in order, with a write-behind queue: when the database is locked by another program or the
 * disk is full, writes wait in memory (bounded) and are retried with backoff, so a sample is never lost to a
 * passing lock and the process never dies of a store error. An error that retrying cannot cure (a constraint, a
 * corrupt page) is an outage at once. Writes go on being retried after an outage, so a run that was stopped still
 * lands its samples and final status once the store recovers.
 */
export function createRunRecorder(options: RunRecorderOptions = {}): RunRecorder {
  const limitMs = options.outageLimitMs ?? 30_000;
  const maxPending = options.maxPending ?? 50_000;
  const delays = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  const nowMs = options.nowMs ?? Date.now;
  const queue: (() => void)[] = [];
  const waiters = new Set<(isDrained: boolean) => void>();
  let failingSinceMs: number | null = null;
  let attempt = 0;
  let retry: NodeJS.Timeout | null = null;
  let outage: StoreOutage | null = null;
  let isStopped = false;

  const declare = (o: StoreOutage): void => {
    if (outage) return;
    outage = o;
    options.onOutage?.(o);
  };
  const settleWaiters = (isDrained: boolean): void => {
    for (const w of waiters) w(isDrained);
    waiters.clear();
  };
  const schedule = (): void => {
    if (retry || isStopped) return;
    const delay = delays[Math.min(attempt, delays.length - 1)] ?? 1000;
    attempt += 1;
    retry = setTimeout(() => {
      retry = null;
      flush();
    }, delay);
  };
  const flush = (): void => {
    while (queue.length > 0 && !isStopped) {
      try {
        queue[0]!();
      } catch (error) {
        const kind = storeFaultKind(error);
        failingSinceMs ??= nowMs();
        const forMs = nowMs() - failingSinceMs;
        if (kind === null) {
          // Retrying will not cure it: drop this write so the ones behind it can land, and stop the run.
          queue.shift();
          declare(outageOf('error', forMs, error));
          continue;
        }
        if (forMs >= limitMs) declare(outageOf(kind, forMs, error));
        schedule();
        return;
      }
      queue.shift();
      failingSinceMs = null;
      attempt = 0;
    }
    if (queue.length === 0) settleWaiters(true);
  };

  return {
    write(op) {
      if (isStopped) return;
      queue.push(op);
      if (queue.length > maxPending) declare({ kind: 'error', message: `the database has not accepted writes for a while and ${maxPending} are waiting` });
      // While a retry is pending, keep order: the new write waits behind the queue.
      if (!retry) flush();
    },
    drain(timeoutMs) {
      if (queue.length === 0) return Promise.resolve(true);
      return new Promise((resolve) => {
        const done = (isDrained: boolean): void => {
          clearTimeout(timer);
          resolve(isDrained);
        };
        const timer = setTimeout(() => {
          waiters.delete(done);
          resolve(queue.length === 0);
        }, timeoutMs);
        waiters.add(done);
      });
    },
    pending: () => queue.length,
    outage: () => outage,
    stop() {
      isStopped = true;
      if (retry) clearTimeout(retry);
      retry = null;
      const dropped = queue.length;
      queue.length = 0;
      settleWaiters(false);
      return dropped;
    },
  };
}
