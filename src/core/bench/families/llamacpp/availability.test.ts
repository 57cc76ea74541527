import { truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../../../test/helpers/temp-dir';
import type { AvailabilityContext } from '../../definition';
import { checkLlamaAvailability, llamaPreflightInfo, syntheticModelBytes } from './availability';
import { definitions, llamaDefaultParams } from './definitions';
import { planMemory } from './memory-plan';
import { gpuFixture, snapshotFixture } from './snapshot-fixture';

const GiB = 1024 ** 3;
/** PNG file signature and the start of an IHDR chunk: what a picture renamed to .gguf begins with. */
const PNG_HEAD = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir('rigmark-llamacpp-avail-');
});
afterEach(() => temp.cleanup());

function ctxWith(params: Record<string, unknown>, snapshot = snapshotFixture()): AvailabilityContext {
  return { snapshot, dataDir: temp.dir, settings: {}, params };
}

describe('llama.cpp availability', () => {
  it('is available for the tiny synthetic model on a CPU-only machine', async () => {
    expect(await checkLlamaAvailability(ctxWith({ model: 'synthetic:tiny' }))).toEqual({ isAvailable: true });
  });

  it('refuses a model larger than RAM with the sizes in the reason, before loading anything', async () => {
    const result = await checkLlamaAvailability(ctxWith({ model: 'synthetic:llama-3-8b-f16' }, snapshotFixture({ totalMiB: 8192 })));
    expect(result.isAvailable).toBe(false);
    if (!result.isAvailable) expect(result.reason).toMatch(/needs about 16\.\d GiB .* 8\.0 GiB RAM/);
  });

  it('refuses a user file larger than RAM from its size alone', async () => {
    const path = join(temp.dir, 'huge.gguf');
    await writeFile(path, Buffer.from('GGUF'));
    await truncate(path, 40 * GiB); // sparse: no disk used
    const result = await checkLlamaAvailability(ctxWith({ model: path }));
    expect(result).toMatchObject({ isAvailable: false, reason: expect.stringMatching(/40\.0 GiB|41\.0 GiB/) });
  });

  it('keeps a model larger than VRAM available (it runs partially offloaded)', async () => {
    const small = gpuFixture({ name: 'RTX 3050', vramMiB: 4096 });
    const ctx = ctxWith({ model: 'synthetic:llama-2-7b-q4_0' }, snapshotFixture({ gpus: [small], backends: ['cuda'], totalMiB: 32768 }));
    expect(await checkLlamaAvailability(ctx)).toEqual({ isAvailable: true });
  });

  it('reports a missing model file as unavailable', async () => {
    const result = await checkLlamaAvailability(ctxWith({ model: join(temp.dir, 'nope.gguf') }));
    expect(result).toMatchObject({ isAvailable: false, reason: expect.stringMatching(/does not exist/) });
  });

  it('names what a PNG renamed to .gguf really is', async () => {
    const path = join(temp.dir, 'cat.gguf');
    await writeFile(path, Buffer.concat([PNG_HEAD, Buffer.alloc(64)]));
    const result = await checkLlamaAvailability(ctxWith({ model: path }));
    expect(result).toMatchObject({ isAvailable: false, reason: expect.stringMatching(/not a GGUF model: .*PNG/) });
  });

  it('refuses an unknown synthetic name and lists the known ones', async () => {
    const result = await checkLlamaAvailability(ctxWith({ model: 'synthetic:llama-99b' }));
    expect(result).toMatchObject({ isAvailable: false, reason: expect.stringMatching(/unknown synthetic model .*tiny/) });
  });

  it('refuses a relative model path', async () => {
    const result = await checkLlamaAvailability(ctxWith({ model: 'models/x.gguf' }));
    expect(result).toMatchObject({ isAvailable: false, reason: expect.stringMatching(/absolute/) });
  });

  it('refuses a CUDA override on a machine without CUDA', async () => {
    const result = await checkLlamaAvailability(ctxWith({ model: 'synthetic:tiny', backend: 'cuda' }));
    expect(result).toMatchObject({ isAvailable: false, reason: expect.stringMatching(/cuda is not available/) });
  });
});

describe('llama.cpp definitions', () => {
  it('declares pp512 and tg128 as llm tokens/s benchmarks in the quick and full suites', () => {
    expect(definitions.map((d) => d.id)).toEqual(['llamacpp.pp512', 'llamacpp.tg128']);
    for (const d of definitions) {
      expect(d).toMatchObject({ family: 'llamacpp', category: 'llm', unit: 'tokens/s', higherIsBetter: true, defaultRepetitions: 5, warmups: 1 });
      expect(d.suites).toEqual(['quick', 'full']);
    }
  });

  it('defaults to llama-bench settings, physical cores and the backend chosen from the snapshot', () => {
    const ctx = ctxWith({}, snapshotFixture({ gpus: [gpuFixture()], backends: ['cuda', 'vulkan'], cores: 8 }));
    expect(llamaDefaultParams(ctx)).toEqual({
      model: 'synthetic:llama-3-8b-q4_k_m',
      backend: 'cuda',
      threads: 8,
      gpuLayers: 'max',
      flashAttention: false,
      batchSize: 2048,
      ubatchSize: 512,
    });
  });

  it('checks availability with the defaults merged under the user parameters', async () => {
    const [pp] = definitions;
    expect(await pp?.checkAvailability(ctxWith({ model: 'synthetic:tiny' }))).toEqual({ isAvailable: true });
  });
});

describe('llamaPreflightInfo', () => {
  it('reports backend, model size and the disk a synthetic file still needs, shared by pp512 and tg128', async () => {
    const ctx = ctxWith({}, snapshotFixture({ gpus: [gpuFixture()], backends: ['cuda'] }));
    const info = await llamaPreflightInfo(ctx, { model: 'synthetic:llama-2-7b-q4_0' });
    expect(info).toMatchObject({ plannedBackend: 'cuda', modelKey: 'synthetic:llama-2-7b-q4_0' });
    expect(info.modelBytes).toBe(syntheticModelBytes('llama-2-7b-q4_0'));
    expect(info.freeDiskBytesNeeded).toBe(info.modelBytes);
  });

  it('needs no disk for a user file and reports its size', async () => {
    const path = join(temp.dir, 'm.gguf');
    await writeFile(path, Buffer.alloc(1000));
    expect(await llamaPreflightInfo(ctxWith({}), { model: path })).toMatchObject({ plannedBackend: 'cpu', modelBytes: 1000, freeDiskBytesNeeded: 0 });
  });
});

describe('planMemory', () => {
  it('estimates synthetic sizes from the manifest (Llama 3.2 1B Q4_0 is about 0.77 GB)', () => {
    expect(syntheticModelBytes('llama-3.2-1b-q4_0') / 1e9).toBeCloseTo(0.78, 1);
  });

  it('plans full offload when the model fits VRAM, partial when it does not, none on the CPU', () => {
    const base = { modelBytes: 4 * GiB, totalRamBytes: 32 * GiB };
    expect(planMemory({ ...base, backend: 'cuda', vramBytes: 24 * GiB }).offload).toBe('full');
    expect(planMemory({ ...base, backend: 'cuda', vramBytes: 4 * GiB })).toMatchObject({ offload: 'partial', fitsRam: true });
    expect(planMemory({ ...base, backend: 'cpu', vramBytes: null }).offload).toBe('none');
    expect(planMemory({ ...base, backend: 'metal', vramBytes: null }).offload).toBe('full');
  });
});
