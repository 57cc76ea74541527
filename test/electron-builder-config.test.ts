import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// electron-builder's own loader and schema check (app-builder-lib and builder-util ship with electron-builder, at
// its version): the config is read exactly as `npm run dist` reads it, and a misspelt key fails here as it would
// there, instead of being silently ignored.
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import type { Configuration } from 'app-builder-lib';
import { DebugLogger } from 'builder-util';

const root = join(import.meta.dirname, '..');

async function loadBuilderConfig(): Promise<Configuration> {
  return getConfig(root, join(root, 'electron-builder.yml'), null);
}

describe('electron-builder.yml', () => {
  it('is a valid electron-builder configuration', async () => {
    await expect(validateConfiguration(await loadBuilderConfig(), new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('flips the fuses that close Node and debugger entry points and pin the code to a verified app.asar', async () => {
    const config = await loadBuilderConfig();
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      enableCookieEncryption: true,
    });
    // The fuses above assume an asar archive (integrity hash, asar-only loading).
    expect(config.asar).toBe(true);
  });

  it('would refuse a misspelt fuse name (so the assertion above cannot pass on a key Electron ignores)', async () => {
    const config = await loadBuilderConfig();
    const misspelt = { ...config, electronFuses: { ...config.electronFuses, runAsNod: false } } as Configuration;
    await expect(validateConfiguration(misspelt, new DebugLogger(false))).rejects.toThrow(/configuration\.electronFuses/);
  });
});
