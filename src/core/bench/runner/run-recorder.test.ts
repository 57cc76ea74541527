import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createRunRecorder, storeFaultKind } from './run-recorder';

/** A real SQLite database whose file may not grow: every new page is refused with SQLITE_FULL, as on a full disk. */
function fullDatabase() {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE t (x BLOB)');
  db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
  const insert = db.prepare('INSERT INTO t VALUES (zeroblob(8192))');
  return { db, insert: () => void insert.run(), count: () => (db.prepare('SELECT COUNT(*) AS n FROM t').get() as { n: number }).n, free: () => void db.pragma('max_page_count = 1073741823') };
}

describe('run recorder', () => {
  it('classifies SQLite lock and full-disk answers as worth retrying, others not', () => {
    expect(storeFaultKind({ code: 'SQLITE_BUSY' })).toBe('locked');
    expect(storeFaultKind({ code: 'SQLITE_BUSY_SNAPSHOT' })).toBe('locked');
    expect(storeFaultKind({ code: 'SQLITE_FULL' })).toBe('disk-full');
    expect(storeFaultKind({ code: 'SQLITE_CONSTRAINT_CHECK' })).toBeNull();
  });

  it('keeps writes refused with a real SQLITE_FULL and lands them in order once space is freed', async () => {
    const d = fullDatabase();
    const recorder = createRunRecorder({ retryDelaysMs: [10] });
    recorder.write(d.insert);
    recorder.write(d.insert);
    expect(recorder.pending()).toBe(2);
    d.free();
    expect(await recorder.drain(2000)).toBe(true);
    expect(d.count()).toBe(2);
    expect(recorder.outage()).toBeNull();
  });

  it('declares a disk-full outage once writes have been refused past the limit, and still lands them later', async () => {
    const d = fullDatabase();
    const outages: string[] = [];
    const recorder = createRunRecorder({ retryDelaysMs: [10], outageLimitMs: 100, onOutage: (o) => outages.push(o.message) });
    recorder.write(d.insert);
    expect(await recorder.drain(400)).toBe(false);
    expect(outages).toEqual([expect.stringMatching(/^disk full/)]);
    d.free();
    expect(await recorder.drain(2000)).toBe(true);
    expect(d.count()).toBe(1);
  });

  it('an error retrying cannot cure is an outage at once; the writes behind it still land', async () => {
    const d = fullDatabase();
    d.free();
    const outages: string[] = [];
    const recorder = createRunRecorder({ onOutage: (o) => outages.push(o.message) });
    recorder.write(() => d.db.exec('INSERT INTO no_such_table VALUES (1)'));
    recorder.write(d.insert);
    expect(outages).toEqual([expect.stringMatching(/refused a write: no such table/)]);
    expect(d.count()).toBe(1);
  });

  it('a queue past its bound is an outage (memory stays bounded)', () => {
    const d = fullDatabase();
    const outages: string[] = [];
    const recorder = createRunRecorder({ maxPending: 3, retryDelaysMs: [10_000], onOutage: (o) => outages.push(o.message) });
    for (let i = 0; i < 4; i += 1) recorder.write(d.insert);
    expect(outages).toHaveLength(1);
    expect(recorder.stop()).toBe(4);
  });
});
