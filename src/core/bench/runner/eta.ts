/** What a progress event shows of the whole run. */
export interface EtaReading {
  /** 0…{@link MAX_RUNNING_FRACTION} of the whole run; 1 is only ever shown by the run's end. */
  overallFraction: number;
  /** Time left in ms, at least {@link MIN_RUNNING_ETA_MS}; null when nothing has an estimate. */
  etaMs: number | null;
}

export interface EtaTracker {
  /** The reading after instance `position` (plan order) reported `fraction` (0…1) at `nowMs` (same clock as the start). */
  update(position: number, fraction: number, nowMs: number): EtaReading;
}

/**
 * How fast the shown ETA may grow when the run turns out slower than estimated: by at most this many ms per ms of
 * real time since the previous reading (10 %: 6 s per minute). A slow machine thus never sees the ETA jump up; it
 * sees the countdown stall and then creep up while the estimate catches up with the machine.
 */
export const ETA_RISE_PER_MS = 0.1;
/** When the run goes faster than estimated, the shown ETA closes the gap to the new figure with this time constant. */
export const ETA_FALL_TIME_CONSTANT_MS = 10_000;
/** The fraction shown while any work is left: 100 % is for a finished run only. */
export const MAX_RUNNING_FRACTION = 0.99;
/** The least time left shown while the run goes on: never "0 s left" for a run still working. */
export const MIN_RUNNING_ETA_MS = 1000;
/**
 * The machine's own pace counts only once enough of the run is done (by estimated time): not at all before 5 %,
 * fully from 30 %, blended in between. Before that a single slow setup (a model loading) would swing the ETA.
 */
export const PACE_EVIDENCE_START = 0.05;
export const PACE_EVIDENCE_FULL = 0.3;
/** A pace faster than 10× the estimate is taken as a clock or estimate fault, not as evidence. */
const MIN_PACE = 0.1;

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

/**
 * Best current figure for the time left: the estimated work left, scaled by the observed pace (real ms per
 * estimated ms) as far as the evidence allows.
 */
function targetEtaMs(estimatesMs: readonly number[], total: number, position: number, fraction: number, elapsedMs: number): number {
  const before = estimatesMs.slice(0, position).reduce((s, v) => s + v, 0);
  const doneMs = Math.min(total, before + (estimatesMs[position] ?? 0) * clamp(fraction, 0, 1));
  const evidence = clamp((doneMs / total - PACE_EVIDENCE_START) / (PACE_EVIDENCE_FULL - PACE_EVIDENCE_START), 0, 1);
  // Only read with evidence: then doneMs is at least 5 % of the total, so the division is finite.
  const pace = evidence > 0 ? 1 + evidence * (Math.max(MIN_PACE, elapsedMs / doneMs) - 1) : 1;
  return (total - doneMs) * pace;
}

/**
 * Progress and ETA of one run, smoothed across its progress events. The shown ETA:
 * counts down with real time while the target agrees; rises at most {@link ETA_RISE_PER_MS} of the real time since
 * the previous reading when the target is higher (no jumps up); falls toward a lower target exponentially (no
 * jumps down either, but it catches up within seconds); and never goes below {@link MIN_RUNNING_ETA_MS}. The shown
 * fraction is elapsed / (elapsed + target time left): it never goes back, and stays at most
 * {@link MAX_RUNNING_FRACTION} until the run ends (the run-finished event says 100 %). Clock injected for tests.
 */
export function createEtaTracker(estimatesMs: readonly number[], startedAtMs: number): EtaTracker {
  const total = estimatesMs.reduce((s, v) => s + Math.max(0, v), 0);
  let shown: { etaMs: number; atMs: number } | null = null;
  let fractionShown = 0;

  return {
    update(position, fraction, nowMs) {
      if (!(total > 0)) return { overallFraction: fractionShown, etaMs: null };
      const elapsedMs = Math.max(0, nowMs - startedAtMs);
      const target = targetEtaMs(estimatesMs, total, position, fraction, elapsedMs);
      let etaMs = target;
      if (shown) {
        const dt = Math.max(0, nowMs - shown.atMs);
        const counted = shown.etaMs - dt;
        etaMs = target >= counted
          ? Math.min(target, shown.etaMs + ETA_RISE_PER_MS * dt)
          : target + (counted - target) * Math.exp(-dt / ETA_FALL_TIME_CONSTANT_MS);
      }
      etaMs = Math.max(MIN_RUNNING_ETA_MS, etaMs);
      // A clock that stepped back gives dt 0 above; the reading's time never goes back either.
      shown = { etaMs, atMs: Math.max(nowMs, shown?.atMs ?? nowMs) };
      const honest = elapsedMs + target > 0 ? elapsedMs / (elapsedMs + target) : 0;
      fractionShown = Math.min(MAX_RUNNING_FRACTION, Math.max(fractionShown, honest));
      return { overallFraction: fractionShown, etaMs };
    },
  };
}
