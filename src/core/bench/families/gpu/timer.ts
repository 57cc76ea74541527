/// <reference types="@webgpu/types" />

/** How a GPU repetition was timed; part of the identity because the two differ by launch and submit overhead. */
export type TimingMode = 'timestamp-query' | 'wall-clock';

/** One timed batch: GPU time from timestamps (null in wall-clock mode) and host wall time, both ms. */
export interface BatchTiming {
  gpuMs: number | null;
  wallMs: number;
}

/**
 * Times a batch of dispatches encoded into one compute pass. With 'timestamp-query' the pass carries begin/end
 * timestamps (GPU time of the whole batch); otherwise, and always alongside, the host measures submit →
 * `onSubmittedWorkDone()`. Repeating the dispatch inside one pass amortises submit and launch overhead.
 */
export class BatchTimer {
  private readonly querySet: GPUQuerySet | null;
  private readonly resolveBuffer: GPUBuffer | null;
  private readonly readBuffer: GPUBuffer | null;
  /** Why timestamps were dropped after validation, if they were. */
  fallbackReason: string | null = null;

  constructor(
    private readonly device: GPUDevice,
    private currentMode: TimingMode,
  ) {
    if (currentMode === 'timestamp-query') {
      this.querySet = device.createQuerySet({ type: 'timestamp', count: 2 });
      this.resolveBuffer = device.createBuffer({ size: 16, usage: GPUBufferUsage.QUERY_RESOLVE | GPUBufferUsage.COPY_SRC });
      this.readBuffer = device.createBuffer({ size: 16, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST });
    } else {
      this.querySet = null;
      this.resolveBuffer = null;
      this.readBuffer = null;
    }
  }

  get mode(): TimingMode {
    return this.currentMode;
  }

  /** Encodes `encode` `repeat` times into one pass, submits and waits for the GPU to finish. */
  async run(encode: (pass: GPUComputePassEncoder) => void, repeat: number): Promise<BatchTiming> {
    const encoder = this.device.createCommandEncoder();
    const useTimestamps = this.currentMode === 'timestamp-query' && this.querySet !== null;
    const pass = encoder.beginComputePass(
      useTimestamps ? { timestampWrites: { querySet: this.querySet!, beginningOfPassWriteIndex: 0, endOfPassWriteIndex: 1 } } : {},
    );
    for (let i = 0; i < repeat; i++) encode(pass);
    pass.end();
    if (useTimestamps) {
      encoder.resolveQuerySet(this.querySet!, 0, 2, this.resolveBuffer!, 0);
      encoder.copyBufferToBuffer(this.resolveBuffer!, 0, this.readBuffer!, 0, 16);
    }
    const commands = encoder.finish();
    const startMs = performance.now();
    this.device.queue.submit([commands]);
    await this.device.queue.onSubmittedWorkDone();
    const wallMs = performance.now() - startMs;
    return { gpuMs: useTimestamps ? await this.readTimestampsMs() : null, wallMs };
  }

  /** The time a repetition is scored with: GPU time when timestamps are in use, else wall time (ms). */
  scoreMs(timing: BatchTiming): number {
    return this.currentMode === 'timestamp-query' && timing.gpuMs !== null ? timing.gpuMs : timing.wallMs;
  }

  /**
   * Checks a calibration batch: GPU time must be positive and cannot exceed the host's submit → done wall time
   * (plus 5 % and 1 ms for clock-domain slack). Otherwise timestamps are unreliable here (some drivers return
   * zeros or wrap) and the timer switches to wall-clock for the whole instance.
   */
  validate(timing: BatchTiming): void {
    if (this.currentMode !== 'timestamp-query') return;
    const problem = timestampProblem(timing);
    if (problem !== null) {
      this.currentMode = 'wall-clock';
      this.fallbackReason = problem;
    }
  }

  destroy(): void {
    this.querySet?.destroy();
    this.resolveBuffer?.destroy();
    this.readBuffer?.destroy();
  }

  private async readTimestampsMs(): Promise<number> {
    const buffer = this.readBuffer!;
    await buffer.mapAsync(GPUMapMode.READ);
    const [begin, end] = new BigUint64Array(buffer.getMappedRange().slice(0));
    buffer.unmap();
    // Timestamps are nanoseconds; a wrapped or zero pair yields a value validate() rejects.
    return Number((end ?? 0n) - (begin ?? 0n)) / 1e6;
  }
}

/** Why a batch's GPU time cannot be trusted (see BatchTimer.validate), or null when it is plausible. */
export function timestampProblem(timing: BatchTiming): string | null {
  const gpuMs = timing.gpuMs;
  if (gpuMs !== null && Number.isFinite(gpuMs) && gpuMs > 0 && gpuMs <= timing.wallMs * 1.05 + 1) return null;
  return `timestamps looked wrong (GPU ${gpuMs ?? 'none'} ms vs wall ${timing.wallMs.toFixed(3)} ms)`;
}

/**
 * How many dispatches one repetition needs to last at least `minBatchMs`, from one dispatch's time; between 1 and
 * `maxRepeat` so a tiny kernel cannot make a repetition take forever to encode.
 */
export function repeatsFor(singleMs: number, minBatchMs: number, maxRepeat = 1000): number {
  if (!(singleMs > 0)) return maxRepeat;
  return Math.min(maxRepeat, Math.max(1, Math.ceil(minBatchMs / singleMs)));
}

/**
 * Times one more dispatch after the verified first one, checks the timing is sane, and returns how many dispatches
 * a measured batch needs to last `minBatchMs` (launch overhead amortised).
 */
export async function calibrateRepeats(
  timer: BatchTimer,
  encode: (pass: GPUComputePassEncoder) => void,
  minBatchMs: number,
): Promise<number> {
  const calibration = await timer.run(encode, 1);
  timer.validate(calibration);
  return repeatsFor(timer.scoreMs(calibration), minBatchMs);
}
