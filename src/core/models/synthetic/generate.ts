import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat, statfs as nodeStatfs } from 'node:fs/promises';
import { join } from 'node:path';
import { readGgufInfo } from '../gguf/reader';
import { planGgufLayout, writeGgufFile } from '../gguf/writer';
import type { GgufLayout } from '../gguf/writer';
import { getSyntheticManifest } from './manifests';
import type { SyntheticManifest } from './manifests';
import { SYNTHETIC_GENERATOR_VERSION, SYNTHETIC_KEYS, syntheticSpec } from './spec';
import { syntheticWeights } from './weights';

/** Free-space probe: `fs.promises.statfs` or a stand-in returning the same two fields. */
export type StatFsFn = (path: string) => Promise<{ bavail: number | bigint; bsize: number | bigint }>;

/** Options for {@link ensureSyntheticModel}. */
export interface EnsureSyntheticOptions {
  /** Fraction done, 0…1, called at most every 0.5 % and always with 1 at the end. */
  onProgress?(fraction: number): void;
  /** Cancels generation; the temporary file is removed and the signal's reason is thrown. */
  signal?: AbortSignal;
  statfs?: StatFsFn;
}

/** What {@link ensureSyntheticModel} returns. `isReused` is true when a complete file was already there. */
export interface EnsuredSyntheticModel {
  readonly path: string;
  readonly manifest: SyntheticManifest;
  readonly isReused: boolean;
}

/** Generation refused before writing; `code` says why. */
export class SyntheticModelError extends Error {
  constructor(
    readonly code: 'NO_SPACE',
    message: string,
  ) {
    super(message);
    this.name = 'SyntheticModelError';
  }
}

/** Left free after the file is written, so generating a model never fills the disk to the last byte. */
const HEADROOM_BYTES = 256 * 1024 * 1024;

/** Layouts by shape name: planning builds a vocabulary of up to 128k tokens, worth doing once per process. */
const layouts = new Map<string, GgufLayout>();

function layoutOf(manifest: SyntheticManifest): GgufLayout {
  let layout = layouts.get(manifest.name);
  if (!layout) {
    layout = planGgufLayout(syntheticSpec(manifest));
    layouts.set(manifest.name, layout);
  }
  return layout;
}

/** File name of a shape in the models cache. */
export function syntheticFileName(manifest: SyntheticManifest): string {
  return `synthetic-${manifest.name}.gguf`;
}

function formatBytes(bytes: number): string {
  return bytes >= 1e9 ? `${(bytes / 1e9).toFixed(1)} GB` : `${Math.ceil(bytes / 1e6)} MB`;
}

/** True when `path` holds a complete file of this manifest, seed and generator version. */
async function isCompleteCopy(path: string, manifest: SyntheticManifest, layout: GgufLayout): Promise<boolean> {
  try {
    const info = await readGgufInfo(path);
    return (
      info.fileBytes === layout.fileBytes &&
      info.dataOffset === layout.dataOffset &&
      info.metadata[SYNTHETIC_KEYS.isSynthetic] === true &&
      info.metadata[SYNTHETIC_KEYS.seed] === manifest.seed &&
      info.metadata[SYNTHETIC_KEYS.generatorVersion] === SYNTHETIC_GENERATOR_VERSION &&
      info.metadata[SYNTHETIC_KEYS.manifest] === manifest.name
    );
  } catch {
    return false; // missing, truncated or not ours: regenerate
  }
}

/** True when `modelsDir` already holds a complete copy of this shape, so {@link ensureSyntheticModel} would reuse it. */
export async function isSyntheticModelReady(name: string, modelsDir: string): Promise<boolean> {
  const manifest = getSyntheticManifest(name);
  return isCompleteCopy(join(modelsDir, syntheticFileName(manifest)), manifest, layoutOf(manifest));
}

/** Exact size in bytes of a shape's generated file (its layout only; nothing is written). */
export function syntheticModelFileBytes(name: string): number {
  return layoutOf(getSyntheticManifest(name)).fileBytes;
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes temporary files of `fileName` left by generators that died (killed, power cut). */
async function removeStaleTemps(dir: string, fileName: string): Promise<void> {
  const pattern = new RegExp(`^${fileName.replace(/[.]/g, '\\.')}\\.(\\d+)\\.[0-9a-f]+\\.partial$`);
  for (const entry of await readdir(dir)) {
    const pid = Number(pattern.exec(entry)?.[1] ?? Number.NaN);
    if (Number.isInteger(pid) && pid !== process.pid && !isProcessAlive(pid)) await rm(join(dir, entry), { force: true });
  }
}

async function checkFreeSpace(dir: string, manifest: SyntheticManifest, bytes: number, statfs: StatFsFn): Promise<void> {
  const { bavail, bsize } = await statfs(dir);
  const freeBytes = Number(bavail) * Number(bsize);
  const neededBytes = bytes + HEADROOM_BYTES;
  if (freeBytes < neededBytes) {
    throw new SyntheticModelError(
      'NO_SPACE',
      `Not enough free disk space to generate ${manifest.displayName} (synthetic) in ${dir}: ` +
        `it needs ${formatBytes(neededBytes)} (${formatBytes(bytes)} file + ${formatBytes(HEADROOM_BYTES)} headroom), ` +
        `${formatBytes(freeBytes)} is free.`,
    );
  }
}

/**
 * Checks free space. An outdated copy under the final name is normally left until the rename replaces it (so a
 * concurrent reader never finds the name missing); only when its bytes are what is short is it removed first.
 */
async function makeRoom(dir: string, path: string, manifest: SyntheticManifest, bytes: number, statfs: StatFsFn): Promise<void> {
  try {
    await checkFreeSpace(dir, manifest, bytes, statfs);
  } catch (error) {
    const existing = await stat(path).catch(() => undefined);
    if (!(error instanceof SyntheticModelError) || !existing) throw error;
    await rm(path, { force: true });
    await checkFreeSpace(dir, manifest, bytes, statfs);
  }
}

function progressReporter(onProgress: ((fraction: number) => void) | undefined): (done: number, total: number) => void {
  let last = -1;
  return (done, total) => {
    const fraction = done / total;
    if (fraction - last >= 0.005 || fraction === 1) {
      last = fraction;
      onProgress?.(fraction);
    }
  };
}

/**
 * Returns the path of a synthetic model in `modelsDir`, generating it when no complete copy exists. The file is
 * written to a temporary name and renamed into place, so a crash or abort never leaves a partial model under the
 * final name. Same name → identical bytes on every machine.
 * @param name A built-in shape (manifests.ts `SYNTHETIC_MODEL_NAMES`).
 * @param modelsDir Models cache folder; created when missing.
 * @throws Error for an unknown name; SyntheticModelError `NO_SPACE` before writing when free space is short;
 *   the signal's reason when aborted; file system errors (EACCES, ENOSPC) as Node raises them.
 */
export async function ensureSyntheticModel(
  name: string,
  modelsDir: string,
  opts: EnsureSyntheticOptions = {},
): Promise<EnsuredSyntheticModel> {
  const manifest = getSyntheticManifest(name);
  opts.signal?.throwIfAborted();
  await mkdir(modelsDir, { recursive: true });
  const fileName = syntheticFileName(manifest);
  const path = join(modelsDir, fileName);
  const layout = layoutOf(manifest);
  if (await isCompleteCopy(path, manifest, layout)) {
    opts.onProgress?.(1);
    return { path, manifest, isReused: true };
  }
  await removeStaleTemps(modelsDir, fileName);
  await makeRoom(modelsDir, path, manifest, layout.fileBytes, opts.statfs ?? nodeStatfs);
  const tempPath = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.partial`;
  try {
    opts.onProgress?.(0);
    const onBytes = progressReporter(opts.onProgress);
    await writeGgufFile(tempPath, layout, syntheticWeights(manifest.seed), { onBytes, signal: opts.signal, shouldSync: true });
    await rename(tempPath, path);
  } catch (error) {
    await rm(tempPath, { force: true });
    throw error;
  }
  return { path, manifest, isReused: false };
}
