/**
 * Pure adapter bookkeeping (no Dawn import): how an adapter is described, whether it is a software rasteriser,
 * and which one to benchmark when several answer.
 */

/** What Rigmark records about the adapter it measured. */
export interface AdapterDescription {
  vendor: string;
  architecture: string;
  device: string;
  description: string;
  /** Dawn backend it was opened through ('vulkan', 'd3d12', 'metal'), or 'default' when Dawn picked. */
  backend: string;
  isFallbackAdapter: boolean;
  /** True for CPU implementations (SwiftShader, llvmpipe/lavapipe, WARP): figures say nothing about a GPU. */
  isSoftware: boolean;
}

/** The fields of `GPUAdapterInfo` read here. */
export interface AdapterInfoLike {
  vendor: string;
  architecture: string;
  device: string;
  description: string;
  isFallbackAdapter?: boolean;
}

// Names CPU implementations of Vulkan / D3D12 report in their vendor, architecture or description.
const SOFTWARE_NAMES = /swiftshader|llvmpipe|lavapipe|softpipe|software|microsoft basic render|\bwarp\b/i;

/** Whether an adapter runs on the CPU: flagged as fallback, or named like a known software implementation. */
export function isSoftwareAdapter(info: AdapterInfoLike): boolean {
  if (info.isFallbackAdapter === true) return true;
  return SOFTWARE_NAMES.test([info.vendor, info.architecture, info.device, info.description].join(' '));
}

/** Builds the recorded description of an adapter opened through `backend`. */
export function describeAdapter(info: AdapterInfoLike, backend: string): AdapterDescription {
  return {
    vendor: info.vendor,
    architecture: info.architecture,
    device: info.device,
    description: info.description,
    backend,
    isFallbackAdapter: info.isFallbackAdapter === true,
    isSoftware: isSoftwareAdapter(info),
  };
}

/**
 * Picks the adapter to benchmark: the first hardware adapter in probe order (backends are probed in the
 * platform's preferred order, each asked for 'high-performance', so a discrete GPU comes first); a software
 * adapter only when nothing else answered. Returns the index, or -1 for an empty list.
 */
export function pickAdapter(candidates: readonly AdapterDescription[]): number {
  const hardware = candidates.findIndex((c) => !c.isSoftware);
  return hardware >= 0 ? hardware : candidates.length > 0 ? 0 : -1;
}

/** Dawn backends to probe, in preference order, per `process.platform`. */
export function backendsFor(platform: NodeJS.Platform): string[] {
  switch (platform) {
    case 'win32':
      return ['d3d12', 'vulkan'];
    case 'darwin':
      return ['metal'];
    case 'linux':
      return ['vulkan'];
    default:
      return [];
  }
}

/** One line per candidate, for the notes ("vulkan: NVIDIA GeForce RTX 4090 (hardware)"). */
export function candidateLine(c: AdapterDescription): string {
  const name = c.description || c.device || c.vendor || 'unnamed adapter';
  return `${c.backend}: ${name} (${c.isSoftware ? 'software' : 'hardware'})`;
}
