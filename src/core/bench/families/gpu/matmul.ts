/// <reference types="@webgpu/types" />
import type { Identity } from '../../../../shared/domain/benchmark';
import { UnavailableError, type Measurement, type WorkerBenchmark, type WorkerContext } from '../../worker/types';
import { gpuIdentity, gpuNotes, openGpuSession, uploadBuffer } from './common';
import { createPipeline, readBack, type GpuSession, type OpenedAdapter } from './dawn';
import { F16_HOW_TO } from './how-to';
import {
  decodeOutput,
  makeMatmulInputs,
  MATMUL_KERNEL_ID,
  MATMUL_TILE,
  MATMUL_TILE_LABEL,
  MATMUL_WORKGROUP,
  matmulShader,
  matmulWorkgroupBytes,
  verifyMatmul,
  type Precision,
} from './matmul-kernel';
import { MatmulParamsSchema, parseParams, SOFTWARE_MAX_N } from './params';
import { BatchTimer, calibrateRepeats } from './timer';

interface MatmulState {
  session: GpuSession;
  timer: BatchTimer;
  pipeline: GPUComputePipeline;
  bindGroup: GPUBindGroup;
  buffers: GPUBuffer[];
  n: number;
  requestedN: number;
  precision: Precision;
  /** Dispatches per repetition, from calibration. */
  repeat: number;
}

/**
 * Largest N ≤ `requested`, a multiple of the 64-element tile, whose N×N matrix fits one storage binding and one
 * buffer. @param maxBindingBytes adapter's maxStorageBufferBindingSize. @param maxBufferBytes its maxBufferSize.
 */
export function fitMatrixSide(requested: number, elementBytes: number, maxBindingBytes: number, maxBufferBytes: number): number {
  const maxBytes = Math.min(maxBindingBytes, maxBufferBytes);
  const bySize = Math.floor(Math.sqrt(maxBytes / elementBytes));
  return Math.max(MATMUL_TILE, Math.floor(Math.min(requested, bySize) / MATMUL_TILE) * MATMUL_TILE);
}

/** GFLOP/s of `repeat` N×N GEMMs in `ms` (2·N³ floating-point operations each: one multiply, one add). */
export function gemmGflops(n: number, repeat: number, ms: number): number {
  return (2 * n ** 3 * repeat) / 1e9 / (ms / 1e3);
}

function requireMatmulSupport(precision: Precision): (opened: OpenedAdapter) => void {
  return ({ adapter, info }) => {
    const name = info.description || info.device || info.vendor || 'the WebGPU adapter';
    if (precision === 'f16' && !adapter.features.has('shader-f16')) {
      throw new UnavailableError(
        `${name} (${info.backend}) does not offer the WebGPU 'shader-f16' feature`,
        F16_HOW_TO,
      );
    }
    const limits = adapter.limits;
    const threads = MATMUL_WORKGROUP * MATMUL_WORKGROUP;
    if (limits.maxComputeWorkgroupStorageSize < matmulWorkgroupBytes(precision) || limits.maxComputeInvocationsPerWorkgroup < threads) {
      throw new UnavailableError(`${name} allows too little workgroup memory or too few threads for the ${MATMUL_TILE_LABEL} GEMM`);
    }
  };
}

async function buildMatmul(session: GpuSession, n: number, precision: Precision) {
  const { device } = session;
  const inputs = makeMatmulInputs(n, precision);
  const storage = GPUBufferUsage.STORAGE;
  const a = uploadBuffer(device, 'A', inputs.aBytes, storage);
  const b = uploadBuffer(device, 'B', inputs.bBytes, storage);
  const c = device.createBuffer({ label: 'C', size: inputs.aBytes.byteLength, usage: storage | GPUBufferUsage.COPY_SRC });
  const pipeline = await createPipeline(device, `matmul-${precision}`, matmulShader(precision), { N: n });
  const bindGroup = device.createBindGroup({
    layout: pipeline.getBindGroupLayout(0),
    entries: [a, b, c].map((buffer, binding) => ({ binding, resource: { buffer } })),
  });
  return { inputs, buffers: [a, b, c], pipeline, bindGroup };
}

function encoder(state: Pick<MatmulState, 'pipeline' | 'bindGroup' | 'n'>): (pass: GPUComputePassEncoder) => void {
  const groups = state.n / MATMUL_TILE;
  return (pass) => {
    pass.setPipeline(state.pipeline);
    pass.setBindGroup(0, state.bindGroup);
    pass.dispatchWorkgroups(groups, groups, 1);
  };
}

async function setupMatmul(ctx: WorkerContext, precision: Precision): Promise<MatmulState> {
  const params = parseParams(MatmulParamsSchema, ctx.job.params);
  ctx.reportPhase('opening the GPU');
  const session = await openGpuSession(precision === 'f16' ? ['shader-f16'] : [], requireMatmulSupport(precision));
  try {
    const limits = session.device.limits;
    const wanted = session.opened.info.isSoftware ? Math.min(params.n, SOFTWARE_MAX_N) : params.n;
    const n = fitMatrixSide(wanted, precision === 'f16' ? 2 : 4, limits.maxStorageBufferBindingSize, limits.maxBufferSize);
    ctx.reportPhase(`compiling and verifying the ${n}×${n} ${precision} GEMM`);
    const built = await buildMatmul(session, n, precision);
    const timer = new BatchTimer(session.device, session.hasFeature('timestamp-query') ? 'timestamp-query' : 'wall-clock');
    const state: MatmulState = { session, timer, ...built, n, requestedN: params.n, precision, repeat: 1 };
    // First dispatch: warms the pipeline, and its output is checked against the CPU before anything is timed.
    await timer.run(encoder(state), 1);
    session.check();
    const c = built.buffers[2]!;
    verifyMatmul(built.inputs, decodeOutput(await readBack(session.device, c, 0, c.size), precision), n, precision);
    state.repeat = await calibrateRepeats(timer, encoder(state), params.minBatchMs);
    return state;
  } catch (error) {
    session.destroy();
    throw error;
  }
}

/**
 * `gpu.matmul-fp32` / `gpu.matmul-fp16`: a tiled GEMM (C = A·B, N×N, 64×64 output tile per 16×16 workgroup, each
 * thread a 4×4 micro-tile, K staged through workgroup memory) via WebGPU (Dawn). f16 multiplies and accumulates in
 * f16. Value: GFLOP/s = 2·N³ per dispatch / time, GPU time from timestamp queries where the adapter has them.
 * The output of the first dispatch is verified against a float64 CPU reference.
 */
export function createMatmulBenchmark(precision: Precision): WorkerBenchmark<MatmulState> {
  return {
    setup: (ctx) => setupMatmul(ctx, precision),
    async measure(state): Promise<Measurement> {
      const timing = await state.timer.run(encoder(state), state.repeat);
      state.session.check();
      const ms = state.timer.scoreMs(timing);
      return {
        value: gemmGflops(state.n, state.repeat, ms),
        metrics: { msPerDispatch: ms / state.repeat, wallClockGflops: gemmGflops(state.n, state.repeat, timing.wallMs) },
        workUnits: 2 * state.n ** 3 * state.repeat,
      };
    },
    async teardown(state) {
      state.timer.destroy();
      for (const buffer of state.buffers) buffer.destroy();
      state.session.destroy();
    },
    identity(state): Identity {
      return {
        ...gpuIdentity(state.session, state.timer),
        kernel: MATMUL_KERNEL_ID,
        precision: state.precision,
        accumulate: state.precision,
        n: state.n,
        workgroupTile: MATMUL_TILE_LABEL,
      };
    },
    metricUnits: { msPerDispatch: 'ms', wallClockGflops: 'GFLOP/s' },
    notes(state) {
      const notes = gpuNotes(state.session, state.timer, state.repeat);
      if (state.n !== state.requestedN) {
        const why = state.session.opened.info.isSoftware ? 'software adapter cap' : 'tile multiple and adapter limits';
        notes.push(`N reduced from ${state.requestedN} to ${state.n} (${why})`);
      }
      return notes;
    },
  };
}
