import type { TelemetryRow } from '../../../shared/domain/system';
import { numberOrNull, parseNvidiaCsv } from '../nvidia-smi';
import { parseThrottleMask } from './throttle-reasons';

/** Fields of the telemetry loop query, in print order. */
export const NVIDIA_TELEMETRY_FIELDS = [
  'index',
  'timestamp',
  'power.draw',
  'temperature.gpu',
  'clocks.sm',
  'clocks.mem',
  'utilization.gpu',
  'memory.used',
  'clocks_event_reasons.active',
] as const;

/** Drivers before R535 call the mask `clocks_throttle_reasons.active` and reject the newer name. */
export const NVIDIA_TELEMETRY_FIELDS_LEGACY = NVIDIA_TELEMETRY_FIELDS.map((f) =>
  f === 'clocks_event_reasons.active' ? 'clocks_throttle_reasons.active' : f,
);

/**
 * Arguments of the long-lived loop: one line per GPU every `intervalMs` until the process is killed.
 * @param gpuIndex restricts the loop to one GPU (`-i`); all GPUs when omitted.
 */
export function nvidiaTelemetryArgs(intervalMs: number, gpuIndex?: number, fields: readonly string[] = NVIDIA_TELEMETRY_FIELDS): string[] {
  const args = [`--query-gpu=${fields.join(',')}`, '--format=csv,noheader,nounits', `-lms`, String(Math.max(1, Math.round(intervalMs)))];
  if (gpuIndex !== undefined) args.push('-i', String(gpuIndex));
  return args;
}

/**
 * nvidia-smi's `timestamp` field, "2024/05/14 10:22:31.123", is local wall-clock time with milliseconds.
 * @returns epoch milliseconds, or null when the text is not in that format.
 */
export function parseNvidiaTimestamp(text: string | null): number | null {
  const m = text ? /^(\d{4})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{3}))?$/.exec(text.trim()) : null;
  if (!m) return null;
  const [y = 0, mo = 1, d = 1, h = 0, mi = 0, sec = 0, ms = 0] = m.slice(1).map((v) => (v === undefined ? 0 : Number(v)));
  const date = new Date(y, mo - 1, d, h, mi, sec, ms);
  return Number.isNaN(date.getTime()) ? null : date.getTime();
}

/**
 * Parses one loop line into a row. `tMs` is measured from `startEpochMs` using the line's own timestamp (when the
 * query has one) so pipe buffering cannot shift samples, else from `receivedEpochMs`.
 * @returns null for lines that are not data (errors, blank lines).
 */
export function parseNvidiaTelemetryLine(
  line: string,
  startEpochMs: number,
  receivedEpochMs: number,
  fields: readonly string[] = NVIDIA_TELEMETRY_FIELDS,
): TelemetryRow | null {
  const record = parseNvidiaCsv(line, fields)[0];
  if (!record) return null;
  const gpuIndex = numberOrNull(record['index']);
  if (gpuIndex === null) return null;
  const stamped = parseNvidiaTimestamp(record['timestamp'] ?? null);
  const maskText = record['clocks_event_reasons.active'] ?? record['clocks_throttle_reasons.active'] ?? null;
  return {
    tMs: Math.max(0, (stamped ?? receivedEpochMs) - startEpochMs),
    gpuIndex,
    powerW: numberOrNull(record['power.draw']),
    tempC: numberOrNull(record['temperature.gpu']),
    smClockMHz: numberOrNull(record['clocks.sm']),
    memClockMHz: numberOrNull(record['clocks.mem']),
    utilPct: numberOrNull(record['utilization.gpu']),
    memUsedMiB: numberOrNull(record['memory.used']),
    throttleMask: parseThrottleMask(maskText),
  };
}
