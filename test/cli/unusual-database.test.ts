import { createHash } from 'node:crypto';
import { closeSync, openSync, readdirSync, readFileSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/core/store/open-database';
import { useTempDirs } from '../helpers/temp-dir';
import { runCli } from './run-cli';

const dataDir = useTempDirs('rigmark-cli-db-');
const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('rigmark CLI on a database that is not a sound Rigmark one (real process, real files)', () => {
  it("refuses another application's SQLite file at the data path with guidance, and leaves it byte-identical", async () => {
    const dir = dataDir();
    const file = join(dir, 'rigmark.db');
    const db = new Database(file);
    db.exec("CREATE TABLE bookmarks (url TEXT); INSERT INTO bookmarks VALUES ('https://example.org');");
    db.close();
    const before = sha256(file);
    const r = await runCli(['results'], { RIGMARK_DATA_DIR: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/is an SQLite database of another application, not Rigmark's .*move it aside/);
    expect(sha256(file)).toBe(before);
    expect(readdirSync(dir)).toEqual(['rigmark.db']);
  });

  it('refuses a Rigmark database with corrupt pages before `run` writes a run row, leaving it byte-identical', async () => {
    const dir = dataDir();
    const file = join(dir, 'rigmark.db');
    const db = openDatabase(file);
    const insert = db.prepare('INSERT INTO settings (key, value_json) VALUES (?, ?)');
    for (let i = 0; i < 2000; i++) insert.run(`key-${i}`, JSON.stringify('x'.repeat(50)));
    db.close();
    const pages = statSync(file).size / 4096;
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(3 * 4096, 0xa5), 0, 3 * 4096, 4096 * Math.floor(pages / 2));
    closeSync(fd);
    const before = sha256(file);
    const r = await runCli(['run', '--bench', 'system.cpu', '--reps', '1'], { RIGMARK_DATA_DIR: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/is damaged \(SQLite's check of its pages found: .*\)\. Rigmark will not write to it\. .*move it aside/);
    expect(sha256(file)).toBe(before);
  });
});
