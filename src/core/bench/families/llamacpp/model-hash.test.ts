import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../../../test/helpers/temp-dir';
import { modelSha256 } from './model-hash';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir('rigmark-llamacpp-hash-');
});
afterEach(() => temp.cleanup());

describe('modelSha256', () => {
  it('hashes the file and caches the digest by path, size and mtime', async () => {
    const file = join(temp.dir, 'model.gguf');
    const cache = join(temp.dir, 'cache', 'hashes.json');
    const bytes = Buffer.from('GGUF model bytes');
    await writeFile(file, bytes);
    const expected = createHash('sha256').update(bytes).digest('hex');
    expect(await modelSha256(file, cache)).toBe(expected);
    const cached = JSON.parse(await readFile(cache, 'utf8')) as Record<string, string>;
    expect(Object.values(cached)).toEqual([expected]);
  });

  it('uses the cached digest while the file is unchanged', async () => {
    const file = join(temp.dir, 'model.gguf');
    const cache = join(temp.dir, 'hashes.json');
    await writeFile(file, 'abc');
    const first = await modelSha256(file, cache);
    const key = Object.keys(JSON.parse(await readFile(cache, 'utf8')) as object)[0] ?? '';
    await writeFile(cache, JSON.stringify({ [key]: 'from-cache' }));
    expect(first).not.toBe('from-cache');
    expect(await modelSha256(file, cache)).toBe('from-cache');
  });

  it('survives a damaged cache file', async () => {
    const file = join(temp.dir, 'model.gguf');
    const cache = join(temp.dir, 'hashes.json');
    await writeFile(file, 'abc');
    await writeFile(cache, '{not json');
    expect(await modelSha256(file, cache)).toMatch(/^[0-9a-f]{64}$/);
  });
});
