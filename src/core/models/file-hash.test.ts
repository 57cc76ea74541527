import { createHash } from 'node:crypto';
import { mkdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../test/helpers/temp-dir';
import { hashModelFile } from './file-hash';
import type { HashCache } from './file-hash';

function memoryCache(): HashCache & { map: Map<string, string>; gets: number } {
  const map = new Map<string, string>();
  const cache = { map, gets: 0, get: (k: string) => (cache.gets++, map.get(k)), set: (k: string, v: string) => void map.set(k, v) };
  return cache;
}

describe('hashModelFile', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = makeTempDir()));
  afterEach(() => cleanup());

  it('streams the SHA-256 and caches it under path, size and mtime', async () => {
    const path = join(dir, 'm.gguf');
    const data = Buffer.alloc(10 * 1024 * 1024 + 7, 3);
    await writeFile(path, data);
    const cache = memoryCache();
    const expected = createHash('sha256').update(data).digest('hex');
    const progress: number[] = [];
    expect(await hashModelFile(path, cache, { onProgress: (f) => progress.push(f) })).toBe(expected);
    expect(progress.at(-1)).toBe(1);
    expect([...cache.map.entries()]).toEqual([[expect.stringMatching(/m\.gguf\|10485767\|/), expected]]);
    // A cached value is returned without reading: prove it with a planted value.
    cache.map.set([...cache.map.keys()][0] ?? '', 'planted');
    expect(await hashModelFile(path, cache)).toBe('planted');
  });

  it('hashes again when the file changes (new mtime)', async () => {
    const path = join(dir, 'm.gguf');
    await writeFile(path, 'one');
    const cache = memoryCache();
    await hashModelFile(path, cache);
    await writeFile(path, 'two');
    await utimes(path, new Date(), new Date(Date.now() + 5000));
    expect(await hashModelFile(path, cache)).toBe(createHash('sha256').update('two').digest('hex'));
    expect(cache.map.size).toBe(2);
  });

  it('takes the hash from a content-addressed blob name (Ollama, Hugging Face) without reading', async () => {
    const hex = 'ab'.repeat(32);
    await mkdir(join(dir, 'blobs'));
    await writeFile(join(dir, 'blobs', `sha256-${hex}`), 'content');
    await writeFile(join(dir, 'blobs', hex), 'content');
    const cache = memoryCache();
    expect(await hashModelFile(join(dir, 'blobs', `sha256-${hex}`), cache)).toBe(hex);
    expect(await hashModelFile(join(dir, 'blobs', hex), cache)).toBe(hex);
    expect(cache.gets).toBe(0);
    await writeFile(join(dir, hex), 'content'); // same name outside blobs/: hashed for real
    expect(await hashModelFile(join(dir, hex), cache)).toBe(createHash('sha256').update(await readFile(join(dir, hex))).digest('hex'));
  });

  it('fails with ENOENT for a missing file', async () => {
    await expect(hashModelFile(join(dir, 'none.gguf'), memoryCache())).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
