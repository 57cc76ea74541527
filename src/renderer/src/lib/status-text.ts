import type { ResultStatus, RunStatus } from '../../../shared/domain/benchmark';
import { asSentence, availabilityReasonText } from '../../../shared/format/diagnostic-text';
import type { PlainMessage } from '../../../shared/format/diagnostic-text';
import { formatPercent } from './format';

/** Every word a status badge can show: a result's status, a run's, or a benchmark's availability here. */
export type StatusWord = ResultStatus | RunStatus | 'available';

/**
 * The spread (coefficient of variation) above which core adds repetitions and finally marks a result unstable:
 * core's `repetitionPolicy` (src/core/bench/stats.ts, docs/METHOD.md "Method"). The renderer may not import core, and a
 * result does not carry its threshold, so the number is repeated here for the explanation only.
 */
export const UNSTABLE_SPREAD_LIMIT = 0.035;

/** Fewer counted repetitions than this are never `passed` (core's MIN_COUNTED_SAMPLES): no spread to judge. */
export const MIN_COUNTED_REPETITIONS = 3;

const LIMIT = formatPercent(UNSTABLE_SPREAD_LIMIT);

/** One plain line per status word, shown next to where the word appears (in this order when listed). */
export const STATUS_MEANINGS: Record<StatusWord, string> = {
  completed: 'Finished: every benchmark that could run here has run.',
  available: 'Can run on this machine.',
  passed: `At least ${MIN_COUNTED_REPETITIONS} repetitions measured and they agreed within ${LIMIT}: the median can be trusted and compared.`,
  running: 'Being measured now.',
  pending: 'Waiting for its turn.',
  unstable: `The repetitions disagreed by more than ${LIMIT} even after extra ones, or were too few to tell: treat the median with care.`,
  failed: 'The benchmark stopped with an error before it finished; the reason is shown with it.',
  unavailable: 'Could not run on this machine as it is set up; the reason says what is missing and how to enable it.',
  cancelled: 'Stopped by you before it finished; samples taken until then are kept.',
  interrupted: 'Rigmark or the computer stopped while it ran; samples taken until then are kept.',
};

/** Where a word means something else for a whole run than for one benchmark. */
export const RUN_STATUS_MEANINGS: Partial<Record<StatusWord, string>> = {
  failed: 'The run could not go on (its database stayed locked or the disk was full); the reason says which.',
};

/** The meaning of a word for a run (`scope: 'run'`) or for one benchmark's result. */
export function statusMeaning(word: StatusWord, scope: 'run' | 'result' = 'result'): string {
  return (scope === 'run' ? RUN_STATUS_MEANINGS[word] : undefined) ?? STATUS_MEANINGS[word];
}

/**
 * The statistics' names as headers and labels say them, with what they mean for a tooltip: no "CV" or "n" without
 * words.
 */
export const STAT_LABELS = {
  spread: {
    label: 'Run-to-run spread',
    hint: `How much the repetitions differ: their coefficient of variation (CV), the standard deviation divided by the mean. Above ${LIMIT} the result is unstable.`,
  },
  samples: { label: 'Samples', hint: 'Counted repetitions; warm-ups are stored but not counted.' },
} as const;

/** What to do about an unstable result, in the user's words. */
export const UNSTABLE_ADVICE = 'Close other programs, plug in power if on battery, and run it again.';

/**
 * Why one result is unstable and what to do, with its own numbers. Too few repetitions: "Only 1 repetition was
 * measured: a spread needs at least 3. Run it with 3 or more repetitions." Otherwise: "The run-to-run spread of
 * 13.3 % stayed above 3.5 % after 6 repetitions. Close other programs, …". `cv` is a fraction (0.133) or unknown,
 * `count` the counted repetitions; `reason` (core's words) is used when neither rule explains it.
 */
export function explainUnstable(cv: number | null, count: number, reason: string | null = null): string {
  if (count < MIN_COUNTED_REPETITIONS) {
    const measured = count === 0 ? 'No repetition was measured' : `Only ${count} repetition${count === 1 ? ' was' : 's were'} measured`;
    return `${measured}: a spread needs at least ${MIN_COUNTED_REPETITIONS}. Run it with ${MIN_COUNTED_REPETITIONS} or more repetitions.`;
  }
  if (cv === null || cv > UNSTABLE_SPREAD_LIMIT) {
    const spread = cv === null ? 'The run-to-run spread' : `The run-to-run spread of ${formatPercent(cv)}`;
    return `${spread} stayed above ${LIMIT} after ${count} repetitions. ${UNSTABLE_ADVICE}`;
  }
  return reason === null ? `Marked unstable. ${UNSTABLE_ADVICE}` : asSentence(reason);
}

/**
 * The run-to-run spread (CV) of the counted values the way core computes it (sample standard deviation over the mean), for the
 * live view, which has the samples but not yet the stored statistics. Null with fewer than two values.
 */
export function spreadOf(values: readonly number[]): number | null {
  if (values.length < 2) return null;
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  if (mean === 0) return null;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1);
  return Math.sqrt(variance) / Math.abs(mean);
}

/**
 * Core's reason for a result as a sentence: an unavailable one in plain words with its diagnostic apart
 * (shared/format/diagnostic-text.ts); a failure's own words, tidied. Null without a reason.
 */
export function reasonMessage(result: { status: ResultStatus; reason: string | null }): PlainMessage | null {
  if (result.reason === null) return null;
  return result.status === 'unavailable' ? availabilityReasonText(result.reason) : { sentence: asSentence(result.reason), detail: null };
}
