import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Availability } from '../../../../shared/domain/benchmark';
import type { WebGpuProbe } from '../../../../shared/domain/system';
import type { AvailabilityContext, BenchmarkDefinition } from '../../definition';
import { F16_HOW_TO, NO_ADAPTER_HOW_TO } from './how-to';
import { BANDWIDTH_DEFAULT_SIZE_MIB, DEFAULT_MIN_BATCH_MS, MATMUL_DEFAULT_N } from './params';

// Parent side: metadata, a file-existence check and the detection's adapter probe. Dawn is never loaded here: it
// can abort its process, so the probe ran in a worker (probe-webgpu.ts) and its answer is in the system snapshot.

/** Where the `webgpu` package keeps dawn.node for a platform (one folder per platform-arch; macOS is universal). */
export function dawnBinaryPath(
  platform: NodeJS.Platform = process.platform,
  arch: string = process.arch,
  resolvePackage: () => string = () => createRequire(import.meta.url).resolve('webgpu'),
): string {
  const folder = platform === 'darwin' ? 'darwin-universal' : `${platform}-${arch}`;
  return join(dirname(resolvePackage()), 'dist', folder, 'dawn.node');
}

export interface DawnAvailabilityInput {
  /** The detection's adapter probe; absent (an older snapshot, a test's) leaves the adapter to the worker. */
  webgpu?: WebGpuProbe;
  binaryPath?: () => string;
  exists?: (path: string) => boolean;
}

/**
 * Available when the `webgpu` package ships dawn.node for this platform and the probe found an adapter. A software
 * adapter (SwiftShader, llvmpipe, WARP) is available: the worker labels its results software, and they are never
 * compared with published figures.
 */
export async function checkDawnAvailability(input: DawnAvailabilityInput = {}): Promise<Availability> {
  const { webgpu, binaryPath = () => dawnBinaryPath(), exists = existsSync } = input;
  let path: string;
  try {
    path = binaryPath();
  } catch (error) {
    return { isAvailable: false, reason: `the webgpu package is not installed: ${String(error)}`, howToEnable: 'reinstall Rigmark' };
  }
  if (!exists(path)) {
    return {
      isAvailable: false,
      reason: `WebGPU (Dawn) has no build for ${process.platform}-${process.arch} (${path} is missing)`,
      howToEnable: 'run Rigmark on Windows, macOS or Linux (x64 or arm64)',
    };
  }
  if (webgpu && webgpu.adapter === null) {
    return { isAvailable: false, reason: `no WebGPU adapter: ${webgpu.reason ?? 'Dawn found none'}`, howToEnable: NO_ADAPTER_HOW_TO };
  }
  return { isAvailable: true };
}

/** The FP16 matmul also needs shader-f16, when the probe listed the adapter's features; else the worker decides. */
export async function checkF16Availability(input: DawnAvailabilityInput = {}): Promise<Availability> {
  const base = await checkDawnAvailability(input);
  const probe = input.webgpu;
  if (!base.isAvailable || probe?.features === undefined || probe.features.includes('shader-f16')) return base;
  return { isAvailable: false, reason: `the adapter has no shader-f16 (${probe.adapter ?? 'unnamed'}, ${probe.backend ?? 'unknown backend'})`, howToEnable: F16_HOW_TO };
}

const GPU = {
  family: 'gpu',
  category: 'gpu-compute',
  higherIsBetter: true,
  defaultRepetitions: 5,
  warmups: 1,
  timeoutMs: 120_000,
} as const;

const suites: BenchmarkDefinition['suites'] = ['quick', 'full'];
const check = (ctx: AvailabilityContext): Promise<Availability> => checkDawnAvailability({ webgpu: ctx.snapshot.webgpu });
const checkF16 = (ctx: AvailabilityContext): Promise<Availability> => checkF16Availability({ webgpu: ctx.snapshot.webgpu });

/** The `gpu` family: WebGPU compute kernels through Dawn. */
export const definitions: BenchmarkDefinition[] = [
  {
    ...GPU,
    suites,
    id: 'gpu.matmul-fp32',
    title: 'GPU matmul FP32 (WebGPU)',
    description:
      'Tiled 1024×1024 FP32 matrix multiply (64×64 tiles in workgroup memory) through WebGPU (Dawn); GFLOP/s = 2·N³ / time, output verified against the CPU.',
    unit: 'GFLOP/s',
    estimatedMs: 6_000,
    checkAvailability: check,
    defaultParams: () => ({ n: MATMUL_DEFAULT_N, minBatchMs: DEFAULT_MIN_BATCH_MS }),
  },
  {
    ...GPU,
    suites,
    id: 'gpu.matmul-fp16',
    title: 'GPU matmul FP16 (WebGPU)',
    description:
      'The same tiled matrix multiply with FP16 inputs, products and accumulation (WGSL `enable f16`); needs the shader-f16 feature.',
    unit: 'GFLOP/s',
    estimatedMs: 6_000,
    checkAvailability: checkF16,
    defaultParams: () => ({ n: MATMUL_DEFAULT_N, minBatchMs: DEFAULT_MIN_BATCH_MS }),
  },
  {
    ...GPU,
    suites,
    id: 'gpu.bandwidth',
    title: 'GPU memory bandwidth (WebGPU)',
    description:
      'Copies a 256 MiB buffer to another in GPU memory, 16 bytes per thread; GB/s counts read + write, as vendor bandwidth figures do.',
    unit: 'GB/s',
    estimatedMs: 5_000,
    checkAvailability: check,
    defaultParams: () => ({ sizeMiB: BANDWIDTH_DEFAULT_SIZE_MIB, minBatchMs: DEFAULT_MIN_BATCH_MS }),
  },
];
