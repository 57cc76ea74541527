import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { TelemetryRow } from '../../../shared/domain/system';
import { isUnknownFieldError } from '../nvidia-smi';
import { NVIDIA_TELEMETRY_FIELDS, NVIDIA_TELEMETRY_FIELDS_LEGACY, nvidiaTelemetryArgs, parseNvidiaTelemetryLine } from './nvidia-telemetry';
import type { SamplerCommonOptions, SpawnFn, TelemetrySampler } from './types';

/** Options of the NVIDIA sampler. */
export interface NvidiaSamplerOptions extends SamplerCommonOptions {
  spawn: SpawnFn;
  env: NodeJS.ProcessEnv;
  /** Executable to run (a full path from the PATH lookup, or "nvidia-smi"). */
  command: string;
}

// nvidia-smi exits on SIGTERM at once; the grace period only matters for a wedged driver.
const KILL_GRACE_MS = 2_000;

/**
 * Samples with one long-lived `nvidia-smi --query-gpu=… -lms <interval>` child rather than one process per sample:
 * spawning nvidia-smi costs tens to hundreds of milliseconds of CPU, which would disturb the benchmark it measures.
 */
export function createNvidiaSampler(opts: NvidiaSamplerOptions): TelemetrySampler {
  return new NvidiaLoopSampler(opts);
}

class NvidiaLoopSampler implements TelemetrySampler {
  readonly tool = 'nvidia-smi';
  lastError: string | null = null;
  private readonly rows: TelemetryRow[] = [];
  private child: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();
  private startEpochMs = 0;
  private isStarted = false;
  private isStopping = false;

  constructor(private readonly opts: NvidiaSamplerOptions) {}

  start(): void {
    if (this.isStarted) return;
    this.isStarted = true;
    this.startEpochMs = this.opts.now();
    this.launch(NVIDIA_TELEMETRY_FIELDS, true);
  }

  async stop(): Promise<TelemetryRow[]> {
    if (!this.isStarted) return [];
    this.isStopping = true;
    await stopChild(this.child, this.exited);
    return [...this.rows];
  }

  private launch(fields: readonly string[], allowFallback: boolean): void {
    const proc = this.opts.spawn(this.opts.command, nvidiaTelemetryArgs(this.opts.intervalMs, this.opts.gpuIndex, fields), {
      env: this.opts.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true,
    });
    this.child = proc;
    let fellBack = false;
    const onLine = (line: string): void => {
      if (allowFallback && !fellBack && isUnknownFieldError(line)) {
        // Older driver: it rejects `clocks_event_reasons.active`; ask again with the pre-R535 name.
        fellBack = true;
        proc.kill();
        this.launch(NVIDIA_TELEMETRY_FIELDS_LEGACY, false);
        return;
      }
      this.accept(line, fields);
    };
    if (proc.stdout) createInterface({ input: proc.stdout }).on('line', onLine);
    if (proc.stderr) createInterface({ input: proc.stderr }).on('line', onLine);
    this.exited = new Promise<void>((resolve) => {
      proc.once('error', (err) => {
        this.lastError = `nvidia-smi could not start: ${err.message}`;
        resolve();
      });
      proc.once('close', (code, signal) => {
        if (!this.isStopping && !fellBack) this.lastError ??= `nvidia-smi exited early (${signal ?? `exit ${code}`})`;
        resolve();
      });
    });
  }

  private accept(line: string, fields: readonly string[]): void {
    const row = parseNvidiaTelemetryLine(line, this.startEpochMs, this.opts.now(), fields);
    if (!row) {
      if (line.trim()) this.lastError = `nvidia-smi: ${line.trim()}`;
      return;
    }
    this.rows.push(row);
    try {
      this.opts.onRow?.(row);
    } catch {
      // A failing consumer must not stop sampling; the row is still returned by stop().
    }
  }
}

async function stopChild(child: ChildProcess | null, exited: Promise<void>): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return exited;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), KILL_GRACE_MS);
  try {
    await exited;
  } finally {
    clearTimeout(timer);
  }
}
