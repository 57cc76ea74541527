import type { TelemetryRow } from '../../../shared/domain/system';
import { ROCM_TELEMETRY_ARGS } from '../rocm-smi';
import type { ToolRunner } from '../tool-runner';
import { describeToolFailure } from '../tool-runner';
import { parseRocmTelemetry } from './rocm-telemetry';
import type { SamplerCommonOptions, TelemetrySampler } from './types';

/** Options of the AMD sampler. */
export interface RocmSamplerOptions extends SamplerCommonOptions {
  runTool: ToolRunner;
  /** Executable to run (a full path from the PATH lookup, or "rocm-smi"). */
  command: string;
}

// One poll must not hang the sampler; rocm-smi normally answers in 100–300 ms (Python start-up dominates).
const POLL_TIMEOUT_MS = 3_000;

/**
 * Samples by polling `rocm-smi … --json` every `intervalMs`: rocm-smi has no loop mode with JSON output.
 * Polls never overlap; when one takes longer than the interval the next starts right after it.
 */
export function createRocmSampler(opts: RocmSamplerOptions): TelemetrySampler {
  const rows: TelemetryRow[] = [];
  let startEpochMs = 0;
  let isStarted = false;
  let isStopped = false;
  let timer: NodeJS.Timeout | null = null;
  let inFlight: Promise<void> = Promise.resolve();
  let lastError: string | null = null;

  const poll = async (): Promise<void> => {
    const begun = opts.now();
    const result = await opts.runTool(opts.command, ROCM_TELEMETRY_ARGS, { timeoutMs: POLL_TIMEOUT_MS });
    const ended = opts.now();
    // The readings are taken somewhere inside the call: stamp its midpoint.
    const tMs = Math.max(0, (begun + ended) / 2 - startEpochMs);
    const polled = parseRocmTelemetry(result.stdout, tMs, opts.gpuIndex);
    if (polled.length === 0) lastError = `rocm-smi gave no telemetry: ${describeToolFailure(result)}`;
    for (const row of polled) {
      rows.push(row);
      try {
        opts.onRow?.(row);
      } catch {
        // A failing consumer must not stop sampling; the row is still returned by stop().
      }
    }
    if (!isStopped) timer = setTimeout(tick, Math.max(0, opts.intervalMs - (ended - begun)));
  };
  const tick = (): void => {
    timer = null;
    inFlight = poll();
  };

  return {
    tool: 'rocm-smi',
    get lastError() {
      return lastError;
    },
    start() {
      if (isStarted) return;
      isStarted = true;
      startEpochMs = opts.now();
      tick();
    },
    async stop() {
      if (!isStarted) return [];
      isStopped = true;
      if (timer) clearTimeout(timer);
      await inFlight;
      return [...rows];
    },
  };
}
