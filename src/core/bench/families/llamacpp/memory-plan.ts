import type { LlamaBackend } from './backend';

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

/**
 * Room for what is not weights: a 512-token KV cache, the compute buffers of a 512-token graph (which hold the
 * 512 × n_vocab logits scratch) and the runtime. Measured on llama.cpp for the 8B shapes with a 640-cell context:
 * under 700 MiB; 1 GiB keeps a margin for drivers.
 */
const RUNTIME_OVERHEAD_BYTES = 1 * GiB;
/** The OS and the app itself keep some RAM; a model using more than this share of it would swap. */
const USABLE_RAM_SHARE = 0.9;

/** How the model will be placed, decided before anything is loaded. */
export interface MemoryPlan {
  fitsRam: boolean;
  /** `full`: every layer in VRAM; `partial`: some layers stay on the CPU; `none`: CPU backend. */
  offload: 'full' | 'partial' | 'none';
  requiredBytes: number;
  /** Set when the model does not fit RAM, or when only part of it fits VRAM. */
  reason: string | null;
}

export interface MemoryInputs {
  modelBytes: number;
  totalRamBytes: number;
  backend: LlamaBackend;
  /** Dedicated VRAM of the target GPU; null when unknown or unified with RAM (Metal). */
  vramBytes: number | null;
}

/** Formats bytes as GiB with one decimal, for reasons shown to users. */
export function formatGiB(bytes: number): string {
  return `${(bytes / GiB).toFixed(1)} GiB`;
}

/**
 * Decides, from sizes alone, whether a model can run and how it will be offloaded. A model that does not fit RAM is
 * refused before llama.cpp sees it (a failed allocation there can end the process); one that does not fit VRAM on a
 * GPU backend runs with partial offload, which the result records because it is no longer the published workload.
 */
export function planMemory(inputs: MemoryInputs): MemoryPlan {
  const requiredBytes = inputs.modelBytes + RUNTIME_OVERHEAD_BYTES;
  const usableRam = inputs.totalRamBytes * USABLE_RAM_SHARE;
  // Metal shares RAM with the GPU, so RAM is the only bound there; on discrete GPUs the weights are read from the
  // file (mmap) and copied to VRAM, but llama.cpp still needs them in RAM to load without thrashing.
  if (requiredBytes > usableRam) {
    return {
      fitsRam: false,
      offload: inputs.backend === 'cpu' ? 'none' : 'partial',
      requiredBytes,
      reason: `model needs about ${formatGiB(requiredBytes)} of memory; this machine has ${formatGiB(inputs.totalRamBytes)} RAM`,
    };
  }
  if (inputs.backend === 'cpu') return { fitsRam: true, offload: 'none', requiredBytes, reason: null };
  if (inputs.backend === 'metal' || inputs.vramBytes === null || requiredBytes <= inputs.vramBytes) {
    return { fitsRam: true, offload: 'full', requiredBytes, reason: null };
  }
  return {
    fitsRam: true,
    offload: 'partial',
    requiredBytes,
    reason: `model needs about ${formatGiB(requiredBytes)} but the GPU has ${formatGiB(inputs.vramBytes)} VRAM: only some layers are offloaded`,
  };
}

/** MiB (as the snapshot reports memory) to bytes. */
export function mibToBytes(mib: number): number {
  return mib * MiB;
}
