import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../test/helpers/temp-dir';
import { modelParams } from './model-param';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

/** A real Ollama store layout (manifest → model blob), read-only as Rigmark reads it. */
function ollamaStore(): { dir: string; blob: string } {
  const t = makeTempDir('rigmark-ollama-');
  cleanups.push(t.cleanup);
  const digest = 'a'.repeat(64);
  const manifestDir = join(t.dir, 'manifests', 'registry.ollama.ai', 'library', 'llama3');
  mkdirSync(manifestDir, { recursive: true });
  mkdirSync(join(t.dir, 'blobs'));
  const blob = join(t.dir, 'blobs', `sha256-${digest}`);
  writeFileSync(blob, Buffer.from('GGUF'));
  writeFileSync(join(manifestDir, '8b'), JSON.stringify({ schemaVersion: 2, layers: [{ mediaType: 'application/vnd.ollama.image.model', digest: `sha256:${digest}`, size: 4 }] }));
  return { dir: t.dir, blob };
}

describe('the model a user names', () => {
  it('passes synthetic names and paths through, and resolves ollama:NAME:TAG to the blob (llama.cpp) and the name (Ollama)', async () => {
    expect(await modelParams(undefined)).toEqual({});
    expect(await modelParams('synthetic:tiny')).toEqual({ model: 'synthetic:tiny' });
    const store = ollamaStore();
    expect(await modelParams('ollama:llama3:8b', { ollamaDir: store.dir })).toEqual({ model: store.blob, ollamaModel: 'llama3:8b' });
  });

  it('an Ollama model that is not on disk is a clear usage error', async () => {
    const store = ollamaStore();
    await expect(modelParams('ollama:mistral:7b', { ollamaDir: store.dir })).rejects.toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(/Ollama has no model "mistral:7b"/) });
  });
});
