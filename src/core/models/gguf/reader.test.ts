import { copyFile, readFile, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readGgufFileInfo } from 'node-llama-cpp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../../test/helpers/temp-dir';
import { ensureSyntheticModel } from '../synthetic/generate';
import { getSyntheticManifest, listSyntheticManifests } from '../synthetic/manifests';
import { syntheticSpec } from '../synthetic/spec';
import { SplitMix32 } from '../synthetic/weights';
import { GgufError } from './errors';
import { readGgufInfo } from './reader';
import { rawHeader, writeSparseGguf } from '../../../../test/fixtures/models/gguf-files';

const FIXTURES = join(import.meta.dirname, '../../../../test/fixtures/models');

async function expectGgufError(path: string, code: GgufError['code'], message: RegExp): Promise<void> {
  const error = await readGgufInfo(path).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(GgufError);
  expect((error as GgufError).code).toBe(code);
  expect((error as GgufError).message).toMatch(message);
}

describe('readGgufInfo', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = makeTempDir()));
  afterEach(() => cleanup());

  it('names a PNG renamed to .gguf as not a GGUF model and says it is a PNG', async () => {
    await expectGgufError(join(FIXTURES, 'holiday-photo.gguf'), 'NOT_GGUF', /^holiday-photo\.gguf is not a GGUF model \(it starts with a PNG signature\)$/);
  });

  it('rejects a file of random bytes as not GGUF', async () => {
    const rng = new SplitMix32(7);
    const path = join(dir, 'garbage.gguf');
    await writeFile(path, Buffer.from(Array.from({ length: 65536 }, () => rng.next() & 0xff)));
    await expectGgufError(path, 'NOT_GGUF', /garbage\.gguf is not a GGUF model \(it does not start with the GGUF signature\)/);
  });

  it('rejects an empty file and a Git LFS pointer with a reason', async () => {
    await writeFile(join(dir, 'empty.gguf'), '');
    await expectGgufError(join(dir, 'empty.gguf'), 'NOT_GGUF', /empty\.gguf is not a GGUF model \(the file is empty\)/);
    await writeFile(join(dir, 'lfs.gguf'), 'version https://git-lfs.github.com/spec/v1\noid sha256:abc\nsize 4\n');
    await expectGgufError(join(dir, 'lfs.gguf'), 'NOT_GGUF', /Git LFS pointer/);
  });

  it('detects a file cut inside its tensor data as truncated, without llama.cpp', async () => {
    const { path } = await ensureSyntheticModel('tiny', dir);
    const cut = join(dir, 'cut.gguf');
    await copyFile(path, cut);
    await truncate(cut, 1_000_000);
    await expectGgufError(cut, 'TRUNCATED', /^cut\.gguf is truncated: its tensors need 2\.0 MB but the file holds 1\.0 MB/);
  });

  it('detects a file cut inside its header as truncated', async () => {
    const { path } = await ensureSyntheticModel('tiny', dir);
    const cut = join(dir, 'cut.gguf');
    await writeFile(cut, (await readFile(path)).subarray(0, 5000));
    await expectGgufError(cut, 'TRUNCATED', /cut\.gguf is truncated: it ends inside its GGUF header/);
    await writeFile(cut, 'GG');
    await expectGgufError(cut, 'TRUNCATED', /ends inside its GGUF header/);
  });

  it('refuses GGUF version 1, big-endian and future versions', async () => {
    const path = join(dir, 'v.gguf');
    await writeFile(path, rawHeader([['u32', 1], ['u32', 0], ['u32', 0]]));
    await expectGgufError(path, 'UNSUPPORTED_VERSION', /v\.gguf cannot be read: it is GGUF version 1/);
    await writeFile(path, Buffer.concat([Buffer.from('GGUF'), Buffer.from([0, 0, 0, 3]), Buffer.alloc(16)]));
    await expectGgufError(path, 'UNSUPPORTED_VERSION', /big-endian/);
    await writeFile(path, rawHeader([['u32', 9], ['u64', 0], ['u64', 0]]));
    await expectGgufError(path, 'UNSUPPORTED_VERSION', /version 9, newer/);
  });

  it('reports impossible values as a damaged file', async () => {
    const path = join(dir, 'bad.gguf');
    const kv = (type: number): Buffer => Buffer.concat([rawHeader([['u32', 3], ['u64', 0], ['u64', 1], ['str', 'k'], ['u32', type]]), Buffer.alloc(64)]);
    await writeFile(path, kv(99));
    await expectGgufError(path, 'MALFORMED', /bad\.gguf is a damaged GGUF file: unknown metadata value type 99/);
    const tensor = rawHeader([['u32', 3], ['u64', 1], ['u64', 0], ['str', 't'], ['u32', 9]]);
    await writeFile(path, Buffer.concat([tensor, Buffer.alloc(128)]));
    await expectGgufError(path, 'MALFORMED', /tensor t has 9 dimensions/);
  });

  it('reads a generated file: shape, types, parameters, quantisation label', async () => {
    const { path, manifest } = await ensureSyntheticModel('tiny', dir);
    const info = await readGgufInfo(path);
    expect(info).toMatchObject({
      version: 3, alignment: 32, architecture: 'llama', name: 'Tiny test model (Rigmark synthetic)',
      contextLength: 4096, embeddingLength: 256, feedForwardLength: 768, blockCount: 4, headCount: 4,
      headCountKv: 2, vocabSize: 512, fileType: 2, quantization: 'Q4_0', parameterCount: 3_410_176, isSynthetic: true,
    });
    expect(info.tensors.map((t) => [t.name, t.dims, t.typeName])).toEqual(manifest.tensors.map((t) => [t.name, t.dims, t.type]));
    expect(info.dataOffset + info.tensorDataBytes).toBeLessThanOrEqual(info.fileBytes);
    expect(info.metadata['tokenizer.ggml.tokens']).toMatchObject({ arrayOf: 'string', length: 512 });
  });

  it('agrees with node-llama-cpp’s own GGUF parser on every tensor and key', async () => {
    const { path } = await ensureSyntheticModel('tiny', dir);
    const ours = await readGgufInfo(path);
    const theirs = await readGgufFileInfo(path, { logWarnings: false });
    expect(theirs.version).toBe(ours.version);
    expect(theirs.fullTensorInfo?.length).toBe(39);
    expect((theirs.fullTensorInfo ?? []).map((t) => [t.name, t.dimensions.map(Number), t.ggmlType, Number(t.offset)])).toEqual(
      ours.tensors.map((t) => [t.name, t.dims, t.ggmlType, t.offset]),
    );
    expect(Number(theirs.tensorInfo?.[0]?.fileOffset)).toBe(ours.dataOffset);
    expect(Object.keys(theirs.metadata.llama ?? {}).length).toBeGreaterThan(5);
  });

  it('reads the full-size shapes from their headers alone (sparse files, no tensor data read)', async () => {
    for (const manifest of listSyntheticManifests()) {
      const path = join(dir, `${manifest.name}.gguf`);
      const fileBytes = await writeSparseGguf(path, syntheticSpec(manifest));
      const started = performance.now();
      const info = await readGgufInfo(path);
      expect(performance.now() - started).toBeLessThan(5000);
      expect(info.fileBytes).toBe(fileBytes);
      expect(info.parameterCount).toBe(manifest.expectedParameterCount);
      expect(info.quantization).toBe(manifest.quantization);
      expect(info.vocabSize).toBe(manifest.hyperparameters.nVocab);
    }
    expect(getSyntheticManifest('llama-2-7b-q4_0').expectedParameterCount).toBe(6_738_415_616);
  });

  it('labels a file without general.file_type by the type holding most bytes', async () => {
    const path = join(dir, 'nofiletype.gguf');
    const spec = syntheticSpec(getSyntheticManifest('tiny'));
    await writeSparseGguf(path, { ...spec, metadata: spec.metadata.filter(([key]) => key !== 'general.file_type') });
    expect((await readGgufInfo(path)).quantization).toBe('Q4_0');
  });
});
