import type { Db } from './open-database';

/** SQLite-backed cache for model file hashes, keyed by path + size + mtime (models/file-hash.ts builds the key). */
export function createModelHashRepo(db: Db) {
  const get = db.prepare<[string], { sha256: string }>('SELECT sha256 FROM model_hashes WHERE cache_key = ?');
  const put = db.prepare(
    'INSERT INTO model_hashes (cache_key, sha256, hashed_at) VALUES (?, ?, ?) ON CONFLICT(cache_key) DO UPDATE SET sha256 = excluded.sha256',
  );
  return {
    get: (key: string): string | undefined => get.get(key)?.sha256,
    set: (key: string, sha256: string): void => void put.run(key, sha256, new Date().toISOString()),
  };
}
