/// <reference types="@webgpu/types" />
import { UnavailableError } from '../../worker/types';
import { backendsFor, candidateLine, describeAdapter, pickAdapter, type AdapterDescription } from './adapter-info';
import { NO_ADAPTER_HOW_TO } from './how-to';

/**
 * Dawn (the `webgpu` package) inside a worker process: loading, adapter choice, device and pipeline creation.
 * The native addon is imported lazily so the pure parts of this family load without it.
 */

/** The `webgpu` package's exports as used here. */
export interface DawnModule {
  create(flags: string[]): GPU;
  globals: object;
}

// Chromium quantises timestamps (to 100 µs) against timing side channels; a local benchmark wants full precision.
const DAWN_FLAGS = ['disable-dawn-features=timestamp_quantization'];

export { NO_ADAPTER_HOW_TO };

/**
 * Loads dawn.node and installs the WebGPU globals (GPUBufferUsage…) the API expects — fine in a worker process,
 * which runs nothing else.
 * @throws UnavailableError when the package has no build for this platform or the addon cannot load.
 */
export async function loadDawn(): Promise<DawnModule> {
  try {
    const mod = (await import('webgpu')) as unknown as DawnModule;
    Object.assign(globalThis, mod.globals);
    return mod;
  } catch (error) {
    throw new UnavailableError(
      `WebGPU (Dawn) could not load on ${process.platform}-${process.arch}: ${errorMessage(error)}`,
      'reinstall Rigmark for this platform',
    );
  }
}

export interface OpenedAdapter {
  adapter: GPUAdapter;
  info: AdapterDescription;
  /** Every adapter that answered, the chosen one included. */
  candidates: AdapterDescription[];
  /** The instance must stay referenced while the adapter and its device are in use. */
  gpu: GPU;
}

interface Found {
  gpu: GPU;
  adapter: GPUAdapter;
  info: AdapterDescription;
}

async function probe(dawn: DawnModule, backend: string, flags: string[], found: Found[]): Promise<void> {
  const gpu = dawn.create([...flags, ...DAWN_FLAGS]);
  // 'high-performance' picks the discrete GPU on hybrid laptops; forceFallbackAdapter surfaces a software adapter
  // so it can be named in the notes (and used when it is all there is).
  for (const options of [{ powerPreference: 'high-performance' }, { forceFallbackAdapter: true }] as const) {
    const adapter = await gpu.requestAdapter(options);
    if (!adapter) continue;
    const info = describeAdapter(adapter.info, backend);
    const isDuplicate = found.some((f) => f.info.backend === backend && f.info.description === info.description && f.info.device === info.device);
    if (!isDuplicate) found.push({ gpu, adapter, info });
  }
}

/**
 * Finds the adapter to benchmark: probes the platform's backends in preference order, then Dawn's default.
 * @throws UnavailableError('no WebGPU adapter: …') when none answers.
 */
export async function openAdapter(dawn: DawnModule, platform: NodeJS.Platform = process.platform): Promise<OpenedAdapter> {
  const found: Found[] = [];
  const problems: string[] = [];
  const backends = backendsFor(platform);
  for (const backend of backends) {
    try {
      await probe(dawn, backend, [`backend=${backend}`], found);
    } catch (error) {
      problems.push(`${backend}: ${firstLine(errorMessage(error))}`);
    }
  }
  if (found.length === 0) {
    try {
      await probe(dawn, 'default', [], found);
    } catch (error) {
      problems.push(`default: ${firstLine(errorMessage(error))}`);
    }
  }
  const index = pickAdapter(found.map((f) => f.info));
  const chosen = found[index];
  if (!chosen) {
    const tried = [...backends, 'default'].join(', ');
    const detail = problems.length > 0 ? `; ${problems.join('; ')}` : '';
    throw new UnavailableError(`no WebGPU adapter: Dawn found none (tried ${tried})${detail}`, NO_ADAPTER_HOW_TO);
  }
  return { adapter: chosen.adapter, info: chosen.info, candidates: found.map((f) => f.info), gpu: chosen.gpu };
}

/** Lines for the notes about which adapter was measured and which others answered. */
export function adapterNotes(opened: Pick<OpenedAdapter, 'info' | 'candidates'>): string[] {
  const notes: string[] = [];
  if (opened.info.isSoftware) notes.push('measured a software (CPU) WebGPU adapter: figures do not describe a GPU');
  if (opened.candidates.length > 1) notes.push(`adapters found: ${opened.candidates.map(candidateLine).join('; ')}`);
  return notes;
}

/**
 * A device with the adapter's full buffer and compute limits (the defaults cap storage bindings at 128 MiB) and
 * error capture: validation errors and device loss surface as thrown errors at the next `check()`.
 */
export class GpuSession {
  private readonly errors: string[] = [];
  private lostReason: string | null = null;

  private constructor(
    readonly device: GPUDevice,
    readonly opened: OpenedAdapter,
  ) {
    device.addEventListener('uncapturederror', (event) => {
      this.errors.push((event as GPUUncapturedErrorEvent).error.message);
    });
    void device.lost.then((info) => {
      if (info.reason !== 'destroyed') this.lostReason = info.message || String(info.reason);
    });
  }

  /**
   * Opens a device on the chosen adapter with the given optional features (those the adapter lacks are skipped).
   * @throws Error when the device cannot be created.
   */
  static async open(opened: OpenedAdapter, features: GPUFeatureName[]): Promise<GpuSession> {
    const { adapter } = opened;
    const limits = adapter.limits;
    const device = await adapter.requestDevice({
      requiredFeatures: features.filter((f) => adapter.features.has(f)),
      requiredLimits: {
        maxStorageBufferBindingSize: limits.maxStorageBufferBindingSize,
        maxBufferSize: limits.maxBufferSize,
        maxComputeWorkgroupStorageSize: limits.maxComputeWorkgroupStorageSize,
        maxComputeInvocationsPerWorkgroup: limits.maxComputeInvocationsPerWorkgroup,
        maxComputeWorkgroupSizeX: limits.maxComputeWorkgroupSizeX,
        maxComputeWorkgroupSizeY: limits.maxComputeWorkgroupSizeY,
      },
    });
    return new GpuSession(device, opened);
  }

  hasFeature(feature: GPUFeatureName): boolean {
    return this.device.features.has(feature);
  }

  /** @throws Error when the device was lost or reported an uncaptured error since the last check. */
  check(): void {
    if (this.lostReason !== null) throw new Error(`GPU device lost: ${this.lostReason}`);
    const first = this.errors.shift();
    if (first !== undefined) throw new Error(`WebGPU error: ${first}`);
  }

  /** Destroys the device, which frees its buffers and lets the worker process exit (dawn.node holds no loop then). */
  destroy(): void {
    this.device.destroy();
  }
}

/**
 * Compiles a WGSL compute shader and builds its pipeline (entry point `main`, layout 'auto').
 * @throws Error with the compiler's messages when the shader or pipeline is invalid.
 */
export async function createPipeline(
  device: GPUDevice,
  label: string,
  code: string,
  constants: Record<string, number> = {},
): Promise<GPUComputePipeline> {
  device.pushErrorScope('validation');
  const module = device.createShaderModule({ label, code });
  const info = await module.getCompilationInfo();
  const scoped = await device.popErrorScope();
  const errors = info.messages.filter((m) => m.type === 'error').map((m) => `${m.lineNum}:${m.linePos} ${m.message}`);
  if (errors.length > 0 || scoped) {
    throw new Error(`shader ${label} failed to compile: ${errors.join('; ') || scoped?.message}`);
  }
  try {
    return await device.createComputePipelineAsync({ label, layout: 'auto', compute: { module, entryPoint: 'main', constants } });
  } catch (error) {
    throw new Error(`pipeline ${label} could not be created: ${errorMessage(error)}`);
  }
}

/** Reads `size` bytes at `offset` of a GPU buffer (which needs COPY_SRC) back to the CPU. */
export async function readBack(device: GPUDevice, source: GPUBuffer, offset: number, size: number): Promise<ArrayBuffer> {
  const staging = device.createBuffer({ size, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST });
  try {
    const encoder = device.createCommandEncoder();
    encoder.copyBufferToBuffer(source, offset, staging, 0, size);
    device.queue.submit([encoder.finish()]);
    await staging.mapAsync(GPUMapMode.READ);
    return staging.getMappedRange().slice(0);
  } finally {
    staging.destroy();
  }
}

/** The message of a thrown value, whatever was thrown. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}
