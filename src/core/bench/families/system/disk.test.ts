import { existsSync, statSync } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UnavailableError } from '../../worker/types';
import { createDiskReadBenchmark, createDiskWriteBenchmark } from './disk';
import { chooseReadMode, hasStamp, makeBlock, stampBlock } from './disk-io';
import { makeWorkerContext } from '../../../../../test/helpers/worker-context';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rigmark-disk-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const small = { sizeMiB: 8, blockKiB: 1024 };

describe('system.disk-write', () => {
  it('writes the whole file, reports positive MB/s and removes the file in teardown', async () => {
    const bench = createDiskWriteBenchmark();
    const ctx = makeWorkerContext('system.disk-write', small, { scratchDir: dir });
    const state = await bench.setup(ctx);
    const m = await bench.measure(state, ctx, 0);
    expect(Number.isFinite(m.value)).toBe(true);
    expect(m.value).toBeGreaterThan(0);
    const file = join(dir, 'rigmark-disk-write.bin');
    expect(statSync(file).size).toBe(8 * 1024 * 1024);
    expect(bench.identity(state, ctx)).toMatchObject({ sizeMiB: 8, blockKiB: 1024, isDirectIo: false, sync: 'fsync' });
    expect(typeof bench.identity(state, ctx)['filesystem']).toBe('string');
    await bench.teardown?.(state);
    expect(existsSync(file)).toBe(false);
  });

  it('is unavailable in setup when the scratch disk is nearly full', async () => {
    const bench = createDiskWriteBenchmark({ statfs: async () => ({ bavail: 10, bsize: 4096, type: 0 }) });
    const ctx = makeWorkerContext('system.disk-write', { sizeMiB: 1024 }, { scratchDir: dir });
    await expect(bench.setup(ctx)).rejects.toBeInstanceOf(UnavailableError);
  });
});

describe('system.disk-read', () => {
  it('creates its file in setup, reads it at positive MB/s, labels the cache mode and cleans up', async () => {
    const bench = createDiskReadBenchmark();
    const ctx = makeWorkerContext('system.disk-read', small, { scratchDir: dir });
    const state = await bench.setup(ctx);
    const file = join(dir, 'rigmark-disk-read.bin');
    expect(statSync(file).size).toBe(8 * 1024 * 1024);
    const m = await bench.measure(state, ctx, 0);
    expect(m.value).toBeGreaterThan(0);
    const identity = bench.identity(state, ctx);
    expect(typeof identity['isDirectIo']).toBe('boolean');
    expect(identity['cached']).toBe(!identity['isDirectIo']);
    const notes = bench.notes?.(state) ?? [];
    expect(notes.some((n) => /page cache|tmpfs/.test(n))).toBe(identity['cached']);
    await bench.teardown?.(state);
    expect(existsSync(file)).toBe(false);
  });

  it('fails verification when a block of the file holds other data', async () => {
    const bench = createDiskReadBenchmark();
    const ctx = makeWorkerContext('system.disk-read', small, { scratchDir: dir });
    const state = await bench.setup(ctx);
    try {
      const fh = await open(join(dir, 'rigmark-disk-read.bin'), 'r+');
      await fh.write(Buffer.alloc(4096, 0xee), 0, 4096, 3 * 1024 * 1024);
      await fh.sync();
      await fh.close();
      await expect(bench.measure(state, ctx, 0)).rejects.toThrow(/result verification failed: block at offset 3145728/);
    } finally {
      await bench.teardown?.(state);
    }
  });
});

describe('disk I/O helpers', () => {
  it('stamps every page with its file offset', () => {
    const block = makeBlock(16384);
    stampBlock(block, 2 ** 33 + 4096);
    expect(hasStamp(block, 2 ** 33 + 4096)).toBe(true);
    expect(hasStamp(block.subarray(4096), 2 ** 33 + 8192)).toBe(true);
    expect(hasStamp(block, 4096)).toBe(false);
  });

  it('falls back to buffered reads with a reason where the platform has no O_DIRECT', async () => {
    const mode = await chooseReadMode('/unused', 8192, { directFlag: undefined });
    expect(mode).toMatchObject({ isDirectIo: false, fallbackReason: expect.stringMatching(/no O_DIRECT/) });
    expect(mode.buffer.length).toBe(8192);
  });

  it('falls back when the filesystem refuses O_DIRECT at open (EINVAL)', async () => {
    const einval = Object.assign(new Error('EINVAL'), { code: 'EINVAL' });
    const mode = await chooseReadMode('/unused', 8192, { directFlag: 0o40000, open: async () => Promise.reject(einval) });
    expect(mode).toMatchObject({ isDirectIo: false, fallbackReason: 'the filesystem refused O_DIRECT' });
  });

  it('falls back when every buffer alignment is refused, and closes the file', async () => {
    const einval = Object.assign(new Error('EINVAL'), { code: 'EINVAL' });
    let isClosed = false;
    const handle = {
      read: async () => Promise.reject(einval),
      close: async () => {
        isClosed = true;
      },
    };
    const mode = await chooseReadMode('/unused', 8192, { directFlag: 0o40000, open: async () => handle as never });
    expect(mode.isDirectIo).toBe(false);
    expect(mode.fallbackReason).toMatch(/alignment/);
    expect(isClosed).toBe(true);
  });

  it('uses O_DIRECT with a block-sized view when the kernel accepts a read', async () => {
    const handle = { read: async () => ({ bytesRead: 4096, buffer: Buffer.alloc(0) }), close: async () => undefined };
    const mode = await chooseReadMode('/unused', 8192, { directFlag: 0o40000, open: async () => handle as never });
    expect(mode).toMatchObject({ isDirectIo: true, fallbackReason: null });
    expect(mode.buffer.length).toBe(8192);
  });
});
