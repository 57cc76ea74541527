import { copyFile, open, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../../../test/helpers/temp-dir';
import { ensureSyntheticModel } from '../../../models/synthetic/generate';
import { UnavailableError } from '../../worker/types';
import { runJobInChild } from './child-job';
import { resolveModel } from './model-source';

/** PNG file signature and the start of an IHDR chunk: what a picture renamed to .gguf begins with. */
const PNG_HEAD = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

const temp = makeTempDir('rigmark-llamacpp-bad-');
afterAll(() => temp.cleanup());

const paths = { truncatedData: '', truncatedHeader: '', png: '', tiny: '' };

async function writePrefix(source: string, target: string, bytes: number): Promise<void> {
  const handle = await open(source, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    await handle.read(buffer, 0, bytes, 0);
    await writeFile(target, buffer);
  } finally {
    await handle.close();
  }
}

beforeAll(async () => {
  const tiny = await ensureSyntheticModel('tiny', join(temp.dir, 'models'));
  paths.tiny = join(temp.dir, 'tiny-copy.gguf');
  await copyFile(tiny.path, paths.tiny);
  paths.truncatedData = join(temp.dir, 'cut-in-data.gguf');
  await writePrefix(tiny.path, paths.truncatedData, 1_000_000); // half the tensors
  paths.truncatedHeader = join(temp.dir, 'cut-in-header.gguf');
  await writePrefix(tiny.path, paths.truncatedHeader, 300);
  paths.png = join(temp.dir, 'holiday.gguf');
  await writeFile(paths.png, Buffer.concat([PNG_HEAD, Buffer.alloc(4096, 7)]));
});

const options = () => ({ dataDir: temp.dir, reportPhase: () => {} });

describe('model files llama.cpp must never see (reader level)', () => {
  it('rejects a file cut inside its tensor data as truncated', async () => {
    await expect(resolveModel({ kind: 'file', path: paths.truncatedData }, options())).rejects.toThrow(/truncated/);
  });

  it('rejects a file cut inside its header as damaged', async () => {
    // The reader sees counts no 300-byte file can hold and calls it damaged rather than truncated; either is clear.
    await expect(resolveModel({ kind: 'file', path: paths.truncatedHeader }, options())).rejects.toThrow(/truncated|damaged/);
  });

  it('names a PNG renamed to .gguf', async () => {
    await expect(resolveModel({ kind: 'file', path: paths.png }, options())).rejects.toThrow(/PNG/);
  });

  it('reports a missing file as unavailable, not as a failure', async () => {
    await expect(resolveModel({ kind: 'file', path: join(temp.dir, 'gone.gguf') }, options())).rejects.toBeInstanceOf(UnavailableError);
  });

  it('keeps a copied synthetic file labelled synthetic (its header says so), not hashed', async () => {
    const resolved = await resolveModel({ kind: 'file', path: paths.tiny }, options());
    expect(resolved).toMatchObject({ isSynthetic: true, modelSha256: 'synthetic' });
    expect(resolved.facts).toMatchObject({ modelKey: 'tiny', quant: 'Q4_0' });
  });
});

describe('malformed models in a real worker process', () => {
  const job = (model: string) => ({
    benchmarkId: 'llamacpp.pp512',
    params: { model, backend: 'cpu', threads: 1 },
    repetitions: { warmups: 0, planned: 1, max: 1, cvThreshold: 0.035 },
    scratchDir: temp.dir,
    dataDir: temp.dir,
  });

  it.each([
    ['truncated', () => paths.truncatedData, /truncated/],
    ['PNG', () => paths.png, /PNG/],
  ])('ends a %s model with a clear error message and a clean exit', async (_name, path, message) => {
    const outcome = await runJobInChild(job(path()));
    expect(outcome.exit).toEqual({ code: 0, signal: null });
    const last = outcome.messages.at(-1);
    expect(last).toMatchObject({ type: 'error', message: expect.stringMatching(message) });
    expect(outcome.messages.some((m) => m.type === 'sample')).toBe(false);
  });
});
