import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Rigmark's version, from the nearest package.json named `rigmark` above this file — found by walking up, since
 * this module runs from src/ (tsx), out/main/ (electron-vite) or an asar archive.
 */
export const RIGMARK_VERSION: string = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i += 1) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'rigmark' && pkg.version) return pkg.version;
    }
    dir = dirname(dir);
  }
  return '0.0.0';
})();
