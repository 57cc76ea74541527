import { DEFAULT_SETTINGS, SettingsSchema, type Settings } from '../../shared/domain/settings';
import type { Db } from './open-database';

export function createSettingsRepo(db: Db) {
  const all = db.prepare<[], { key: string; value_json: string }>('SELECT key, value_json FROM settings');
  const put = db.prepare('INSERT INTO settings (key, value_json) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json');
  return {
    /** Stored settings over the defaults; a stored value that no longer validates falls back to its default. */
    get(): Settings {
      const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
      for (const row of all.all()) merged[row.key] = JSON.parse(row.value_json);
      const parsed = SettingsSchema.safeParse(merged);
      if (parsed.success) return parsed.data;
      const repaired: Record<string, unknown> = { ...DEFAULT_SETTINGS };
      for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
        const one = SettingsSchema.shape[key].safeParse(merged[key]);
        if (one.success) repaired[key] = one.data;
      }
      return SettingsSchema.parse(repaired);
    },
    update: db.transaction((patch: Partial<Settings>): void => {
      for (const [key, value] of Object.entries(patch)) {
        if (value !== undefined) put.run(key, JSON.stringify(value));
      }
    }),
  };
}
