import { join } from 'node:path';
import { GgufError } from '../../../models/gguf/errors';
import { readGgufInfo } from '../../../models/gguf/reader';
import type { GgufInfo } from '../../../models/gguf/reader';
import { ensureSyntheticModel } from '../../../models/synthetic/generate';
import { UnavailableError } from '../../worker/types';
import { modelsDirOf } from './availability';
import { modelSha256 } from './model-hash';
import { modelFactsOf } from './model-info';
import type { ModelFacts } from './model-info';
import type { ModelRef } from './params';

/** A model ready for llama.cpp: its file, header facts and identity hash. */
export interface ResolvedModel {
  path: string;
  info: GgufInfo;
  facts: ModelFacts;
  isSynthetic: boolean;
  /** SHA-256 of the file, or `'synthetic'` (generated files are identified by name, seed and generator version). */
  modelSha256: string;
  /** True when the synthetic file had to be written in this run. */
  wasGenerated: boolean;
}

export interface ResolveOptions {
  dataDir: string;
  reportPhase(phase: string): void;
  signal?: AbortSignal;
}

async function filePathOf(ref: ModelRef, options: ResolveOptions): Promise<{ path: string; wasGenerated: boolean }> {
  if (ref.kind === 'file') return { path: ref.path, wasGenerated: false };
  options.reportPhase('generating model');
  // A first run writes several GB: say how far it is, at most once per percent (the phase goes to every screen).
  let shownPercent = -1;
  const onProgress = (fraction: number): void => {
    const percent = Math.floor(fraction * 100);
    if (percent === shownPercent || percent >= 100) return;
    shownPercent = percent;
    options.reportPhase(`generating synthetic model (once) ${percent} %`);
  };
  const ensured = await ensureSyntheticModel(ref.name, modelsDirOf(options.dataDir), { signal: options.signal, onProgress });
  return { path: ensured.path, wasGenerated: !ensured.isReused };
}

/**
 * Reads the header before llama.cpp sees the file: llama.cpp aborts the whole process on some malformed files, so
 * a truncated download or a wrong file must fail here with a sentence the user understands.
 * @throws UnavailableError for a missing file; Error with the reader's message for a damaged or foreign file.
 */
async function readHeader(path: string): Promise<GgufInfo> {
  try {
    return await readGgufInfo(path);
  } catch (error) {
    if (error instanceof GgufError) throw new Error(error.message);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES') {
      throw new UnavailableError(`model file ${path} cannot be read (${code})`, 'pick a readable .gguf file');
    }
    throw error;
  }
}

/**
 * Resolves the `model` parameter to a readable GGUF file: generates a synthetic shape into `<dataDir>/models`
 * when needed, reads and checks the header, and hashes user files (cached per path, size and mtime).
 */
export async function resolveModel(ref: ModelRef, options: ResolveOptions): Promise<ResolvedModel> {
  const { path, wasGenerated } = await filePathOf(ref, options);
  options.reportPhase('reading model');
  const info = await readHeader(path);
  const facts = modelFactsOf(info, ref.kind === 'synthetic' ? ref.name : path);
  const isSynthetic = ref.kind === 'synthetic' || info.isSynthetic;
  let sha = 'synthetic';
  if (!isSynthetic) {
    options.reportPhase('hashing model');
    sha = await modelSha256(path, join(modelsDirOf(options.dataDir), 'llamacpp-sha256-cache.json'), options.signal);
  }
  return { path, info, facts, isSynthetic, modelSha256: sha, wasGenerated };
}
