import type { FamilyWorkerModule } from '../definition';

/**
 * Explicit loaders per family, so bundlers (electron-vite) see every worker module. The family of a benchmark is
 * the part of its id before the first dot (`system.cpu` → `system`).
 */
export const familyLoaders: Record<string, () => Promise<FamilyWorkerModule>> = {
  system: () => import('../families/system/worker') as Promise<FamilyWorkerModule>,
  gpu: () => import('../families/gpu/worker') as Promise<FamilyWorkerModule>,
  llamacpp: () => import('../families/llamacpp/worker') as Promise<FamilyWorkerModule>,
  ollama: () => import('../families/ollama/worker') as Promise<FamilyWorkerModule>,
  serving: () => import('../families/serving/worker') as Promise<FamilyWorkerModule>,
};

export function familyOf(benchmarkId: string): string {
  return benchmarkId.split('.')[0] ?? benchmarkId;
}
