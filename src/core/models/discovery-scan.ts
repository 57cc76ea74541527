import type { Dirent } from 'node:fs';
import { readFile, readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { z } from 'zod';
import type { ModelSource } from './model-entry';

/** A GGUF file found by a source scanner, before its header is read. */
export interface FoundModel {
  readonly id: string;
  readonly source: ModelSource;
  readonly path: string;
  readonly sizeBytes: number;
  readonly displayName: string;
}

/** Split models (`name-00001-of-00003.gguf`): only the first shard is an entry; it carries all shards' bytes. */
const SHARD = /^(.*)-(\d{5})-of-(\d{5})\.gguf$/i;

async function entries(dir: string): Promise<Dirent[]> {
  try {
    return await readdir(dir, { withFileTypes: true });
  } catch {
    return []; // missing or unreadable folders are normal: the tool is not installed
  }
}

async function sizeOf(path: string): Promise<number | undefined> {
  try {
    const info = await stat(path); // follows symlinks (Hugging Face snapshots link into blobs/)
    return info.isFile() ? info.size : undefined;
  } catch {
    return undefined;
  }
}

/** Bytes of every shard of a split model next to its first shard. */
async function shardBytes(dir: string, fileName: string, firstBytes: number): Promise<number> {
  const match = SHARD.exec(fileName);
  if (!match) return firstBytes;
  const [, stem = '', , count = '1'] = match;
  let total = firstBytes;
  for (let i = 2; i <= Number(count); i++) {
    total += (await sizeOf(join(dir, `${stem}-${String(i).padStart(5, '0')}-of-${count}.gguf`))) ?? 0;
  }
  return total;
}

/**
 * `.gguf` files under `root`, descending at most `maxDepth` folders (0 = `root` only). Hidden folders are skipped;
 * symlinked files are followed, symlinked folders are not (no loops).
 */
export async function findGgufFiles(root: string, maxDepth: number): Promise<{ path: string; sizeBytes: number; relativePath: string }[]> {
  const found: { path: string; sizeBytes: number; relativePath: string }[] = [];
  const walk = async (dir: string, depth: number): Promise<void> => {
    for (const entry of await entries(dir)) {
      const path = join(dir, entry.name);
      if (entry.isDirectory() && depth < maxDepth && !entry.name.startsWith('.')) await walk(path, depth + 1);
      if (!entry.name.toLowerCase().endsWith('.gguf') || entry.isDirectory()) continue;
      const shard = SHARD.exec(entry.name);
      if (shard && Number(shard[2]) !== 1) continue;
      const size = await sizeOf(path);
      if (size === undefined) continue;
      found.push({ path, sizeBytes: await shardBytes(dir, entry.name, size), relativePath: relative(root, path).split(sep).join('/') });
    }
  };
  await walk(root, 0);
  return found;
}

const stripGguf = (name: string): string => name.replace(/\.gguf$/i, '');

/** Plain `*.gguf` files in user-chosen folders (up to three folders deep). */
export async function scanFolders(folders: readonly string[]): Promise<FoundModel[]> {
  const found: FoundModel[] = [];
  for (const folder of folders) {
    for (const file of await findGgufFiles(folder, 3)) {
      const displayName = stripGguf(file.relativePath.split('/').at(-1) ?? file.relativePath);
      found.push({ id: `file:${file.path}`, source: 'file', path: file.path, sizeBytes: file.sizeBytes, displayName });
    }
  }
  return found;
}

/** LM Studio: `<models>/<publisher>/<repository>/<file>.gguf`. */
export async function scanLmStudio(dirs: readonly string[]): Promise<FoundModel[]> {
  const found: FoundModel[] = [];
  for (const dir of dirs) {
    for (const file of await findGgufFiles(dir, 3)) {
      const displayName = stripGguf(file.relativePath);
      found.push({ id: `lm-studio:${file.relativePath}`, source: 'lm-studio', path: file.path, sizeBytes: file.sizeBytes, displayName });
    }
  }
  return found;
}

/** Hugging Face hub cache: `models--<org>--<name>/snapshots/<revision>/**.gguf` (symlinks into `blobs/`). */
export async function scanHuggingFace(hubDir: string): Promise<FoundModel[]> {
  const found: FoundModel[] = [];
  for (const repo of await entries(hubDir)) {
    if (!repo.isDirectory() || !repo.name.startsWith('models--')) continue;
    const repoName = repo.name.slice('models--'.length).split('--').join('/');
    const snapshots = join(hubDir, repo.name, 'snapshots');
    for (const revision of await entries(snapshots)) {
      if (!revision.isDirectory()) continue;
      for (const file of await findGgufFiles(join(snapshots, revision.name), 2)) {
        const id = `huggingface:${repoName}/${file.relativePath}`;
        const displayName = `${repoName}/${stripGguf(file.relativePath)}`;
        found.push({ id, source: 'huggingface', path: file.path, sizeBytes: file.sizeBytes, displayName });
      }
    }
  }
  return found;
}

const OllamaManifestSchema = z.object({
  layers: z.array(z.object({ mediaType: z.string(), digest: z.string().regex(/^sha256:[0-9a-f]{64}$/) })),
});

/** The model name Ollama shows: `llama3:8b`, `user/model:tag`, `host/ns/model:tag`. */
function ollamaName(host: string, namespace: string, model: string, tag: string): string {
  if (host === 'registry.ollama.ai') return namespace === 'library' ? `${model}:${tag}` : `${namespace}/${model}:${tag}`;
  return `${host}/${namespace}/${model}:${tag}`;
}

async function ollamaModel(modelsDir: string, manifestPath: string, name: string): Promise<FoundModel | undefined> {
  let parsed: z.infer<typeof OllamaManifestSchema>;
  try {
    parsed = OllamaManifestSchema.parse(JSON.parse(await readFile(manifestPath, 'utf8')));
  } catch {
    return undefined; // not a model manifest (or one written by a future Ollama)
  }
  // The GGUF weights are the layer of this media type; templates, licences and projectors are other layers.
  const layer = parsed.layers.find((l) => l.mediaType === 'application/vnd.ollama.image.model');
  if (!layer) return undefined;
  const path = join(modelsDir, 'blobs', layer.digest.replace(':', '-'));
  const sizeBytes = await sizeOf(path);
  if (sizeBytes === undefined) return undefined;
  return { id: `ollama:${name}`, source: 'ollama', path, sizeBytes, displayName: name };
}

/** Ollama: `<models>/manifests/<host>/<namespace>/<model>/<tag>` JSON → the model layer's blob. */
export async function scanOllama(modelsDir: string): Promise<FoundModel[]> {
  const found: FoundModel[] = [];
  const manifests = join(modelsDir, 'manifests');
  for (const host of await entries(manifests)) {
    for (const namespace of await entries(join(manifests, host.name))) {
      for (const model of await entries(join(manifests, host.name, namespace.name))) {
        const modelDir = join(manifests, host.name, namespace.name, model.name);
        for (const tag of await entries(modelDir)) {
          if (!tag.isFile()) continue;
          const name = ollamaName(host.name, namespace.name, model.name, tag.name);
          const entry = await ollamaModel(modelsDir, join(modelDir, tag.name), name);
          if (entry) found.push(entry);
        }
      }
    }
  }
  return found;
}
