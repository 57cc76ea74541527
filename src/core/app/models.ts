import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ModelsView, SyntheticModel } from '../../shared/domain/models';
import type { Settings } from '../../shared/domain/settings';
import { RigmarkError } from '../errors';
import { discoverModels } from '../models/discovery';
import { hashCacheKey } from '../models/file-hash';
import { planGgufLayout } from '../models/gguf/writer';
import { ensureSyntheticModel, syntheticFileName } from '../models/synthetic/generate';
import { isSyntheticModelName, listSyntheticManifests } from '../models/synthetic/manifests';
import { syntheticSpec } from '../models/synthetic/spec';
import type { Store } from '../store/store';

const sizeCache = new Map<string, number>();

/** Exact file size of a synthetic shape (layout only; nothing is written). */
function syntheticSize(name: string): number {
  let size = sizeCache.get(name);
  if (size === undefined) {
    const manifest = listSyntheticManifests().find((m) => m.name === name);
    size = manifest ? planGgufLayout(syntheticSpec(manifest)).fileBytes : 0;
    sizeCache.set(name, size);
  }
  return size;
}

export function listSynthetic(modelsDir: string): SyntheticModel[] {
  return listSyntheticManifests().map((m) => {
    const path = join(modelsDir, syntheticFileName(m));
    const isGenerated = existsSync(path);
    return {
      name: m.name,
      displayName: m.displayName,
      quantization: m.quantization,
      parameterCount: m.expectedParameterCount,
      sizeBytes: syntheticSize(m.name),
      isGenerated,
      path: isGenerated ? path : null,
    };
  });
}

/** Models on this disk (read-only discovery) with their hash where one is cached, and the synthetic shapes. */
export async function listModels(store: Store, settings: Settings, modelsDir: string): Promise<ModelsView> {
  const found = await discoverModels({ folders: settings.modelFolders, syntheticDir: modelsDir });
  const models = found.map((m) => {
    let sha256: string | null = null;
    try {
      const st = statSync(m.path);
      sha256 = store.modelHashes.get(hashCacheKey(m.path, st.size, st.mtimeMs)) ?? null;
    } catch {
      sha256 = null;
    }
    return { ...m, sha256 };
  });
  return { models, synthetic: listSynthetic(modelsDir), modelsDir };
}

/** Writes (or reuses) a synthetic model, reporting progress; one generation per name at a time. */
export async function generateSynthetic(
  name: string,
  modelsDir: string,
  onProgress: (fraction: number) => void,
): Promise<{ path: string; isReused: boolean }> {
  if (!isSyntheticModelName(name)) {
    throw new RigmarkError('BAD_INPUT', `unknown synthetic model "${name}": one of ${listSyntheticManifests().map((m) => m.name).join(', ')}`);
  }
  const { path, isReused } = await ensureSyntheticModel(name, modelsDir, { onProgress });
  return { path, isReused };
}
