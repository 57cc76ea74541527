import { useEffect, useState } from 'react';

/** How often the shown time left is counted down between core's progress events. */
const TICK_MS = 1000;
/** Never "0 s left" while the run goes on: core's own ETA keeps the same floor. */
const FLOOR_MS = 1000;

/**
 * Counts core's latest ETA down with real time until the next progress event brings a new one. Core reports
 * progress once per repetition (up to a minute apart for an 8B model on a CPU); without this the ETA would stand
 * still and then drop. Core's tracker counts down the same way, so the next reading continues from about here.
 */
export function useCountdown(etaMs: number | null, isRunning: boolean): number | null {
  const [mark, setMark] = useState(() => ({ etaMs, atMs: Date.now() }));
  const [nowMs, setNowMs] = useState(() => Date.now());
  // A new ETA restarts the countdown from the last tick (state adjusted while rendering, React's pattern for a
  // changed prop; the clock is read only in the interval, render stays pure).
  if (mark.etaMs !== etaMs) setMark({ etaMs, atMs: nowMs });
  useEffect(() => {
    if (!isRunning || etaMs === null) return undefined;
    const timer = setInterval(() => setNowMs(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, [isRunning, etaMs]);
  if (etaMs === null) return null;
  return Math.max(FLOOR_MS, etaMs - Math.max(0, nowMs - mark.atMs));
}
