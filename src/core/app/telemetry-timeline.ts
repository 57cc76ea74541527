import { MAX_TELEMETRY_TIMELINE_ROWS } from '../../shared/domain/results';
import type { ResultTelemetry } from '../../shared/domain/results';
import { throttlingReasons } from '../hardware/telemetry/throttle-reasons';
import type { TelemetryRecord } from '../store/telemetry-repo';

/**
 * At most `max` items spread evenly over `items`, always keeping the first and the last (so the timeline's span
 * stays true). Used rather than averaging buckets: every point shown is a real reading, with its own mask.
 */
export function evenlyDownsample<T>(items: readonly T[], max: number): T[] {
  if (items.length <= max) return [...items];
  if (max <= 0) return [];
  if (max === 1) return items.slice(0, 1);
  const out: T[] = [];
  const step = (items.length - 1) / (max - 1);
  for (let i = 0; i < max; i++) {
    const item = items[Math.round(i * step)];
    if (item !== undefined) out.push(item);
  }
  return out;
}

/**
 * One result's telemetry for the timeline chart (`runs:telemetry`).
 * - Rows: the sampler takes 5 readings a second, so a long llama.cpp or serving run stores tens of thousands of
 *   rows; more than `maxRows` per GPU cannot be told apart on a chart a few hundred pixels wide, and would make
 *   one IPC / HTTP answer megabytes. Each GPU's rows are thinned evenly (first and last kept), then merged in time order.
 * - Throttle reasons: decoded here with the NVML bit table, from *all* rows (a short power-cap event is not lost to
 *   thinning), then thinned to the same cap.
 */
export function telemetryTimeline(
  resultId: number,
  rows: readonly TelemetryRecord[],
  maxRows: number = MAX_TELEMETRY_TIMELINE_ROWS,
): ResultTelemetry {
  const gpus = [...new Set(rows.map((r) => r.gpuIndex))].sort((a, b) => a - b);
  const kept = gpus
    .flatMap((gpu) => evenlyDownsample(rows.filter((r) => r.gpuIndex === gpu), maxRows))
    .sort((a, b) => a.tMs - b.tMs || a.gpuIndex - b.gpuIndex);
  const throttled = rows
    .map((r) => ({ tMs: r.tMs, reasons: throttlingReasons(r.throttleMask) as string[] }))
    .filter((t) => t.reasons.length > 0);
  return { resultId, rows: kept, throttleReasons: evenlyDownsample(throttled, maxRows) };
}
