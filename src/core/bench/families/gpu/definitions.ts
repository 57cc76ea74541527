import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Availability } from '../../../../shared/domain/benchmark';
import type { BenchmarkDefinition } from '../../definition';
import { BANDWIDTH_DEFAULT_SIZE_MIB, DEFAULT_MIN_BATCH_MS, MATMUL_DEFAULT_N } from './params';

// Parent side: metadata and a file-existence check only. Dawn is never loaded here: it can abort its process, and
// adapters are enumerated in the worker, where shader-f16 or the lack of any adapter becomes `unavailable`.

/** Where the `webgpu` package keeps dawn.node for a platform (one folder per platform-arch; macOS is universal). */
export function dawnBinaryPath(
  platform: NodeJS.Platform = process.platform,
  arch: string = process.arch,
  resolvePackage: () => string = () => createRequire(import.meta.url).resolve('webgpu'),
): string {
  const folder = platform === 'darwin' ? 'darwin-universal' : `${platform}-${arch}`;
  return join(dirname(resolvePackage()), 'dist', folder, 'dawn.node');
}

/** Available when the `webgpu` package ships dawn.node for this platform; the adapter itself is probed in the worker. */
export async function checkDawnAvailability(
  binaryPath: () => string = () => dawnBinaryPath(),
  exists: (path: string) => boolean = existsSync,
): Promise<Availability> {
  let path: string;
  try {
    path = binaryPath();
  } catch (error) {
    return { isAvailable: false, reason: `the webgpu package is not installed: ${String(error)}`, howToEnable: 'reinstall Rigmark' };
  }
  if (exists(path)) return { isAvailable: true };
  return {
    isAvailable: false,
    reason: `WebGPU (Dawn) has no build for ${process.platform}-${process.arch} (${path} is missing)`,
    howToEnable: 'run Rigmark on Windows, macOS or Linux (x64 or arm64)',
  };
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
const check = (): Promise<Availability> => checkDawnAvailability();

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
    checkAvailability: check,
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
