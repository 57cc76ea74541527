import { stat } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { RigmarkError } from '../errors';
import { GgufError } from '../models/gguf/errors';
import { readGgufInfo } from '../models/gguf/reader';
import { SYNTHETIC_MODEL_NAMES, isSyntheticModelName } from '../models/synthetic/manifests';

const SYNTHETIC_PREFIX = 'synthetic:';

/**
 * Checks a model the user named before any run row is written, so that a model that cannot be used refuses the
 * run instead of storing an empty one. Only regular files are opened (a FIFO would block the read, a device such
 * as /dev/zero never ends), and only their GGUF header is read.
 * @returns the model as the benchmarks take it (a relative path made absolute).
 * @throws RigmarkError BAD_INPUT for an unknown synthetic name; UNAVAILABLE for a file that is not a usable model.
 */
export async function checkNamedModel(model: string): Promise<string> {
  if (model.startsWith(SYNTHETIC_PREFIX)) {
    const name = model.slice(SYNTHETIC_PREFIX.length);
    if (!isSyntheticModelName(name)) {
      throw new RigmarkError('BAD_INPUT', `there is no synthetic model "${name}": choose one of ${SYNTHETIC_MODEL_NAMES.join(', ')}`);
    }
    return model;
  }
  const path = isAbsolute(model) ? model : resolve(model);
  const unusable = (why: string): RigmarkError => new RigmarkError('UNAVAILABLE', `the model ${path} cannot be used: ${why}`);
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw unusable('no such file');
    if (code === 'ELOOP') throw unusable('its symbolic links form a loop');
    if (code === 'EACCES') throw unusable('permission denied');
    throw unusable(code ?? String(error));
  }
  if (info.isDirectory()) throw unusable('it is a folder, not a .gguf file');
  if (!info.isFile()) throw unusable('it is not a regular file (a pipe, socket or device)');
  if (info.size === 0) throw unusable('the file is empty (0 bytes)');
  try {
    await readGgufInfo(path);
  } catch (error) {
    if (error instanceof GgufError) throw unusable(error.message);
    throw unusable(String((error as NodeJS.ErrnoException).code ?? error));
  }
  return path;
}
