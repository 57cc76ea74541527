import { statfs as nodeStatfs } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Category } from '../../shared/domain/benchmark';
import type { PreflightCheck, PreflightSeverity } from '../../shared/domain/preflight';
import type { BackendName, Gpu, SystemSnapshot } from '../../shared/domain/system';
import { checkGpuBusy } from './preflight-gpu-busy';
import type { ToolRunner } from './tool-runner';
import { defaultToolRunner } from './tool-runner';

export type { PreflightCheck };

/** A planned benchmark as preflight needs to see it. */
export interface PreflightBenchmark {
  id: string;
  /** What people call it ("llama.cpp generation (tg128)"); messages fall back to the id without it. */
  title?: string;
  category: Category;
  /** True when the benchmark cannot run without a GPU (WebGPU kernels). */
  requiresGpu?: boolean;
  /** Backend the planner chose for it; null or absent when the benchmark has no backend choice. */
  plannedBackend?: BackendName | null;
  /** Size in bytes of the model it loads onto the device. */
  modelBytes?: number | null;
  /** Bytes it will write into the data dir (a generated model not yet cached). */
  freeDiskBytesNeeded?: number | null;
  /** Benchmarks sharing one generated file share its disk need; defaults to the benchmark id. */
  modelKey?: string | null;
}

/** Result of `fs.statfs` that preflight reads. */
export interface StatfsResult {
  bavail: number | bigint;
  bsize: number | bigint;
}

/** Inputs of {@link runPreflight}. */
export interface PreflightInput {
  snapshot: SystemSnapshot;
  benchmarks: readonly PreflightBenchmark[];
  /** Rigmark's data dir; need not exist yet (its nearest existing parent is measured). */
  dataDir: string;
  /** Runs nvidia-smi / rocm-smi for the busy-GPU check. */
  runTool?: ToolRunner;
  statfs?: (path: string) => Promise<StatfsResult>;
  /** Rigmark's own PIDs, not counted as other GPU users. Default `[process.pid]`. */
  ownPids?: readonly number[];
}

const MIB = 1024 * 1024;
const GIB = 1024 * MIB;
// KV cache and compute buffers on top of the weights for llama-bench-sized contexts (512 tokens): a few hundred MiB.
const DEVICE_OVERHEAD_BYTES = 512 * MIB;
// Metal lets one process keep roughly this share of unified memory resident (recommendedMaxWorkingSetSize).
const UNIFIED_MEMORY_SHARE = 0.75;
const SEVERITY_ORDER: Record<PreflightSeverity, number> = { blocker: 0, warning: 1, info: 2 };

/**
 * Checks a planned run before it starts: GPU benchmarks about to fall back to the CPU, other processes on the GPU,
 * battery power, free disk in the data dir, and models larger than the GPU's memory.
 * @returns findings, blockers first; an empty list means nothing to report. Never rejects for a failing tool.
 */
export async function runPreflight(input: PreflightInput): Promise<PreflightCheck[]> {
  const { snapshot, benchmarks } = input;
  const usesGpu = benchmarks.some(isGpuWork);
  const checks: PreflightCheck[] = [
    ...checkNoGpu(snapshot, benchmarks),
    ...benchmarks.flatMap((b) => checkCpuFallback(snapshot, b)),
    ...checkBattery(snapshot),
    ...(await checkDisk(benchmarks, input.dataDir, input.statfs ?? nodeStatfs)),
    ...benchmarks.flatMap((b) => checkVramFit(snapshot, b)),
    ...(usesGpu ? await checkGpuBusy(snapshot, input.runTool ?? defaultToolRunner, input.ownPids ?? [process.pid]) : []),
  ];
  return checks.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

/** Benchmarks meant to measure the GPU: those that require one, and LLM / GPU-compute work unless planned on the CPU. */
function isGpuWork(b: PreflightBenchmark): boolean {
  return b.requiresGpu === true || b.category === 'llm' || b.category === 'gpu-compute';
}

/** How messages name a benchmark: its title when the caller gave one. */
function nameOf(b: PreflightBenchmark): string {
  return b.title ?? b.id;
}

function joinNames(names: readonly string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;
}

const BACKEND_WORDS: Record<BackendName, string> = { cuda: 'CUDA', rocm: 'ROCm', metal: 'Metal', vulkan: 'Vulkan', cpu: 'CPU' };

// The tool chain of why no GPU was found stays in the snapshot (`gpuReason`, shown by `rigmark detect` and behind
// Details on This machine); the check says what it means for this run.
function checkNoGpu(snapshot: SystemSnapshot, benchmarks: readonly PreflightBenchmark[]): PreflightCheck[] {
  const needing = benchmarks.filter((b) => b.requiresGpu);
  if (snapshot.gpus.length > 0 || needing.length === 0) return [];
  return [
    {
      id: 'no-gpu',
      severity: 'info',
      message: `No GPU was found, so ${joinNames(needing.map(nameOf))} will be listed as unavailable.`,
      fix: 'Install the GPU driver (for AMD also ROCm), then detect the system again: Detect again on This machine, or rigmark detect.',
    },
  ];
}

const NATURAL_BACKEND: Record<Gpu['vendor'], BackendName> = {
  nvidia: 'cuda',
  amd: 'rocm',
  apple: 'metal',
  intel: 'vulkan',
  other: 'vulkan',
};

function checkCpuFallback(snapshot: SystemSnapshot, b: PreflightBenchmark): PreflightCheck[] {
  const gpu = snapshot.gpus[0];
  if (!gpu || b.plannedBackend !== 'cpu' || !isGpuWork(b)) return [];
  const wanted = NATURAL_BACKEND[gpu.vendor];
  const status = snapshot.backends.find((s) => s.name === wanted);
  const backend = BACKEND_WORDS[wanted];
  const fix = status?.isAvailable
    ? `The ${backend} backend is available (${status.detail ?? 'detected'}): choose it for this benchmark, or check that the engine has a ${backend} build.`
    : `Enable the ${backend} backend: ${status?.detail ?? 'not detected'}.`;
  return [
    {
      id: `cpu-fallback:${b.id}`,
      severity: 'warning',
      message: `${nameOf(b)} is planned on the CPU although ${gpu.name} is present; its figures will not describe the GPU.`,
      fix,
    },
  ];
}

function checkBattery(snapshot: SystemSnapshot): PreflightCheck[] {
  if (snapshot.power.isOnBattery !== true) return [];
  return [
    {
      id: 'on-battery',
      severity: 'warning',
      message: 'The computer is running on battery: laptops lower GPU and CPU power limits, so results will be lower than on AC power.',
      fix: 'Plug in the power adapter (and choose a performance power mode) before running.',
    },
  ];
}

async function checkDisk(
  benchmarks: readonly PreflightBenchmark[],
  dataDir: string,
  statfs: (path: string) => Promise<StatfsResult>,
): Promise<PreflightCheck[]> {
  const needs = new Map<string, number>();
  for (const b of benchmarks) {
    if (b.freeDiskBytesNeeded && b.freeDiskBytesNeeded > 0) needs.set(b.modelKey ?? b.id, b.freeDiskBytesNeeded);
  }
  const neededBytes = [...needs.values()].reduce((a, n) => a + n, 0);
  if (neededBytes === 0) return [];
  const volumePath = nearestExisting(dataDir);
  let freeBytes: number;
  try {
    const st = await statfs(volumePath);
    freeBytes = Number(st.bavail) * Number(st.bsize);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return [{ id: 'disk-space', severity: 'info', message: `Could not measure free space at ${volumePath} (${why}).`, fix: `Make sure ${formatGiB(neededBytes)} is free there.` }];
  }
  if (freeBytes >= neededBytes) return [];
  return [
    {
      id: 'disk-space',
      severity: 'blocker',
      message: `Generating the models needs ${formatGiB(neededBytes)} free in ${dataDir}, but only ${formatGiB(freeBytes)} is free.`,
      fix: `Free ${formatGiB(neededBytes - freeBytes)} on that volume, or point RIGMARK_DATA_DIR at a volume with more space.`,
    },
  ];
}

function nearestExisting(path: string): string {
  let current = path;
  while (!existsSync(current)) {
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  return current;
}

function formatGiB(bytes: number): string {
  return `${(bytes / GIB).toFixed(1)} GiB`;
}

/** Memory one process can use on this GPU, in bytes; null when unknown. */
function deviceCapacityBytes(gpu: Gpu, snapshot: SystemSnapshot): number | null {
  if (gpu.isUnifiedMemory) return snapshot.memory.totalMiB * MIB * UNIFIED_MEMORY_SHARE;
  return gpu.vramMiB === null ? null : gpu.vramMiB * MIB;
}

function checkVramFit(snapshot: SystemSnapshot, b: PreflightBenchmark): PreflightCheck[] {
  if (!b.modelBytes || b.modelBytes <= 0 || b.plannedBackend === 'cpu' || !isGpuWork(b)) return [];
  const sized = snapshot.gpus
    .map((gpu) => ({ gpu, capacity: deviceCapacityBytes(gpu, snapshot) }))
    .filter((x): x is { gpu: Gpu; capacity: number } => x.capacity !== null)
    .sort((x, y) => y.capacity - x.capacity);
  const best = sized[0];
  if (!best) return [];
  const where = `${best.gpu.name} (${formatGiB(best.capacity)}${best.gpu.isUnifiedMemory ? ' usable of unified memory' : ''})`;
  if (b.modelBytes > best.capacity) {
    return [
      {
        id: `vram-fit:${b.id}`,
        severity: 'blocker',
        message: `${nameOf(b)} loads a ${formatGiB(b.modelBytes)} model, larger than the memory of ${where}.`,
        fix: 'Choose a smaller model or quantisation (e.g. Q4_0 instead of F16), or run this benchmark on a GPU with more memory.',
      },
    ];
  }
  if (b.modelBytes + DEVICE_OVERHEAD_BYTES > best.capacity) {
    return [
      {
        id: `vram-fit:${b.id}`,
        severity: 'warning',
        message: `${nameOf(b)} loads a ${formatGiB(b.modelBytes)} model that leaves less than 0.5 GiB of ${where} for the KV cache and buffers; loading may fail.`,
        fix: 'Close other programs using the GPU, or choose a smaller model.',
      },
    ];
  }
  return [];
}
