import { homedir } from 'node:os';
import { join } from 'node:path';

/** Every place Rigmark writes to, derived from one data dir. */
export interface Paths {
  dataDir: string;
  dbFile: string;
  /** Generated synthetic models (reused across runs). */
  modelsDir: string;
  /** Per-instance scratch folders (disk benchmark files); leftovers of dead processes are removed at start. */
  scratchDir: string;
  logsDir: string;
  /** The user's own reference files (`rigmark reference add`), loaded beside the bundled dataset. */
  referenceDir: string;
}

/** The OS data dir for a CLI (Electron passes `app.getPath('userData')` instead). */
export function defaultDataDir(platform = process.platform, env = process.env, home = homedir()): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Rigmark');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Rigmark');
  return join(env.XDG_DATA_HOME || join(home, '.local', 'share'), 'rigmark');
}

/**
 * Resolves the data dir: an explicit one wins, then `RIGMARK_DATA_DIR`, then `fallback` (Electron's userData),
 * then the OS data dir.
 */
export function resolvePaths(options: { dataDir?: string; fallbackDataDir?: string; env?: NodeJS.ProcessEnv } = {}): Paths {
  const env = options.env ?? process.env;
  const dataDir = options.dataDir || env.RIGMARK_DATA_DIR || options.fallbackDataDir || defaultDataDir();
  return {
    dataDir,
    dbFile: join(dataDir, 'rigmark.db'),
    modelsDir: join(dataDir, 'models'),
    scratchDir: join(dataDir, 'scratch'),
    logsDir: join(dataDir, 'logs'),
    referenceDir: join(dataDir, 'reference'),
  };
}
