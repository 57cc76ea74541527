import { isSyntheticModelReady, syntheticModelFileBytes } from '../../models/synthetic/generate';
import { getSyntheticManifest, isSyntheticModelName } from '../../models/synthetic/manifests';

/**
 * Default speed of writing a synthetic model, in bytes per second. Measured on the 2-core development box: the
 * 4.9 GB Llama 3 8B Q4_K_M shape took 15 s on a quiet disk and about 60 s while other work ran; 200 MB/s sits
 * between (the generator is bound by the disk and by seeded random fill).
 */
export const DEFAULT_GENERATION_BYTES_PER_SEC = 200e6;

const SYNTHETIC_PREFIX = 'synthetic:';

/** A synthetic model a plan must write before its first instance that uses it can start. */
export interface PendingGeneration {
  /** The `model` param: `synthetic:NAME`. */
  model: string;
  displayName: string;
  bytes: number;
  generationMs: number;
}

/** The synthetic shape a `model` param names, or null (a GGUF path, an unknown name, not a string). */
export function syntheticNameOf(model: unknown): string | null {
  if (typeof model !== 'string' || !model.startsWith(SYNTHETIC_PREFIX)) return null;
  const name = model.slice(SYNTHETIC_PREFIX.length).trim();
  return isSyntheticModelName(name) ? name : null;
}

/** What generating this synthetic model would cost, or null when a complete copy is already in `modelsDir`. */
export async function pendingGeneration(model: string, name: string, modelsDir: string, bytesPerSec: number): Promise<PendingGeneration | null> {
  if (await isSyntheticModelReady(name, modelsDir)) return null;
  const bytes = syntheticModelFileBytes(name);
  return { model, displayName: getSyntheticManifest(name).displayName, bytes, generationMs: (bytes / bytesPerSec) * 1000 };
}
