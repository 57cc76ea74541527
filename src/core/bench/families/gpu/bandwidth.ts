/// <reference types="@webgpu/types" />
import type { Identity } from '../../../../shared/domain/benchmark';
import type { Measurement, WorkerBenchmark, WorkerContext } from '../../worker/types';
import { gpuIdentity, gpuNotes, openGpuSession } from './common';
import { createPipeline, readBack, type GpuSession } from './dawn';
import { hash32 } from './matmul-kernel';
import { BandwidthParamsSchema, parseParams, SOFTWARE_MAX_COPY_MIB } from './params';
import { BatchTimer, calibrateRepeats } from './timer';

/** Changes whenever the kernel changes; part of the identity. */
export const COPY_KERNEL_ID = 'copy-vec4u32-wg256-v1';
const WORKGROUP = 256;
/** Bytes one workgroup copies (256 threads × 16 bytes); buffer sizes are multiples of it. */
const BYTES_PER_GROUP = WORKGROUP * 16;
const MIB = 1024 * 1024;

/**
 * WGSL: each thread copies one 16-byte vector. vec4<u32> rather than vec4<f32>: same bytes moved, and a bit-exact
 * copy is guaranteed (no float canonicalisation), which the verification relies on. The grid is 2-D because one
 * dimension holds at most 65,535 workgroups; WIDTH (workgroups per row) is a pipeline constant.
 */
export const COPY_SHADER = `
override WIDTH: u32 = 1u;
@group(0) @binding(0) var<storage, read> src: array<vec4<u32>>;
@group(0) @binding(1) var<storage, read_write> dst: array<vec4<u32>>;

@compute @workgroup_size(${WORKGROUP}, 1, 1)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let i = gid.y * WIDTH * ${WORKGROUP}u + gid.x;
  if (i < arrayLength(&src)) {
    dst[i] = src[i];
  }
}
`;

/** The 32-bit word the source holds at word index `index`. */
export function patternWord(index: number): number {
  return hash32(index, 0xb00f) | 1;
}

/**
 * Checks words read back from the destination against the source pattern.
 * @param firstIndex word index of `words[0]` in the buffer.
 * @throws Error 'result verification failed: …' at the first mismatch.
 */
export function verifyCopy(words: Uint32Array, firstIndex: number): void {
  for (let i = 0; i < words.length; i++) {
    const expected = patternWord(firstIndex + i) >>> 0;
    if (words[i] !== expected) {
      throw new Error(`result verification failed: word ${firstIndex + i} is 0x${words[i]!.toString(16)}, expected 0x${expected.toString(16)}`);
    }
  }
}

/** Bytes per buffer: the request capped by the binding and buffer limits, in whole workgroups. */
export function fitCopyBytes(requestedBytes: number, maxBindingBytes: number, maxBufferBytes: number): number {
  const bytes = Math.min(requestedBytes, maxBindingBytes, maxBufferBytes);
  return Math.max(BYTES_PER_GROUP, Math.floor(bytes / BYTES_PER_GROUP) * BYTES_PER_GROUP);
}

/** GB/s (10^9 bytes/s) of `repeat` copies of `bytes`, counting read + write (2 × bytes per copy). */
export function copyGBps(bytes: number, repeat: number, ms: number): number {
  return (2 * bytes * repeat) / 1e9 / (ms / 1e3);
}

interface BandwidthState {
  session: GpuSession;
  timer: BatchTimer;
  pipeline: GPUComputePipeline;
  bindGroup: GPUBindGroup;
  buffers: GPUBuffer[];
  bytes: number;
  requestedBytes: number;
  grid: [number, number];
  repeat: number;
}

function makeSource(device: GPUDevice, bytes: number): GPUBuffer {
  const buffer = device.createBuffer({ label: 'src', size: bytes, usage: GPUBufferUsage.STORAGE, mappedAtCreation: true });
  const words = new Uint32Array(buffer.getMappedRange());
  for (let i = 0; i < words.length; i++) words[i] = patternWord(i);
  buffer.unmap();
  return buffer;
}

/** Checks 64 spread-out 1 KiB windows of the destination (first and last included). */
async function verifyDestination(session: GpuSession, dst: GPUBuffer, bytes: number): Promise<void> {
  const window = 1024;
  const windows = Math.min(64, bytes / window);
  for (let w = 0; w < windows; w++) {
    const offset = Math.floor((w * (bytes - window)) / Math.max(1, windows - 1) / window) * window;
    const words = new Uint32Array(await readBack(session.device, dst, offset, window));
    verifyCopy(words, offset / 4);
  }
}

async function setupBandwidth(ctx: WorkerContext): Promise<BandwidthState> {
  const params = parseParams(BandwidthParamsSchema, ctx.job.params);
  ctx.reportPhase('opening the GPU');
  const session = await openGpuSession([]);
  try {
    const { device } = session;
    const wantedMiB = session.opened.info.isSoftware ? Math.min(params.sizeMiB, SOFTWARE_MAX_COPY_MIB) : params.sizeMiB;
    const bytes = fitCopyBytes(wantedMiB * MIB, device.limits.maxStorageBufferBindingSize, device.limits.maxBufferSize);
    ctx.reportPhase(`filling 2 × ${Math.round(bytes / MIB)} MiB`);
    const src = makeSource(device, bytes);
    const dst = device.createBuffer({ label: 'dst', size: bytes, usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC });
    const groups = bytes / BYTES_PER_GROUP;
    const width = Math.min(groups, device.limits.maxComputeWorkgroupsPerDimension);
    const grid: [number, number] = [width, Math.ceil(groups / width)];
    const pipeline = await createPipeline(device, 'copy', COPY_SHADER, { WIDTH: width });
    const bindGroup = device.createBindGroup({
      layout: pipeline.getBindGroupLayout(0),
      entries: [src, dst].map((buffer, binding) => ({ binding, resource: { buffer } })),
    });
    const timer = new BatchTimer(device, session.hasFeature('timestamp-query') ? 'timestamp-query' : 'wall-clock');
    const state: BandwidthState = { session, timer, pipeline, bindGroup, buffers: [src, dst], bytes, requestedBytes: params.sizeMiB * MIB, grid, repeat: 1 };
    await timer.run(encoder(state), 1);
    session.check();
    await verifyDestination(session, dst, bytes);
    state.repeat = await calibrateRepeats(timer, encoder(state), params.minBatchMs);
    return state;
  } catch (error) {
    session.destroy();
    throw error;
  }
}

function encoder(state: Pick<BandwidthState, 'pipeline' | 'bindGroup' | 'grid'>): (pass: GPUComputePassEncoder) => void {
  return (pass) => {
    pass.setPipeline(state.pipeline);
    pass.setBindGroup(0, state.bindGroup);
    pass.dispatchWorkgroups(state.grid[0], state.grid[1], 1);
  };
}

/**
 * `gpu.bandwidth`: device-memory copy (src → dst, 16 bytes per thread) over two buffers of `sizeMiB` each (default
 * 256 MiB, capped by the adapter's limits). GB/s = 2 × bytes per copy / time (read + write, as STREAM "copy" and
 * vendor bandwidth figures count), 10^9 bytes/s. Sampled windows of the destination are verified after the first
 * dispatch.
 */
export const bandwidthBenchmark: WorkerBenchmark<BandwidthState> = {
  setup: (ctx) => setupBandwidth(ctx),
  async measure(state): Promise<Measurement> {
    const timing = await state.timer.run(encoder(state), state.repeat);
    state.session.check();
    const ms = state.timer.scoreMs(timing);
    return {
      value: copyGBps(state.bytes, state.repeat, ms),
      metrics: { msPerDispatch: ms / state.repeat, wallClockGBps: copyGBps(state.bytes, state.repeat, timing.wallMs) },
      workUnits: 2 * state.bytes * state.repeat,
    };
  },
  async teardown(state) {
    state.timer.destroy();
    for (const buffer of state.buffers) buffer.destroy();
    state.session.destroy();
  },
  identity(state): Identity {
    return { ...gpuIdentity(state.session, state.timer), kernel: COPY_KERNEL_ID, bufferMiB: state.bytes / MIB, countsBytes: 'read+write' };
  },
  metricUnits: { msPerDispatch: 'ms', wallClockGBps: 'GB/s' },
  notes(state) {
    const notes = gpuNotes(state.session, state.timer, state.repeat);
    if (state.bytes < state.requestedBytes) {
      const why = state.session.opened.info.isSoftware ? 'software adapter cap' : "the adapter's limits";
      notes.push(`buffers reduced to ${state.bytes / MIB} MiB (${why})`);
    }
    return notes;
  },
};
