import { RigmarkError } from '../errors';
import { discoverModels } from '../models/discovery';
import { checkNamedModel } from './model-check';

/**
 * The `model` a user names, as benchmark params. `ollama:NAME:TAG` is resolved read-only in Ollama's blob store:
 * llama.cpp gets the blob's path (`model`), the Ollama adapter the model name (`ollamaModel`).
 * @throws RigmarkError BAD_INPUT when Ollama has no such model on this disk.
 */
export async function modelParams(model: string | undefined, options: { ollamaDir?: string | null } = {}): Promise<Record<string, unknown>> {
  if (!model) return {};
  if (!model.startsWith('ollama:')) return { model };
  const name = model.slice('ollama:'.length);
  const found = await discoverModels({ folders: [], lmStudioDirs: [], hfCacheDir: null, ollamaDir: options.ollamaDir, shouldReadInfo: false });
  const entry = found.find((m) => m.source === 'ollama' && m.id === model);
  if (!entry) {
    throw new RigmarkError('BAD_INPUT', `Ollama has no model "${name}" on this disk: “ollama list” shows what is installed (Rigmark never downloads one)`);
  }
  return { model: entry.path, ollamaModel: name };
}

/**
 * The params of a run request's `model`, checked: an unknown synthetic name, a file that is no usable model, or an
 * Ollama model not on this disk refuses the request before anything is written.
 */
export async function checkedModelParams(model: string | undefined, options: { ollamaDir?: string | null } = {}): Promise<Record<string, unknown>> {
  if (!model || model.startsWith('ollama:')) return modelParams(model, options);
  return { model: await checkNamedModel(model) };
}
