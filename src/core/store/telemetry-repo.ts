import type { TelemetryRow } from '../../shared/domain/system';
import type { Db } from './open-database';

/** One telemetry reading as stored (the sampler's row; null where the tool printed N/A). */
export type TelemetryRecord = TelemetryRow;

export function createTelemetryRepo(db: Db) {
  const insert = db.prepare(
    `INSERT INTO telemetry (result_id, t_ms, gpu_index, power_w, temp_c, sm_clock_mhz, mem_clock_mhz, util_pct, mem_used_mib, throttle_mask)
     VALUES (@resultId, @tMs, @gpuIndex, @powerW, @tempC, @smClockMHz, @memClockMHz, @utilPct, @memUsedMiB, @throttleMask)`,
  );
  const byResult = db.prepare<[number], Record<string, number | null>>(
    `SELECT t_ms AS tMs, gpu_index AS gpuIndex, power_w AS powerW, temp_c AS tempC, sm_clock_mhz AS smClockMHz,
            mem_clock_mhz AS memClockMHz, util_pct AS utilPct, mem_used_mib AS memUsedMiB, throttle_mask AS throttleMask
     FROM telemetry WHERE result_id = ? ORDER BY t_ms`,
  );
  return {
    insert(resultId: number, row: TelemetryRecord): void {
      insert.run({ resultId, ...row });
    },
    byResult: (resultId: number): TelemetryRecord[] => byResult.all(resultId) as unknown as TelemetryRecord[],
  };
}
export type TelemetryRepo = ReturnType<typeof createTelemetryRepo>;
