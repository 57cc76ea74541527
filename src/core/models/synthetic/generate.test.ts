import { createHash } from 'node:crypto';
import { readFile, readdir, stat, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../../test/helpers/temp-dir';
import { readGgufInfo } from '../gguf/reader';
import { SyntheticModelError, ensureSyntheticModel } from './generate';

async function sha256(path: string): Promise<string> {
  return createHash('sha256').update(await readFile(path)).digest('hex');
}

// The bytes of `tiny` as generator version 1 writes them. If this changes on purpose, bump
// SYNTHETIC_GENERATOR_VERSION (spec.ts) so cached files of the old bytes are regenerated.
const TINY_SHA256 = 'a95435fd8871bf1aa1729aec3534fa780a80802796199e8736206840c9897cbf';

describe('ensureSyntheticModel', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = makeTempDir()));
  afterEach(() => cleanup());

  it('writes identical bytes for the same name and seed, in any folder', async () => {
    const first = await ensureSyntheticModel('tiny', join(dir, 'a'));
    const second = await ensureSyntheticModel('tiny', join(dir, 'b'));
    expect(first.isReused).toBe(false);
    expect(await sha256(first.path)).toBe(await sha256(second.path));
    expect(await sha256(first.path)).toBe(TINY_SHA256);
    expect(first.path).toBe(join(dir, 'a', 'synthetic-tiny.gguf'));
  });

  it('reuses a complete file without rewriting it', async () => {
    const first = await ensureSyntheticModel('tiny', dir);
    const before = await stat(first.path);
    const progress: number[] = [];
    const again = await ensureSyntheticModel('tiny', dir, { onProgress: (f) => progress.push(f) });
    expect(again).toMatchObject({ path: first.path, isReused: true });
    expect((await stat(again.path)).mtimeMs).toBe(before.mtimeMs);
    expect(progress).toEqual([1]);
  });

  it('regenerates a truncated or foreign file under the synthetic name', async () => {
    const { path } = await ensureSyntheticModel('tiny', dir);
    await truncate(path, 100_000);
    expect((await ensureSyntheticModel('tiny', dir)).isReused).toBe(false);
    expect(await sha256(path)).toBe(TINY_SHA256);
    await writeFile(path, 'not a model');
    expect((await ensureSyntheticModel('tiny', dir)).isReused).toBe(false);
    expect((await readGgufInfo(path)).isSynthetic).toBe(true);
  });

  it('reports progress from 0 to 1, increasing', async () => {
    const progress: number[] = [];
    await ensureSyntheticModel('tiny', dir, { onProgress: (f) => progress.push(f) });
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(1);
    expect(progress.length).toBeGreaterThan(5);
    expect(progress.every((f, i) => i === 0 || f >= (progress[i - 1] ?? 0))).toBe(true);
  });

  it('removes its temporary file when aborted and leaves no model behind', async () => {
    const controller = new AbortController();
    const run = ensureSyntheticModel('tiny', dir, {
      signal: controller.signal,
      onProgress: (f) => f > 0.3 && controller.abort(new Error('user cancelled')),
    });
    await expect(run).rejects.toThrow('user cancelled');
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses before writing when free space is short, naming needed and free bytes', async () => {
    const statfs = async (): Promise<{ bavail: number; bsize: number }> => ({ bavail: 1000, bsize: 4096 });
    const error = await ensureSyntheticModel('llama-3-8b-f16', dir, { statfs }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyntheticModelError);
    expect((error as SyntheticModelError).code).toBe('NO_SPACE');
    expect((error as SyntheticModelError).message).toBe(
      `Not enough free disk space to generate Llama 3 8B F16 (synthetic) in ${dir}: it needs 16.3 GB ` +
        '(16.1 GB file + 269 MB headroom), 5 MB is free.',
    );
    expect(await readdir(dir)).toEqual([]);
  });

  it('removes an outdated copy first only when its space is what is missing', async () => {
    const { path } = await ensureSyntheticModel('tiny', dir);
    await truncate(path, 100_000); // outdated / damaged copy
    let calls = 0;
    // The first probe sees too little space; after the old copy is removed, enough.
    const statfs = async (): Promise<{ bavail: number; bsize: number }> => ({ bavail: calls++ === 0 ? 1 : 2 ** 30, bsize: 4096 });
    expect((await ensureSyntheticModel('tiny', dir, { statfs })).isReused).toBe(false);
    expect(calls).toBe(2);
    expect(await sha256(path)).toBe(TINY_SHA256);
  });

  it('removes temporary files left by a generator that died', async () => {
    const stale = join(dir, 'synthetic-tiny.gguf.2147483646.deadbeef.partial');
    await writeFile(stale, 'half a model');
    await ensureSyntheticModel('tiny', dir);
    expect(await readdir(dir)).toEqual(['synthetic-tiny.gguf']);
  });

  it('names the known shapes when asked for an unknown one', async () => {
    await expect(ensureSyntheticModel('llama-9-400b', dir)).rejects.toThrow(/Unknown synthetic model "llama-9-400b" \(known: tiny, /);
  });
});
