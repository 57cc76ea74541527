import type { TelemetryRow } from '../../../shared/domain/system';
import { bytesToMiB, parseRocmDocument, rocmField, rocmNumber } from '../rocm-smi';

/**
 * Parses one `rocm-smi --showpower --showtemp --showuse --showmemuse --showclocks --showmeminfo vram --json` poll
 * into one row per card. Key names differ by generation: MI300 reports "Current Socket Graphics Package Power (W)",
 * earlier cards "Average Graphics Package Power (W)"; MI300 has no edge sensor, only junction and memory.
 * @param tMs milliseconds since the sampler started, stamped by the caller when the poll returned.
 * @param gpuIndex keep only this card; all cards when omitted.
 */
export function parseRocmTelemetry(text: string, tMs: number, gpuIndex?: number): TelemetryRow[] {
  const doc = parseRocmDocument(text);
  if (!doc) return [];
  return doc.cards
    .filter((card) => gpuIndex === undefined || card.index === gpuIndex)
    .map((card): TelemetryRow => {
      const f = card.fields;
      return {
        tMs,
        gpuIndex: card.index,
        powerW: rocmNumber(rocmField(f, 'current socket graphics package power (w)', 'average graphics package power (w)')),
        // Edge first: it is the sensor comparable with NVIDIA's temperature.gpu; junction where there is no edge.
        tempC: rocmNumber(rocmField(f, 'temperature (sensor edge) (c)', 'temperature (sensor junction) (c)')),
        smClockMHz: rocmNumber(rocmField(f, 'sclk clock speed:')),
        memClockMHz: rocmNumber(rocmField(f, 'mclk clock speed:')),
        utilPct: rocmNumber(rocmField(f, 'gpu use (%)')),
        memUsedMiB: bytesToMiB(rocmField(f, 'vram total used memory (b)')),
        // rocm-smi has no throttle-reason mask comparable with NVIDIA's.
        throttleMask: null,
      };
    });
}
