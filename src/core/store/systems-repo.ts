import type { SystemSnapshot } from '../../shared/domain/system';
import { SystemSnapshotSchema } from '../../shared/domain/system';
import type { Db } from './open-database';

/** A short human label for a snapshot: the first GPU, else the CPU. */
export function systemLabel(s: SystemSnapshot): string {
  const gpu = s.gpus[0];
  return gpu ? `${gpu.name} · ${s.cpu.model}` : `${s.cpu.model} (no GPU)`;
}

export function createSystemsRepo(db: Db) {
  const findByHash = db.prepare<[string], { id: number }>('SELECT id FROM systems WHERE hash = ?');
  const insert = db.prepare(
    'INSERT INTO systems (hash, label, snapshot_json, first_seen_at) VALUES (@hash, @label, @json, @at)',
  );
  const insertDevice = db.prepare(
    'INSERT INTO devices (system_id, device_index, vendor, name, vram_mib) VALUES (?, ?, ?, ?, ?)',
  );
  const byId = db.prepare<[number], { snapshot_json: string }>('SELECT snapshot_json FROM systems WHERE id = ?');

  return {
    /** Stores a snapshot once per content hash (volatile fields excluded by the caller's hash) and returns its id. */
    upsert: db.transaction((snapshot: SystemSnapshot, hash: string): number => {
      const existing = findByHash.get(hash);
      if (existing) return existing.id;
      const info = insert.run({ hash, label: systemLabel(snapshot), json: JSON.stringify(snapshot), at: snapshot.capturedAt });
      const id = Number(info.lastInsertRowid);
      for (const gpu of snapshot.gpus) insertDevice.run(id, gpu.index, gpu.vendor, gpu.name, gpu.vramMiB);
      return id;
    }),
    get(id: number): SystemSnapshot | null {
      const row = byId.get(id);
      return row ? SystemSnapshotSchema.parse(JSON.parse(row.snapshot_json)) : null;
    },
  };
}
export type SystemsRepo = ReturnType<typeof createSystemsRepo>;
