import { execFileSync, spawn } from 'node:child_process';
import { createWriteStream, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRigmarkCore } from '../../src/core/app/create-core';
import { createForkLauncher } from '../../src/core/bench/runner/fork-launcher';
import type { RunDetail } from '../../src/shared/domain/results';
import { FIXTURE_WORKER_ENTRY, fixtureDefinitions } from '../fixtures/bench/fixture-definitions';
import { rtx4090Snapshot } from '../fixtures/hardware/snapshots';
import { makeTempDir } from '../helpers/temp-dir';
import { CLI, runCli, type CliResult } from './run-cli';

const LIMIT_BYTES = 50 * 1024 * 1024;
const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
function tempDir(): string {
  const t = makeTempDir('rigmark-cli-import-');
  cleanups.push(t.cleanup);
  return t.dir;
}

/** A real JSON export of a finished fixture run, measured by a throwaway core. */
let exportText: string;
beforeAll(async () => {
  const t = makeTempDir('rigmark-cli-export-');
  const core = await createRigmarkCore({ dataDir: t.dir, definitions: fixtureDefinitions, launcher: createForkLauncher({ entry: FIXTURE_WORKER_ENTRY }), detect: async () => rtx4090Snapshot() });
  try {
    const { runId } = await core.startRun({ benchmarkIds: ['fixture.steady'], repetitions: 3 });
    await core.waitForRun(runId);
    exportText = core.exportRun(runId, 'json');
  } finally {
    await core.close();
    t.cleanup();
  }
});

/**
 * Runs `rigmark import <source>` and feeds `bytes` into `sink()` (its stdin, or a FIFO it reads) in 1 MiB chunks
 * until done or the reader goes away. Resolves with the CLI's result and how many bytes the pipe took.
 */
async function importThroughPipe(source: string, env: NodeJS.ProcessEnv, bytes: Buffer | number, fifo?: string): Promise<CliResult & { written: number }> {
  const child = spawn(process.execPath, [CLI, 'import', source], { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const sink: Writable = fifo === undefined ? child.stdin : createWriteStream(fifo);
  if (fifo !== undefined) child.stdin.end();
  // A write refused (EPIPE: the CLI stopped reading and closed its end) ends the feeding.
  sink.on('error', () => undefined);
  let written = 0;
  const chunk = Buffer.alloc(1024 * 1024, 0x20);
  const total = typeof bytes === 'number' ? bytes : bytes.length;
  while (written < total) {
    const piece = typeof bytes === 'number' ? chunk.subarray(0, Math.min(chunk.length, total - written)) : bytes.subarray(written, written + chunk.length);
    const isAccepted = await new Promise<boolean>((resolve) => sink.write(piece, (error) => resolve(!error)));
    if (!isAccepted) break;
    written += piece.length;
  }
  sink.end();
  return { code: await exited, stdout, stderr, written };
}

describe('rigmark import (real process, real pipes)', () => {
  it('a refused import creates no data dir and no database', async () => {
    const dataDir = join(tempDir(), 'never-created');
    const file = join(tempDir(), 'negative.json');
    const doc = JSON.parse(exportText) as { detail: RunDetail };
    doc.detail.results[0]!.samples[1]!.value = -1;
    writeFileSync(file, JSON.stringify(doc));
    const r = await runCli(['import', file], { RIGMARK_DATA_DIR: dataDir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot import .*negative\.json: invalid run export: detail\.results\[0\] \("fixture\.steady"\)\.samples\[1\]\.value: -1 ops\/s is impossible/);
    writeFileSync(file, '{"format": "rigmark-run"');
    expect((await runCli(['import', file], { RIGMARK_DATA_DIR: dataDir })).stderr).toMatch(/not JSON/);
    expect(existsSync(dataDir)).toBe(false);
  });

  it('imports an export from standard input, then refuses the same export again naming the run', async () => {
    const dataDir = tempDir();
    const first = await importThroughPipe('-', { RIGMARK_DATA_DIR: dataDir }, Buffer.from(exportText));
    expect(first).toMatchObject({ code: 0, stdout: 'Imported run 1 from standard input\n' });
    const file = join(tempDir(), 'run.json');
    writeFileSync(file, exportText);
    const again = await runCli(['import', file], { RIGMARK_DATA_DIR: dataDir });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/this export is already stored as run 1 \(imported before, same content\): it was not imported again/);
    const list = JSON.parse((await runCli(['results', '--json'], { RIGMARK_DATA_DIR: dataDir })).stdout) as unknown[];
    expect(list).toHaveLength(1);
  });

  it('stops reading standard input at the 50 MiB limit instead of buffering 200 MB, and creates nothing', async () => {
    const dataDir = join(tempDir(), 'never-created');
    const r = await importThroughPipe('-', { RIGMARK_DATA_DIR: dataDir }, 200 * 1024 * 1024);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot read standard input: export too large: more than 52428800 bytes arrived, the limit is 52428800 bytes \(50 MiB\)/);
    // The CLI stopped reading at the limit: the pipe took the limit plus at most a chunk and the pipe's buffer.
    expect(r.written).toBeLessThan(LIMIT_BYTES + 4 * 1024 * 1024);
    expect(existsSync(dataDir)).toBe(false);
  });

  it.runIf(process.platform !== 'win32')('reads a FIFO under the same streaming limit', async () => {
    const dir = tempDir();
    const fifo = join(dir, 'export.fifo');
    execFileSync('mkfifo', [fifo]);
    const dataDir = join(dir, 'data');
    const big = await importThroughPipe(fifo, { RIGMARK_DATA_DIR: dataDir }, 120 * 1024 * 1024, fifo);
    expect(big.code).toBe(1);
    expect(big.stderr).toMatch(/cannot read .*export\.fifo: export too large/);
    expect(big.written).toBeLessThan(LIMIT_BYTES + 4 * 1024 * 1024);
    expect(existsSync(dataDir)).toBe(false);
    const ok = await importThroughPipe(fifo, { RIGMARK_DATA_DIR: dataDir }, Buffer.from(exportText), fifo);
    expect(ok).toMatchObject({ code: 0, stdout: `Imported run 1 from ${fifo}\n` });
  });
});
