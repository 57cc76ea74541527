import { realpath } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { GgufError } from './gguf/errors';
import { readGgufInfo } from './gguf/reader';
import { findGgufFiles, scanFolders, scanHuggingFace, scanLmStudio, scanOllama } from './discovery-scan';
import type { FoundModel } from './discovery-scan';
import { summariseGgufInfo } from './model-entry';
import type { ModelEntry, ModelInfo } from './model-entry';
import { getSyntheticManifest, isSyntheticModelName } from './synthetic/manifests';

/** Where to look. Tool folders default to their standard places under `homeDir`; pass `[]`/`null` to skip one. */
export interface DiscoverModelsOptions {
  /** Folders the user picked; `.gguf` files up to three folders deep. */
  folders: readonly string[];
  /** Ollama models folder. Default: `$OLLAMA_MODELS`, else `~/.ollama/models`. */
  ollamaDir?: string | null;
  /** LM Studio model folders. Default: `~/.lmstudio/models` and `~/.cache/lm-studio/models`. */
  lmStudioDirs?: readonly string[];
  /** Hugging Face hub cache. Default: `$HF_HUB_CACHE`, else `$HF_HOME/hub`, else `~/.cache/huggingface/hub`. */
  hfCacheDir?: string | null;
  /** Rigmark's synthetic models folder (generate.ts writes `synthetic-<name>.gguf` there). */
  syntheticDir?: string;
  /** Read each file's GGUF header into `info` (default true). */
  shouldReadInfo?: boolean;
  /** For tests: the home folder and environment the defaults derive from. */
  homeDir?: string;
  env?: Readonly<Record<string, string | undefined>>;
}

/** Headers read at once: each read is a few small reads, so a little parallelism hides disk latency. */
const READ_CONCURRENCY = 4;

async function scanSynthetic(dir: string): Promise<FoundModel[]> {
  const found: FoundModel[] = [];
  for (const file of await findGgufFiles(dir, 0)) {
    const name = /^synthetic-(.+)\.gguf$/.exec(file.relativePath)?.[1];
    if (!name || !isSyntheticModelName(name)) continue;
    const displayName = `${getSyntheticManifest(name).displayName} (synthetic)`;
    found.push({ id: `synthetic:${name}`, source: 'synthetic', path: file.path, sizeBytes: file.sizeBytes, displayName });
  }
  return found;
}

async function readInfo(path: string): Promise<ModelInfo> {
  try {
    return { ok: true, summary: summariseGgufInfo(await readGgufInfo(path)) };
  } catch (error) {
    if (error instanceof GgufError) return { ok: false, error: { code: error.code, message: error.message } };
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { code: 'UNREADABLE', message } };
  }
}

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Drops files already found through an earlier source (the same blob reached by two paths counts once). */
async function dedupe(found: readonly FoundModel[]): Promise<FoundModel[]> {
  const seen = new Set<string>();
  const kept: FoundModel[] = [];
  for (const model of found) {
    const real = await realpath(model.path).catch(() => model.path);
    if (seen.has(real)) continue;
    seen.add(real);
    kept.push(model);
  }
  return kept;
}

/**
 * Finds GGUF models on this machine, read-only: the user's folders, Ollama's blob store, LM Studio's and Hugging
 * Face's caches and Rigmark's synthetic models. Missing folders are skipped silently; a file whose header cannot be
 * read is still listed, with `info.ok === false` and the reason. When one file is reachable from several sources,
 * the first of synthetic, Ollama, LM Studio, Hugging Face, folders names it.
 * @returns entries ordered by source, then display name.
 */
export async function discoverModels(opts: DiscoverModelsOptions): Promise<ModelEntry[]> {
  const home = opts.homeDir ?? homedir();
  const env = opts.env ?? process.env;
  const ollamaDir = opts.ollamaDir === undefined ? (env.OLLAMA_MODELS ?? join(home, '.ollama', 'models')) : opts.ollamaDir;
  const hfCacheDir =
    opts.hfCacheDir === undefined
      ? (env.HF_HUB_CACHE ?? (env.HF_HOME ? join(env.HF_HOME, 'hub') : join(home, '.cache', 'huggingface', 'hub')))
      : opts.hfCacheDir;
  const lmStudioDirs = opts.lmStudioDirs ?? [join(home, '.lmstudio', 'models'), join(home, '.cache', 'lm-studio', 'models')];
  const found = await dedupe([
    ...(opts.syntheticDir ? await scanSynthetic(opts.syntheticDir) : []),
    ...(ollamaDir ? await scanOllama(ollamaDir) : []),
    ...(await scanLmStudio(lmStudioDirs)),
    ...(hfCacheDir ? await scanHuggingFace(hfCacheDir) : []),
    ...(await scanFolders(opts.folders)),
  ]);
  const shouldReadInfo = opts.shouldReadInfo ?? true;
  const entries = await mapLimit(found, READ_CONCURRENCY, async (model): Promise<ModelEntry> =>
    shouldReadInfo ? { ...model, info: await readInfo(model.path) } : { ...model },
  );
  const order = ['synthetic', 'ollama', 'lm-studio', 'huggingface', 'file'];
  return entries.sort((a, b) => order.indexOf(a.source) - order.indexOf(b.source) || a.displayName.localeCompare(b.displayName));
}
