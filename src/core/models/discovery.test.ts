import { copyFile, mkdir, readdir, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../test/helpers/temp-dir';
import { discoverModels } from './discovery';
import { ModelEntrySchema } from './model-entry';
import { ensureSyntheticModel } from './synthetic/generate';

const FIXTURES = join(import.meta.dirname, '../../../test/fixtures/models');
const HEX_A = 'a'.repeat(64);
const HEX_B = 'b'.repeat(64);

async function put(path: string, from: string | Buffer): Promise<void> {
  await mkdir(join(path, '..'), { recursive: true });
  if (typeof from === 'string') await copyFile(from, path);
  else await writeFile(path, from);
}

async function ollamaManifest(path: string, digest: string): Promise<void> {
  const layers = [
    { mediaType: 'application/vnd.ollama.image.template', digest: `sha256:${HEX_B}`, size: 10 },
    { mediaType: 'application/vnd.ollama.image.model', digest: `sha256:${digest}`, size: 1 },
  ];
  await put(path, Buffer.from(JSON.stringify({ schemaVersion: 2, layers })));
}

/** Every file under `dir` with its mtime, to prove discovery writes nothing. */
async function snapshot(dir: string): Promise<string[]> {
  const files = await readdir(dir, { recursive: true });
  return Promise.all(files.sort().map(async (f) => `${f}@${(await stat(join(dir, f))).mtimeMs}`));
}

describe('discoverModels', () => {
  let root: string;
  let cleanup: () => void;
  let tiny: string;
  beforeAll(async () => {
    ({ dir: root, cleanup } = makeTempDir('rigmark-discovery-'));
    tiny = (await ensureSyntheticModel('tiny', join(root, 'synthetic'))).path;
    await writeFile(join(root, 'synthetic', 'synthetic-not-a-shape.gguf'), 'x');
    const home = join(root, 'home');
    const ollama = join(home, '.ollama/models');
    await put(join(ollama, 'blobs', `sha256-${HEX_A}`), tiny);
    await ollamaManifest(join(ollama, 'manifests/registry.ollama.ai/library/llama3/8b'), HEX_A);
    await ollamaManifest(join(ollama, 'manifests/registry.ollama.ai/someone/custom/latest'), HEX_A);
    await ollamaManifest(join(ollama, 'manifests/registry.ollama.ai/library/gone/latest'), 'c'.repeat(64)); // blob deleted
    await put(join(ollama, 'manifests/registry.ollama.ai/library/junk/latest'), Buffer.from('{not json'));
    await put(join(home, '.lmstudio/models/pub/repo/model-Q4_0.gguf'), tiny);
    const hf = join(home, '.cache/huggingface/hub/models--org--name');
    await put(join(hf, 'blobs', HEX_B), tiny);
    await mkdir(join(hf, 'snapshots/rev1'), { recursive: true });
    await symlink(join('..', '..', 'blobs', HEX_B), join(hf, 'snapshots/rev1/model.gguf'));
    const mine = join(root, 'mine');
    await put(join(mine, 'a.gguf'), tiny);
    await put(join(mine, 'photo/holiday.gguf'), join(FIXTURES, 'holiday-photo.gguf'));
    await put(join(mine, 'd1/d2/d3/deep.gguf'), tiny);
    await put(join(mine, 'd1/d2/d3/d4/too-deep.gguf'), tiny);
    await put(join(mine, 'split/big-00001-of-00002.gguf'), tiny);
    await put(join(mine, 'split/big-00002-of-00002.gguf'), Buffer.alloc(1000));
    await put(join(mine, 'notes.txt'), Buffer.from('not a model'));
  });
  afterAll(() => cleanup());

  const discover = (folders: string[]) =>
    discoverModels({ folders, syntheticDir: join(root, 'synthetic'), homeDir: join(root, 'home'), env: {} });

  it('finds models in every source with stable ids and names, and validates against the schema', async () => {
    const entries = await discover([join(root, 'mine')]);
    for (const entry of entries) ModelEntrySchema.parse(entry);
    expect(entries.map((e) => [e.id, e.source, e.displayName])).toEqual([
      ['synthetic:tiny', 'synthetic', 'Tiny test model (synthetic)'],
      ['ollama:llama3:8b', 'ollama', 'llama3:8b'],
      ['lm-studio:pub/repo/model-Q4_0.gguf', 'lm-studio', 'pub/repo/model-Q4_0'],
      ['huggingface:org/name/model.gguf', 'huggingface', 'org/name/model'],
      [`file:${join(root, 'mine/a.gguf')}`, 'file', 'a'],
      [`file:${join(root, 'mine/split/big-00001-of-00002.gguf')}`, 'file', 'big-00001-of-00002'],
      [`file:${join(root, 'mine/d1/d2/d3/deep.gguf')}`, 'file', 'deep'],
      [`file:${join(root, 'mine/photo/holiday.gguf')}`, 'file', 'holiday'],
    ]);
    // someone/custom:latest points at the same blob as llama3:8b (an `ollama cp` alias): one file, one entry.
    expect(entries.filter((e) => e.source === 'ollama')).toHaveLength(1);
  });

  it('resolves an Ollama manifest to its model blob and reads the header', async () => {
    const entry = (await discover([])).find((e) => e.id === 'ollama:llama3:8b');
    expect(entry?.path).toBe(join(root, 'home/.ollama/models/blobs', `sha256-${HEX_A}`));
    expect(entry?.info).toEqual({ ok: true, summary: expect.objectContaining({ architecture: 'llama', quantization: 'Q4_0', isSynthetic: true }) });
    expect(entry?.sizeBytes).toBe((await stat(tiny)).size);
  });

  it('lists an unreadable file with the reason instead of dropping it', async () => {
    const entry = (await discover([join(root, 'mine')])).find((e) => e.displayName === 'holiday');
    expect(entry?.info).toEqual({
      ok: false,
      error: { code: 'NOT_GGUF', message: 'holiday.gguf is not a GGUF model (it starts with a PNG signature)' },
    });
  });

  it('counts all shards of a split model in its size', async () => {
    const entry = (await discover([join(root, 'mine')])).find((e) => e.displayName === 'big-00001-of-00002');
    expect(entry?.sizeBytes).toBe((await stat(tiny)).size + 1000);
  });

  it('lists a file reachable from two sources once, under the tool that owns it', async () => {
    const entries = await discover([join(root, 'home/.lmstudio/models'), join(root, 'synthetic')]);
    expect(entries.filter((e) => e.path.endsWith('model-Q4_0.gguf')).map((e) => e.source)).toEqual(['lm-studio']);
    expect(entries.filter((e) => e.path.endsWith('synthetic-tiny.gguf')).map((e) => e.source)).toEqual(['synthetic']);
  });

  it('skips missing tool folders silently and can skip header reads', async () => {
    const entries = await discoverModels({ folders: [join(root, 'nowhere')], homeDir: join(root, 'nohome'), env: {}, shouldReadInfo: false });
    expect(entries).toEqual([]);
    const bare = await discoverModels({ folders: [join(root, 'mine')], homeDir: join(root, 'nohome'), env: {}, shouldReadInfo: false });
    expect(bare.every((e) => e.info === undefined)).toBe(true);
  });

  it('honours OLLAMA_MODELS and HF_HOME', async () => {
    const env = { OLLAMA_MODELS: join(root, 'home/.ollama/models'), HF_HOME: join(root, 'home/.cache/huggingface') };
    const entries = await discoverModels({ folders: [], homeDir: join(root, 'nohome'), env });
    expect(entries.map((e) => e.source)).toEqual(['ollama', 'huggingface']);
  });

  it('writes nothing', async () => {
    const before = await snapshot(root);
    await discover([join(root, 'mine')]);
    expect(await snapshot(root)).toEqual(before);
  });
});
