import os from 'node:os';
import si from 'systeminformation';
import type { Systeminformation } from 'systeminformation';
import type { BackendStatus, SystemSnapshot, WebGpuProbe } from '../../shared/domain/system';
import { SystemSnapshotSchema } from '../../shared/domain/system';
import { probeGpus } from './probe-gpus';
import type { ToolRunner } from './tool-runner';
import { defaultToolRunner } from './tool-runner';

/** The parts of systeminformation detection uses; the real module satisfies it. */
export type SystemInfoSource = Pick<
  typeof si,
  'graphics' | 'cpu' | 'cpuFlags' | 'mem' | 'diskLayout' | 'osInfo' | 'battery'
>;

/** Collaborators of {@link detectSystem}; each defaults to the real thing. */
export interface DetectSystemOptions {
  /** Runs vendor tools (nvidia-smi, rocm-smi, system_profiler, vulkaninfo). Default: execFile, 5 s per call. */
  runTool?: ToolRunner;
  si?: SystemInfoSource;
  now?: () => Date;
  /** Rigmark's own version, recorded in the snapshot. Default "0.0.0-dev". */
  rigmarkVersion?: string;
  /** `process.versions.electron` when running inside Electron; null from the CLI. */
  electronVersion?: string | null;
  /** Default `process.platform` / `process.arch`. */
  platform?: NodeJS.Platform;
  arch?: string;
  /** ROCm install root (its `.info/version` names the release). Default `$ROCM_PATH` or /opt/rocm. */
  rocmRoot?: string;
  /** Vulkan loader paths to look for when vulkaninfo is missing. Default per platform. */
  vulkanLoaderPaths?: readonly string[];
  /**
   * Asks a worker process which WebGPU adapter the GPU benchmarks would measure (core passes one that uses its
   * worker launcher: Dawn must never load in this process). Absent: the snapshot has no `webgpu` part.
   */
  probeWebGpu?: () => Promise<WebGpuProbe>;
}

// ISA extensions that change llama.cpp / ggml CPU speed; names as Linux /proc/cpuinfo and systeminformation spell them.
const ISA_FLAGS_OF_INTEREST = [
  'sse4_2',
  'avx',
  'avx2',
  'fma',
  'f16c',
  'avx512f',
  'avx512bw',
  'avx512vl',
  'avx512_vnni',
  'avx512_bf16',
  'avx_vnni',
  'amx_tile',
  'amx_int8',
  'amx_bf16',
  'neon',
  'asimd',
  'asimddp',
  'sve',
  'i8mm',
];

const MIB = 1024 * 1024;
const GIB = 1024 * MIB;

/**
 * Builds a {@link SystemSnapshot}: GPUs from vendor tools plus systeminformation, CPU, memory, disks, OS, power
 * source, runtime versions and, with `probeWebGpu`, the WebGPU adapter. Every probe runs in parallel and each is
 * guarded, so a failing or missing tool only empties its own part; the call never rejects for a probe's sake. Takes
 * about as long as the slowest probe (≤ 5 s per tool; the WebGPU probe's worker gets up to 15 s).
 * @returns a snapshot validated against `SystemSnapshotSchema`.
 */
export async function detectSystem(opts: DetectSystemOptions = {}): Promise<SystemSnapshot> {
  const source = opts.si ?? si;
  const platform = opts.platform ?? process.platform;
  const arch = opts.arch ?? process.arch;
  const [gpuResult, cpu, flags, mem, disks, osInfo, battery, webgpu] = await Promise.all([
    probeGpus({
      runTool: opts.runTool ?? defaultToolRunner,
      graphics: () => source.graphics(),
      platform,
      arch,
      rocmRoot: opts.rocmRoot ?? process.env['ROCM_PATH'] ?? '/opt/rocm',
      ...(opts.vulkanLoaderPaths ? { vulkanLoaderPaths: opts.vulkanLoaderPaths } : {}),
    }),
    settle(() => source.cpu()),
    settle(() => source.cpuFlags()),
    settle(() => source.mem()),
    settle(() => source.diskLayout()),
    settle(() => source.osInfo()),
    settle(() => source.battery()),
    opts.probeWebGpu ? guardedWebGpuProbe(opts.probeWebGpu) : undefined,
  ]);
  const isaFlags = pickIsaFlags(flags ?? cpu?.flags ?? '', arch);
  const snapshot: SystemSnapshot = {
    capturedAt: (opts.now ?? (() => new Date()))().toISOString(),
    gpus: gpuResult.gpus,
    gpuReason: gpuResult.gpuReason,
    tools: gpuResult.tools,
    backends: [...gpuResult.backends, cpuBackend(isaFlags)],
    cpu: cpuPart(cpu, isaFlags),
    memory: {
      totalMiB: Math.round((mem?.total ?? os.totalmem()) / MIB),
      availableMiB: mem ? Math.round(mem.available / MIB) : null,
    },
    disks: (disks ?? []).map(diskPart),
    os: osPart(osInfo, platform, arch),
    power: powerPart(battery),
    runtime: {
      node: process.versions.node,
      // An explicit null means "not Electron"; undefined means "ask the process".
      electron: opts.electronVersion !== undefined ? opts.electronVersion : (process.versions['electron'] ?? null),
      rigmark: opts.rigmarkVersion ?? '0.0.0-dev',
    },
    ...(webgpu ? { webgpu } : {}),
  };
  return SystemSnapshotSchema.parse(snapshot);
}

/** Runs one systeminformation call; a failure yields null so the rest of the snapshot survives. */
async function settle<T>(call: () => Promise<T>): Promise<T | null> {
  try {
    return await call();
  } catch {
    return null;
  }
}

/** Runs the WebGPU probe; one that throws still answers, with no adapter and the error as the reason. */
async function guardedWebGpuProbe(probe: () => Promise<WebGpuProbe>): Promise<WebGpuProbe> {
  try {
    return await probe();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { adapter: null, backend: null, isSoftware: false, reason: `the WebGPU probe failed: ${message}` };
  }
}

/** The ISA flags that matter for inference, in a fixed order so snapshots hash the same. */
export function pickIsaFlags(flagText: string, arch: string): string[] {
  const present = new Set(flagText.toLowerCase().split(/[\s,]+/).filter(Boolean));
  // AArch64 always has Advanced SIMD; Linux calls it "asimd", macOS reports no flags at all.
  if (arch === 'arm64') present.add('neon');
  return ISA_FLAGS_OF_INTEREST.filter((f) => present.has(f));
}

function cpuPart(cpu: Systeminformation.CpuData | null, isaFlags: string[]): SystemSnapshot['cpu'] {
  const osCpus = os.cpus();
  const siModel = cpu ? `${cpu.manufacturer} ${cpu.brand}`.trim() : '';
  const osModel = osCpus[0]?.model.trim() ?? '';
  // Prefer whichever name says more: systeminformation splits "AMD Ryzen 9 7950X" into manufacturer and brand.
  const model = siModel.length >= osModel.length ? siModel : osModel;
  const threads = cpu?.cores || os.availableParallelism();
  const speed = cpu?.speedMax || cpu?.speed || (osCpus[0]?.speed ?? 0) / 1000;
  return {
    vendor: cpu?.vendor || cpu?.manufacturer || 'unknown',
    model: model || 'unknown CPU',
    cores: cpu?.physicalCores || threads,
    threads,
    speedGHz: speed > 0 ? speed : null,
    isaFlags,
  };
}

function diskPart(d: Systeminformation.DiskLayoutData): SystemSnapshot['disks'][number] {
  return {
    name: d.name || d.device || 'disk',
    type: d.type || 'unknown',
    sizeGiB: Math.round((d.size / GIB) * 10) / 10,
    interfaceType: d.interfaceType || null,
  };
}

function osPart(info: Systeminformation.OsData | null, platform: string, arch: string): SystemSnapshot['os'] {
  return {
    platform: info?.platform || platform,
    distro: info?.distro || os.type(),
    release: info?.release || os.release(),
    kernel: info?.kernel || os.release(),
    arch: info?.arch || arch,
  };
}

function powerPart(battery: Systeminformation.BatteryData | null): SystemSnapshot['power'] {
  if (!battery) return { hasBattery: false, isOnBattery: null };
  if (!battery.hasBattery) return { hasBattery: false, isOnBattery: false };
  // acConnected is what the OS reports for the power source; "not charging" alone also happens on AC at 100 %.
  return { hasBattery: true, isOnBattery: !battery.acConnected };
}

function cpuBackend(isaFlags: string[]): BackendStatus {
  const simd = isaFlags.filter((f) => ['avx2', 'avx512f', 'neon', 'sve', 'amx_tile'].includes(f));
  return { name: 'cpu', isAvailable: true, version: null, detail: simd.length ? `SIMD: ${simd.join(', ')}` : 'no AVX2/NEON: slow' };
}
