import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { RIGMARK_APPLICATION_ID } from '../../src/core/store/application-id';
import { LATEST_SCHEMA_VERSION } from '../../src/core/store/migrations';
import { useTempDirs } from '../helpers/temp-dir';
import { runCli, startCli } from './run-cli';

const dataDir = useTempDirs('rigmark-cli-');

describe('rigmark CLI (real process, real database)', () => {
  it('detect --json prints gpus (empty here, with the reason), cpu, memory and os', async () => {
    const r = await runCli(['detect', '--json'], { RIGMARK_DATA_DIR: dataDir() });
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout) as { gpus: unknown[]; gpuReason: string | null; cpu: { threads: number }; memory: { totalMiB: number }; os: { platform: string } };
    expect(Array.isArray(s.gpus)).toBe(true);
    if (s.gpus.length === 0) expect(s.gpuReason).toMatch(/nvidia-smi/);
    expect(s.cpu.threads).toBeGreaterThan(0);
    expect(s.memory.totalMiB).toBeGreaterThan(0);
    expect(s.os.platform).toBe(process.platform);
  });

  it('bad usage exits 2 with a message', async () => {
    const dir = dataDir();
    expect((await runCli(['run'], { RIGMARK_DATA_DIR: dir })).code).toBe(2);
    const r = await runCli(['run', '--suite', 'huge'], { RIGMARK_DATA_DIR: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--suite must be quick, full or system/);
    expect((await runCli(['frobnicate'], { RIGMARK_DATA_DIR: dir })).code).toBe(2);
    expect((await runCli(['run', '--bench', 'no.such'], { RIGMARK_DATA_DIR: dir })).stderr).toMatch(/unknown benchmark no.such/);
  });

  it('refuses a database from a future schema version and leaves it byte-identical', async () => {
    const dir = dataDir();
    const file = join(dir, 'rigmark.db');
    const db = new Database(file);
    db.exec('CREATE TABLE future (x INTEGER)');
    // A newer Rigmark's database carries Rigmark's application id; without it the file is another application's.
    db.pragma(`application_id = ${RIGMARK_APPLICATION_ID}`);
    db.pragma('user_version = 99');
    db.close();
    const before = createHash('sha256').update(readFileSync(file)).digest('hex');
    const r = await runCli(['results'], { RIGMARK_DATA_DIR: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`newer Rigmark \\(schema version 99; this Rigmark knows up to version ${LATEST_SCHEMA_VERSION}\\)`));
    expect(createHash('sha256').update(readFileSync(file)).digest('hex')).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(['rigmark.db']);
  });

  it('refuses a file that is not a database with a clear message and keeps it', async () => {
    const dir = dataDir();
    const file = join(dir, 'rigmark.db');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, 'this is not sqlite'.repeat(100));
    const r = await runCli(['results'], { RIGMARK_DATA_DIR: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/not a readable Rigmark database|not a database/);
    expect(readFileSync(file, 'utf8')).toBe('this is not sqlite'.repeat(100));
  });

  it('SIGKILL on the CLI mid-run: the next command shows the run interrupted with its samples, no scratch left', async () => {
    const dir = dataDir();
    const child = startCli(['run', '--bench', 'system.disk-write', '--reps', '8', '--json'], { RIGMARK_DATA_DIR: dir });
    await new Promise<void>((resolve, reject) => {
      let buffer = '';
      child.stdout?.on('data', (c: Buffer) => {
        buffer += c.toString();
        // Two samples in: the warm-up and one counted repetition are stored; kill the CLI without warning.
        if ((buffer.match(/"type":"sample"/g) ?? []).length >= 2) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('exit', () => reject(new Error(`CLI exited before two samples: ${buffer}`)));
    });
    await new Promise((r) => child.on('exit', r));
    // The orphaned worker notices its parent is gone and removes its scratch file; give it a moment.
    await waitFor(() => !existsSync(join(dir, 'scratch')) || readdirSync(join(dir, 'scratch')).length === 0, 10_000);
    const r = await runCli(['results', '--json'], { RIGMARK_DATA_DIR: dir });
    expect(r.code).toBe(0);
    const [run] = JSON.parse(r.stdout) as { run: { status: string }; results: { status: string; samples: unknown[] }[] }[];
    expect(run?.run.status).toBe('interrupted');
    expect(run?.results[0]?.status).toBe('interrupted');
    expect(run?.results[0]?.samples.length).toBeGreaterThanOrEqual(2);
    expect(existsSync(join(dir, 'scratch')) ? readdirSync(join(dir, 'scratch')) : []).toEqual([]);
    const db = new Database(join(dir, 'rigmark.db'), { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('import of a bad file exits 1 with the reason and stores nothing', async () => {
    const dir = dataDir();
    const file = join(dir, 'not-an-export.json');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, JSON.stringify({ format: 'rigmark-run', formatVersion: 7, rows: [], detail: {} }));
    const r = await runCli(['import', file], { RIGMARK_DATA_DIR: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot import .*not-an-export\.json: export formatVersion 7 is newer than this Rigmark reads \(formatVersion 1\)/);
    const missing = await runCli(['import', join(dir, 'missing.json')], { RIGMARK_DATA_DIR: dir });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/cannot read .*missing\.json/);
    expect(JSON.parse((await runCli(['results', '--json'], { RIGMARK_DATA_DIR: dir })).stdout)).toEqual([]);
  });
});

async function waitFor(check: () => boolean, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check() && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
}
