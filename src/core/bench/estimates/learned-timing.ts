import type { RepetitionPolicy } from '../../../shared/domain/benchmark';
import type { PastInstance } from './timing-history';

/** Where the wall time of one instance went, in ms. */
export interface InstanceTiming {
  /** From the instance's start (worker launch) to the start of its first sample: process start, model load. */
  setupMs: number;
  /** Median warm-up duration; null when that instance ran none. */
  warmupMs: number | null;
  /** Median counted repetition duration. */
  repetitionMs: number;
  /** Counted repetitions it ran: more than planned when its spread asked for extra ones. */
  countedSamples: number;
  /** Time between two samples beyond their own durations (harness and IPC overhead), per gap. */
  gapMs: number;
  /** From the last sample to the instance's end: teardown and the worker's exit. */
  tailMs: number;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * The timing of one past instance from its stored timestamps. A sample's `taken_at` is when the parent received it,
 * so it started `duration_ms` earlier. Null when the instance has no counted sample or unreadable timestamps.
 */
export function timingOf(past: PastInstance): InstanceTiming | null {
  const started = Date.parse(past.startedAt);
  const finished = Date.parse(past.finishedAt);
  const samples = past.samples.map((s) => ({ isWarmup: s.is_warmup === 1, durationMs: s.duration_ms, endMs: Date.parse(s.taken_at) }));
  const counted = samples.filter((s) => !s.isWarmup).map((s) => s.durationMs);
  const warmups = samples.filter((s) => s.isWarmup).map((s) => s.durationMs);
  const first = samples[0];
  const last = samples.at(-1);
  if (!first || !last || counted.length === 0 || ![started, finished, ...samples.map((s) => s.endMs)].every(Number.isFinite)) return null;
  const firstStart = first.endMs - first.durationMs;
  const measuringSpan = last.endMs - firstStart;
  const sampleTime = samples.reduce((sum, s) => sum + s.durationMs, 0);
  return {
    setupMs: Math.max(0, firstStart - started),
    warmupMs: warmups.length > 0 ? median(warmups) : null,
    repetitionMs: median(counted),
    countedSamples: counted.length,
    gapMs: samples.length > 1 ? Math.max(0, measuringSpan - sampleTime) / (samples.length - 1) : 0,
    tailMs: Math.max(0, finished - last.endMs),
  };
}

/**
 * One timing from several past instances (newest first). Setup is the MINIMUM: the first run of a model may include
 * generating it once (a synthetic model) or a cold file cache, which later runs do not pay. The rest are medians,
 * so one disturbed run does not move the estimate.
 */
export function combineTimings(timings: readonly InstanceTiming[]): InstanceTiming | null {
  if (timings.length === 0) return null;
  const warmups = timings.map((t) => t.warmupMs).filter((v): v is number => v !== null);
  return {
    setupMs: Math.min(...timings.map((t) => t.setupMs)),
    warmupMs: warmups.length > 0 ? median(warmups) : null,
    repetitionMs: median(timings.map((t) => t.repetitionMs)),
    countedSamples: median(timings.map((t) => t.countedSamples)),
    gapMs: median(timings.map((t) => t.gapMs)),
    tailMs: median(timings.map((t) => t.tailMs)),
  };
}

/**
 * Expected wall time of an instance with this repetition policy: setup + warm-ups + repetitions + the gaps between
 * samples + teardown. Repetitions: the planned ones, or as many as this workload needed before when its spread
 * asked for extra ones on this machine (a noisy machine stays noisy), never more than the policy's maximum.
 * A warm-up never measured before is taken to last as long as a repetition.
 */
export function estimateFromTiming(timing: InstanceTiming, policy: Pick<RepetitionPolicy, 'warmups' | 'planned' | 'max'>): number {
  const repetitions = Math.min(policy.max, Math.max(policy.planned, Math.round(timing.countedSamples)));
  const samples = policy.warmups + repetitions;
  return (
    timing.setupMs +
    policy.warmups * (timing.warmupMs ?? timing.repetitionMs) +
    repetitions * timing.repetitionMs +
    Math.max(0, samples - 1) * timing.gapMs +
    timing.tailMs
  );
}
