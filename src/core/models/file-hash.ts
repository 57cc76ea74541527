import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';

/** Where computed hashes are remembered between runs (the store wires it to SQLite). */
export interface HashCache {
  get(key: string): string | undefined;
  set(key: string, value: string): void;
}

/** Options for {@link hashModelFile}. */
export interface HashModelFileOptions {
  /** Fraction of the file hashed, 0…1. */
  onProgress?(fraction: number): void;
  signal?: AbortSignal;
}

/**
 * Ollama blobs (`blobs/sha256-<hex>`) and Hugging Face cache blobs of LFS files (`blobs/<hex>`) are named by the
 * SHA-256 of their content, which both tools verify when they download: the name is the hash, and reading 5-16 GB
 * again would only confirm it. Only files in a folder named `blobs` are trusted this way.
 */
const CONTENT_ADDRESSED = /^(?:sha256-)?([0-9a-f]{64})$/;

/** Cache key: a file at the same path with the same size and modification time is taken to be the same file. */
export function hashCacheKey(path: string, sizeBytes: number, mtimeMs: number): string {
  return `${path}|${sizeBytes}|${mtimeMs}`;
}

async function sha256Stream(path: string, sizeBytes: number, options: HashModelFileOptions): Promise<string> {
  const hash = createHash('sha256');
  let done = 0;
  const stream = createReadStream(path, { highWaterMark: 4 * 1024 * 1024, signal: options.signal });
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    hash.update(chunk);
    done += chunk.length;
    options.onProgress?.(sizeBytes === 0 ? 1 : done / sizeBytes);
  }
  return hash.digest('hex');
}

/**
 * The SHA-256 (lower-case hex) of a model file, for workload identity. Streams the file once and caches the result
 * under path + size + mtime; content-addressed blob names (Ollama, Hugging Face cache) are used without reading.
 * @throws file system errors (ENOENT, EACCES) as Node raises them; an AbortError when `signal` aborts.
 */
export async function hashModelFile(path: string, cache: HashCache, options: HashModelFileOptions = {}): Promise<string> {
  const resolved = await realpath(path);
  const named = basename(dirname(resolved)) === 'blobs' ? CONTENT_ADDRESSED.exec(basename(resolved))?.[1] : undefined;
  if (named) return named;
  const { size, mtimeMs } = await stat(resolved);
  const key = hashCacheKey(resolved, size, mtimeMs);
  const cached = cache.get(key);
  if (cached) return cached;
  const digest = await sha256Stream(resolved, size, options);
  cache.set(key, digest);
  return digest;
}
