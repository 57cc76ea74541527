import type { TelemetrySummary } from '../../shared/domain/results';
import type { SystemSnapshot } from '../../shared/domain/system';
import type { InstanceTelemetry } from '../bench/runner/run-executor';
import { createTelemetrySampler } from '../hardware/telemetry/create-sampler';
import { summarizeTelemetry } from '../hardware/telemetry/summarize';
import type { SampleRow } from '../store/results-repo';
import type { TelemetryRecord } from '../store/telemetry-repo';

/**
 * Telemetry for each instance from the vendor tool on `env`'s PATH (nvidia-smi, rocm-smi): rows are stored as they
 * arrive; null where no tool exists.
 */
export function vendorToolTelemetry(env: NodeJS.ProcessEnv = process.env) {
  return (onRow: (row: TelemetryRecord) => void): InstanceTelemetry | null => {
    const sampler = createTelemetrySampler({ onRow, env });
    if (!sampler) return null;
    return { start: () => sampler.start(), stop: async () => void (await sampler.stop()) };
  };
}

/**
 * Derived telemetry of one result over its counted repetitions: power, temperature, clocks held, throttling and
 * energy per unit of work (workUnits summed over the counted samples).
 */
export function telemetryOf(
  rows: readonly TelemetryRecord[],
  rawSamples: readonly SampleRow[],
  system: SystemSnapshot,
): TelemetrySummary | null {
  if (rows.length === 0) return null;
  const counted = rawSamples.filter((s) => s.is_warmup === 0);
  const workUnits = counted.reduce((sum, s) => sum + (s.work_units ?? 0), 0);
  const durationMs = counted.reduce((sum, s) => sum + s.duration_ms, 0);
  const gpu = system.gpus.find((g) => g.index === rows[0]?.gpuIndex) ?? system.gpus[0];
  return summarizeTelemetry(rows, { maxSmClockMHz: gpu?.maxSmClockMHz ?? null, workUnits: workUnits || null, durationMs });
}
