import type { BackendName, Gpu, SystemSnapshot } from '../../../../shared/domain/system';

/** The llama.cpp backends node-llama-cpp ships binaries for (it has no ROCm build: AMD GPUs run through Vulkan). */
export const LLAMA_BACKENDS = ['cuda', 'vulkan', 'metal', 'cpu'] as const;
export type LlamaBackend = (typeof LLAMA_BACKENDS)[number];

/** Which backend to load, the GPU it targets (none for `cpu`) and why, in words for the result's notes. */
export interface BackendChoice {
  backend: LlamaBackend;
  gpu: Gpu | null;
  reason: string;
}

function isBackendAvailable(snapshot: SystemSnapshot, name: BackendName): boolean {
  return snapshot.backends.some((b) => b.name === name && b.isAvailable);
}

/** A GPU that can hold weights: its own VRAM, or unified memory (Apple silicon) where VRAM is system RAM. */
function hasUsableMemory(gpu: Gpu): boolean {
  return (gpu.vramMiB ?? 0) > 0 || gpu.isUnifiedMemory === true || gpu.vendor === 'apple';
}

function largestVram(gpus: readonly Gpu[]): Gpu | null {
  return [...gpus].sort((a, b) => (b.vramMiB ?? 0) - (a.vramMiB ?? 0))[0] ?? null;
}

/**
 * Picks the llama.cpp backend from the system snapshot, never from what node-llama-cpp guesses: its "auto" may
 * load the Vulkan binary on a machine whose only Vulkan device is a software rasteriser, and then report `vulkan`
 * while every layer runs on the CPU. Order: Metal on Apple GPUs, CUDA on NVIDIA, Vulkan on any other GPU with
 * memory, else CPU. Integrated GPUs without their own memory are skipped for Vulkan (slower than the CPU path).
 */
export function chooseBackend(snapshot: SystemSnapshot): BackendChoice {
  const gpus = snapshot.gpus.filter(hasUsableMemory);
  const apple = gpus.find((g) => g.vendor === 'apple');
  if (apple && isBackendAvailable(snapshot, 'metal')) {
    return { backend: 'metal', gpu: apple, reason: `Metal on ${apple.name}` };
  }
  const nvidia = largestVram(gpus.filter((g) => g.vendor === 'nvidia' && (g.vramMiB ?? 0) > 0));
  if (nvidia && isBackendAvailable(snapshot, 'cuda')) {
    return { backend: 'cuda', gpu: nvidia, reason: `CUDA on ${nvidia.name}` };
  }
  const discrete = largestVram(gpus.filter((g) => g.vendor !== 'apple' && g.isUnifiedMemory !== true && (g.vramMiB ?? 0) > 0));
  if (discrete && isBackendAvailable(snapshot, 'vulkan')) {
    return { backend: 'vulkan', gpu: discrete, reason: `Vulkan on ${discrete.name}` };
  }
  return { backend: 'cpu', gpu: null, reason: cpuReason(snapshot, gpus) };
}

function cpuReason(snapshot: SystemSnapshot, gpus: readonly Gpu[]): string {
  if (gpus.length === 0) {
    return `CPU: no GPU with its own memory detected${snapshot.gpuReason ? ` (${snapshot.gpuReason})` : ''}`;
  }
  const names = gpus.map((g) => g.name).join(', ');
  return `CPU: no usable GPU backend (CUDA/Vulkan/Metal) for ${names}`;
}

/**
 * Resolves a user's backend override against the snapshot. `cpu` is always possible; a GPU backend needs the
 * backend available and a GPU it can drive.
 * @returns the choice, or a reason string when the override cannot be honoured.
 */
export function resolveBackendOverride(snapshot: SystemSnapshot, backend: LlamaBackend): BackendChoice | string {
  if (backend === 'cpu') return { backend, gpu: null, reason: 'CPU (chosen by the user)' };
  if (!isBackendAvailable(snapshot, backend)) {
    const status = snapshot.backends.find((b) => b.name === backend);
    return `${backend} is not available on this machine${status?.detail ? `: ${status.detail}` : ''}`;
  }
  const gpus = snapshot.gpus.filter(hasUsableMemory);
  const gpu =
    backend === 'metal'
      ? gpus.find((g) => g.vendor === 'apple')
      : backend === 'cuda'
        ? largestVram(gpus.filter((g) => g.vendor === 'nvidia'))
        : largestVram(gpus.filter((g) => g.vendor !== 'apple'));
  if (!gpu) return `${backend} was requested but no GPU it can use was detected`;
  return { backend, gpu, reason: `${backend} on ${gpu.name} (chosen by the user)` };
}
