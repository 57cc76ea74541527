import type { TelemetrySummary } from '../../../shared/domain/results';
import type { TelemetryRow } from '../../../shared/domain/system';
import { THROTTLE_REASON_BITS, throttlingReasons } from './throttle-reasons';

/** What the summary needs besides the rows. */
export interface TelemetrySummaryInput {
  /** The card's maximum SM / graphics clock in MHz (`Gpu.maxSmClockMHz`); null leaves `clocksHeldPct` null. */
  maxSmClockMHz: number | null;
  /** Units of work done while the rows were taken (tokens, images); null or 0 leaves `energyPerUnitJ` null. */
  workUnits: number | null;
  /** Measured duration of that work in milliseconds. */
  durationMs: number;
}

/**
 * Summarises telemetry rows taken during a repetition (or a whole benchmark):
 * - `avgPowerW`, `avgUtilPct`: means over rows that report them; `maxTempC`: the maximum.
 * - `clocksHeldPct`: mean SM clock as % of the card's max SM clock.
 * - `isThrottled`: some row carried a throttling reason (any but idle and application clocks); `throttleReasons`
 *   lists them in NVML bit order.
 * - `energyPerUnitJ`: average power (W) × measured seconds / work units, i.e. joules per token or image.
 * Pass only the rows of the GPU that did the work.
 */
export function summarizeTelemetry(rows: readonly TelemetryRow[], input: TelemetrySummaryInput): TelemetrySummary {
  const avgPowerW = mean(rows.map((r) => r.powerW));
  const avgSmClock = mean(rows.map((r) => r.smClockMHz));
  const temps = rows.map((r) => r.tempC).filter((t): t is number => t !== null);
  const reasons = new Set<string>();
  for (const row of rows) for (const name of throttlingReasons(row.throttleMask)) reasons.add(name);
  const seconds = input.durationMs / 1000;
  const hasWork = input.workUnits !== null && input.workUnits > 0 && seconds > 0;
  return {
    sampleCount: rows.length,
    avgPowerW,
    maxTempC: temps.length ? Math.max(...temps) : null,
    avgUtilPct: mean(rows.map((r) => r.utilPct)),
    clocksHeldPct:
      avgSmClock !== null && input.maxSmClockMHz !== null && input.maxSmClockMHz > 0
        ? (avgSmClock / input.maxSmClockMHz) * 100
        : null,
    isThrottled: reasons.size > 0,
    throttleReasons: orderByBit([...reasons]),
    energyPerUnitJ: avgPowerW !== null && hasWork ? (avgPowerW * seconds) / (input.workUnits ?? 1) : null,
  };
}

function mean(values: readonly (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null);
  return present.length ? present.reduce((a, b) => a + b, 0) / present.length : null;
}

const BIT_ORDER: readonly string[] = THROTTLE_REASON_BITS.map((b) => b.name);

function orderByBit(names: string[]): string[] {
  const rank = (n: string): number => {
    const i = BIT_ORDER.indexOf(n);
    return i < 0 ? BIT_ORDER.length : i;
  };
  return names.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}
