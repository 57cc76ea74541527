import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

type HashCache = Record<string, string>;

async function readCache(cachePath: string): Promise<HashCache> {
  try {
    const parsed: unknown = JSON.parse(await readFile(cachePath, 'utf8'));
    if (typeof parsed !== 'object' || parsed === null) return {};
    return Object.fromEntries(Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === 'string'));
  } catch {
    // A missing or damaged cache only costs a re-hash.
    return {};
  }
}

async function hashFile(path: string, signal?: AbortSignal): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 4 * 1024 * 1024, signal })) {
    hash.update(chunk as Buffer);
  }
  return hash.digest('hex');
}

/**
 * SHA-256 of a model file, computed once per (path, size, mtime) and cached in `cachePath` (a JSON map), because
 * hashing an 8B model takes tens of seconds and identity needs it on every run (docs/METHOD.md "Models").
 * @throws Error when the file cannot be read; AbortError when `signal` fires.
 */
export async function modelSha256(path: string, cachePath: string, signal?: AbortSignal): Promise<string> {
  const info = await stat(path);
  const key = `${path}|${info.size}|${Math.trunc(info.mtimeMs)}`;
  const cache = await readCache(cachePath);
  const cached = cache[key];
  if (cached) return cached;
  const digest = await hashFile(path, signal);
  cache[key] = digest;
  try {
    await mkdir(dirname(cachePath), { recursive: true });
    // Write then rename so a concurrent reader never sees half a file.
    const tmp = `${cachePath}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify(cache, null, 2));
    await rename(tmp, cachePath);
  } catch {
    // The hash is still right; only the cache is lost.
  }
  return digest;
}
