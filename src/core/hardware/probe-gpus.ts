import type { Systeminformation } from 'systeminformation';
import type { BackendStatus, Gpu, GpuVendor, ToolProbe } from '../../shared/domain/system';
import type { GpuSourceReport } from './gpu-probes';
import { probeNvidiaSmi, probeRocmSmi, probeSiGraphics, probeSystemProfiler } from './gpu-probes';
import type { ToolRunner } from './tool-runner';
import { probeVulkan } from './vulkan';

/** Inputs of GPU detection. */
export interface GpuProbeInput {
  runTool: ToolRunner;
  graphics: () => Promise<Systeminformation.GraphicsData>;
  platform: NodeJS.Platform;
  arch: string;
  /** ROCm install root, for its version file. */
  rocmRoot: string;
  /** Vulkan loader paths to look for; defaults per platform. */
  vulkanLoaderPaths?: readonly string[];
}

/** GPUs, the reason when there are none, every probe, and the GPU backends (cuda, rocm, metal, vulkan). */
export interface GpuProbeResult {
  gpus: Gpu[];
  gpuReason: string | null;
  tools: ToolProbe[];
  backends: BackendStatus[];
}

/**
 * Detects GPUs from every source at once. Vendor tools are authoritative for their vendor: when nvidia-smi lists
 * GPUs, systeminformation's NVIDIA controllers are the same cards and are dropped (likewise rocm-smi for AMD); on
 * macOS system_profiler is what systeminformation would read anyway, so it is asked only when system_profiler fails.
 * Each GPU keeps the index its own tool uses (`nvidia-smi -i`, `rocm-smi -d`), which telemetry needs.
 */
export async function probeGpus(input: GpuProbeInput): Promise<GpuProbeResult> {
  const isMac = input.platform === 'darwin';
  const [nvidia, rocm, profiler] = await Promise.all([
    isMac ? null : probeNvidiaSmi(input.runTool),
    isMac ? null : probeRocmSmi(input.runTool, input.rocmRoot),
    isMac ? probeSystemProfiler(input.runTool) : null,
  ]);
  const si = profiler && profiler.gpus.length > 0 ? null : await probeSiGraphics(input.graphics);
  const vendorReports = [nvidia, rocm, profiler].filter((r): r is GpuSourceReport => r !== null);
  const covered = new Set<GpuVendor>();
  if (nvidia?.gpus.length) covered.add('nvidia');
  if (rocm?.gpus.length) covered.add('amd');
  const siGpus = (si?.gpus ?? []).filter((g) => !covered.has(g.vendor));
  const gpus = [...vendorReports.flatMap((r) => r.gpus), ...siGpus];
  const reports = si ? [...vendorReports, si] : vendorReports;
  const reasons = reports.map((r) => r.reason).filter((r): r is string => r !== null);
  const gpuReason = gpus.length ? null : `no GPU found: ${reasons.join(', ') || 'no probe ran'}`;
  const vulkan = await probeVulkan({
    runTool: input.runTool,
    platform: input.platform,
    hasGpu: gpus.length > 0,
    ...(input.vulkanLoaderPaths ? { loaderPaths: input.vulkanLoaderPaths } : {}),
  });
  const backends = [
    cudaBackend(nvidia, si),
    rocmBackend(rocm, si),
    metalBackend(input.platform, input.arch, profiler),
    vulkan.backend,
  ];
  return { gpus, gpuReason, tools: [...reports.map((r) => r.probe), vulkan.probe], backends };
}

function hasVendor(report: GpuSourceReport | null, vendor: GpuVendor): boolean {
  return report?.gpus.some((g) => g.vendor === vendor) ?? false;
}

function cudaBackend(nvidia: GpuSourceReport | null, si: GpuSourceReport | null): BackendStatus {
  if (nvidia && nvidia.gpus.length > 0) {
    const driver = nvidia.gpus[0]?.driver ?? 'unknown';
    const detail = nvidia.version ? `driver ${driver}; CUDA version from the nvidia-smi banner` : `driver ${driver}`;
    return { name: 'cuda', isAvailable: true, version: nvidia.version, detail };
  }
  if (!nvidia) return { name: 'cuda', isAvailable: false, version: null, detail: 'CUDA is not available on macOS' };
  const why = nvidia.reason ?? 'nvidia-smi listed no GPU';
  const hint = hasVendor(si, 'nvidia') ? ', although an NVIDIA GPU is present: install or repair the NVIDIA driver' : '';
  return { name: 'cuda', isAvailable: false, version: null, detail: why + hint };
}

function rocmBackend(rocm: GpuSourceReport | null, si: GpuSourceReport | null): BackendStatus {
  if (rocm && rocm.gpus.length > 0) {
    const detail = rocm.version ? 'ROCm version from <ROCm root>/.info/version' : 'ROCm version unknown (no .info/version)';
    return { name: 'rocm', isAvailable: true, version: rocm.version, detail };
  }
  if (!rocm) return { name: 'rocm', isAvailable: false, version: null, detail: 'ROCm is not available on macOS' };
  const why = rocm.reason ?? 'rocm-smi listed no GPU';
  const hint = hasVendor(si, 'amd') ? ', although an AMD GPU is present: install ROCm for it' : '';
  return { name: 'rocm', isAvailable: false, version: null, detail: why + hint };
}

function metalBackend(platform: NodeJS.Platform, arch: string, profiler: GpuSourceReport | null): BackendStatus {
  if (platform !== 'darwin') return { name: 'metal', isAvailable: false, version: null, detail: 'Metal exists only on macOS' };
  // Every Apple-silicon Mac has a Metal GPU, even if system_profiler could not be read.
  if (arch === 'arm64' || profiler?.version) {
    const detail = profiler?.version ? 'Metal support from system_profiler' : 'Apple silicon';
    return { name: 'metal', isAvailable: true, version: profiler?.version ?? null, detail };
  }
  return { name: 'metal', isAvailable: false, version: null, detail: profiler?.reason ?? 'no GPU with Metal support listed' };
}
