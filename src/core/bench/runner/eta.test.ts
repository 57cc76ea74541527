import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ETA_FALL_TIME_CONSTANT_MS,
  ETA_RISE_PER_MS,
  MAX_RUNNING_FRACTION,
  MIN_RUNNING_ETA_MS,
  createEtaTracker,
  type EtaReading,
} from './eta';

/** A progress event as the executor gets it: instance position, its fraction, and the clock. */
interface Event {
  position: number;
  fraction: number;
  atMs: number;
}

/**
 * Events of a run whose instances take `actualMs` each, reported the way the harness does: fraction 0 at setup,
 * then one step per sample (`samples` per instance, capped at 0.99), every instance in order.
 */
function simulatedEvents(actualMs: readonly number[], samples = 4, setupShare = 0.3): Event[] {
  const events: Event[] = [];
  let start = 0;
  for (const [position, ms] of actualMs.entries()) {
    events.push({ position, fraction: 0, atMs: start });
    const setup = ms * setupShare;
    for (let k = 1; k <= samples; k += 1) {
      events.push({ position, fraction: Math.min(0.99, k / samples), atMs: start + setup + ((ms - setup) * k) / samples });
    }
    start += ms;
  }
  return events;
}

function replay(estimatesMs: readonly number[], events: readonly Event[]): EtaReading[] {
  const tracker = createEtaTracker(estimatesMs, 0);
  return events.map((e) => tracker.update(e.position, e.fraction, e.atMs));
}

/** Arbitrary runs: estimates, and events in plan order (position and fraction never go back), time moving forward. */
const runArb = fc
  .record({
    estimatesMs: fc.array(fc.integer({ min: 0, max: 900_000 }), { minLength: 1, maxLength: 8 }),
    steps: fc.array(
      fc.record({ dtMs: fc.integer({ min: 0, max: 180_000 }), isNext: fc.boolean(), step: fc.double({ min: 0, max: 0.5, noNaN: true }) }),
      { minLength: 1, maxLength: 60 },
    ),
  })
  .filter(({ estimatesMs }) => estimatesMs.some((v) => v > 0))
  .map(({ estimatesMs, steps }) => {
    let position = 0;
    let fraction = 0;
    let atMs = 0;
    const events: Event[] = [];
    for (const s of steps) {
      atMs += s.dtMs;
      if (s.isNext && position < estimatesMs.length - 1) {
        position += 1;
        fraction = 0;
      } else {
        fraction = Math.min(0.99, fraction + s.step);
      }
      events.push({ position, fraction, atMs });
    }
    return { estimatesMs, events };
  });

describe('ETA tracker properties', () => {
  it('the ETA never rises by more than the rise rate times the real time since the previous reading', () => {
    fc.assert(
      fc.property(runArb, ({ estimatesMs, events }) => {
        const readings = replay(estimatesMs, events);
        for (let i = 1; i < readings.length; i += 1) {
          const dt = events[i]!.atMs - events[i - 1]!.atMs;
          expect(readings[i]!.etaMs!).toBeLessThanOrEqual(readings[i - 1]!.etaMs! + ETA_RISE_PER_MS * dt + 1e-6);
        }
      }),
    );
  });

  it('the ETA falls smoothly: never below the previous one counted down and decayed by the fall time constant', () => {
    fc.assert(
      fc.property(runArb, ({ estimatesMs, events }) => {
        const readings = replay(estimatesMs, events);
        for (let i = 1; i < readings.length; i += 1) {
          const dt = events[i]!.atMs - events[i - 1]!.atMs;
          const floor = (readings[i - 1]!.etaMs! - dt) * Math.exp(-dt / ETA_FALL_TIME_CONSTANT_MS);
          expect(readings[i]!.etaMs!).toBeGreaterThanOrEqual(Math.max(MIN_RUNNING_ETA_MS, floor) - 1e-6);
        }
      }),
    );
  });

  it('the fraction never goes back, never exceeds 0.99 and the ETA never reaches 0 while the run goes on', () => {
    fc.assert(
      fc.property(runArb, ({ estimatesMs, events }) => {
        const readings = replay(estimatesMs, events);
        for (const [i, r] of readings.entries()) {
          expect(r.overallFraction).toBeGreaterThanOrEqual(i > 0 ? readings[i - 1]!.overallFraction : 0);
          expect(r.overallFraction).toBeLessThanOrEqual(MAX_RUNNING_FRACTION);
          expect(r.etaMs).not.toBeNull();
          expect(r.etaMs!).toBeGreaterThanOrEqual(MIN_RUNNING_ETA_MS);
        }
      }),
    );
  });
});

describe('ETA tracker examples', () => {
  it('a run going as estimated counts down with real time', () => {
    const readings = replay([60_000, 60_000], [
      { position: 0, fraction: 0, atMs: 0 },
      { position: 0, fraction: 0.5, atMs: 30_000 },
      { position: 1, fraction: 0, atMs: 60_000 },
      { position: 1, fraction: 0.5, atMs: 90_000 },
    ]);
    expect(readings.map((r) => r.etaMs)).toEqual([120_000, 90_000, 60_000, 30_000]);
    expect(readings.map((r) => r.overallFraction)).toEqual([0, 0.25, 0.5, 0.75]);
  });

  it('the user report: estimated 2 min 55 s, took 11 min 13 s — no jump up, no 100 % while work is left', () => {
    // Six instances estimated at 175 s together; each really took 3.85× longer.
    const estimates = [40_000, 30_000, 25_000, 30_000, 25_000, 25_000];
    const events = simulatedEvents(estimates.map((e) => e * 3.85));
    const readings = replay(estimates, events);
    const endMs = estimates.reduce((s, v) => s + v, 0) * 3.85;
    for (let i = 1; i < readings.length; i += 1) {
      expect(readings[i]!.etaMs!).toBeLessThanOrEqual(readings[i - 1]!.etaMs! + ETA_RISE_PER_MS * (events[i]!.atMs - events[i - 1]!.atMs) + 1e-6);
    }
    // Halfway through the real run the bar says about half, not "100 %" (the old ETA read "about 2 s left" by then).
    const half = readings[events.findIndex((e) => e.atMs >= endMs / 2)]!;
    expect(half.overallFraction).toBeGreaterThan(0.3);
    expect(half.overallFraction).toBeLessThan(0.7);
    expect(half.etaMs!).toBeGreaterThan(60_000);
    expect(readings.every((r) => r.overallFraction <= MAX_RUNNING_FRACTION)).toBe(true);
  });

  it('a machine faster than estimated: the ETA closes the gap to the new figure within a few time constants', () => {
    const tracker = createEtaTracker([100_000, 100_000], 0);
    expect(tracker.update(0, 0, 0).etaMs).toBe(200_000);
    // The first instance is done in 20 s: at 5× the pace, about 40 s are left.
    const early = tracker.update(1, 0, 20_000).etaMs!;
    expect(early).toBeLessThan(180_000);
    expect(early).toBeGreaterThan(40_000);
    const later = tracker.update(1, 0.5, 30_000).etaMs!;
    expect(later).toBeLessThan(early);
    expect(tracker.update(1, 0.9, 38_000).etaMs!).toBeLessThan(20_000);
  });

  it('uses no pace before 5 % of the estimated work is done: a slow start does not swing the ETA', () => {
    const tracker = createEtaTracker([100_000], 0);
    tracker.update(0, 0, 0);
    // 20 s for 2 % of the work would mean a 1000 s run; with so little evidence the estimate stands.
    expect(tracker.update(0, 0.02, 20_000).etaMs).toBe(98_000);
  });

  it('a worker reporting 1 for the last instance still reads at most 99 % and at least 1 s left', () => {
    const tracker = createEtaTracker([10_000], 0);
    expect(tracker.update(0, 1, 10_000)).toEqual({ overallFraction: MAX_RUNNING_FRACTION, etaMs: MIN_RUNNING_ETA_MS });
  });

  it('nothing estimated: no ETA, and the fraction stays 0', () => {
    expect(createEtaTracker([0, 0], 0).update(1, 0.5, 5000)).toEqual({ overallFraction: 0, etaMs: null });
  });

  it('a clock that steps back is read as no time passing', () => {
    const tracker = createEtaTracker([60_000], 0);
    const first = tracker.update(0, 0.5, 30_000).etaMs!;
    expect(tracker.update(0, 0.5, 10_000).etaMs!).toBeLessThanOrEqual(first);
  });
});
