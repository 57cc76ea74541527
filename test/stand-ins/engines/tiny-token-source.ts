import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureSyntheticModel } from '../../../src/core/models/synthetic/generate';
import { createLlamaTokenSource } from './llama-token-source';
import type { TokenSource } from './token-source';

/**
 * Generates the synthetic `tiny` GGUF in a fresh temp folder and loads it with the real llama.cpp engine on the
 * CPU. `close()` frees the model and removes the folder. A folder per call keeps parallel test files from
 * racing on one file.
 */
export async function createTinyTokenSource(options: { parallel?: number } = {}): Promise<TokenSource> {
  const dir = await mkdtemp(join(tmpdir(), 'rigmark-engines-'));
  try {
    const { path } = await ensureSyntheticModel('tiny', dir);
    const source = await createLlamaTokenSource({ modelPath: path, parallel: options.parallel ?? 4 });
    return {
      ...source,
      generate: (request) => source.generate(request),
      async close() {
        await source.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
