import { describe, expect, it } from 'vitest';
import type { AvailabilityContext } from '../../definition';
import { diskAvailability } from './definitions';
import { DISK_MIN_BYTES, filesystemName, freeSpaceOf, planDiskSize, type StatFsFn } from './disk-size';
import { MIB } from './params';

const GIB = 1024 * MIB;

/** A statfs stand-in: `free` bytes available, ext4, and ENOENT for paths listed as missing. */
function fakeStatfs(free: number, missing: string[] = []): StatFsFn & { calls: string[] } {
  const calls: string[] = [];
  const fn = async (path: string) => {
    calls.push(path);
    if (missing.includes(path)) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
    return { bavail: free / 4096, bsize: 4096, type: 0xef53 };
  };
  return Object.assign(fn, { calls });
}

describe('planDiskSize', () => {
  it('uses the requested size when it is at most 25 % of free space', () => {
    expect(planDiskSize(GIB, 4 * MIB, 4 * GIB, '/d')).toMatchObject({ isAvailable: true, bytes: GIB, blockBytes: 4 * MIB, isReduced: false });
  });

  it('shrinks to 25 % of free space, in whole blocks, when free space is short', () => {
    const plan = planDiskSize(GIB, 4 * MIB, 2 * GIB + 123_456, '/d');
    expect(plan).toMatchObject({ isAvailable: true, bytes: 512 * MIB, isReduced: true });
  });

  it('is unavailable below the floor, with the free space and the fix in the message', () => {
    const plan = planDiskSize(GIB, 4 * MIB, 200 * MIB, '/data');
    expect(plan.isAvailable).toBe(false);
    if (plan.isAvailable) return;
    expect(plan.reason).toMatch(/200 MiB free in \/data/);
    expect(plan.howToEnable).toMatch(/256 MiB/);
  });

  it('allows a small requested size on a nearly full disk (the floor only limits shrinking)', () => {
    expect(planDiskSize(8 * MIB, 4 * MIB, 100 * MIB, '/d')).toMatchObject({ isAvailable: true, bytes: 8 * MIB });
    expect(DISK_MIN_BYTES).toBe(64 * MIB);
  });

  it('shrinks the block to the file when the file is smaller than one block, keeping 4 KiB alignment', () => {
    expect(planDiskSize(MIB + 100, 4 * MIB, 4 * GIB, '/d')).toMatchObject({ bytes: MIB, blockBytes: MIB });
  });
});

describe('freeSpaceOf', () => {
  it('reads bavail × bsize and names the filesystem', async () => {
    expect(await freeSpaceOf('/x', fakeStatfs(3 * GIB))).toEqual({ freeBytes: 3 * GIB, filesystem: 'ext4' });
  });

  it('walks up to the nearest existing folder when the data dir does not exist yet', async () => {
    const statfs = fakeStatfs(GIB, ['/a/b/c', '/a/b']);
    await freeSpaceOf('/a/b/c', statfs);
    expect(statfs.calls).toEqual(['/a/b/c', '/a/b', '/a']);
  });

  it('names unknown filesystem types by their magic number', () => {
    expect(filesystemName(0x1234)).toBe('type-0x1234');
  });
});

describe('disk availability (parent side)', () => {
  const ctx = (params: Record<string, unknown>): AvailabilityContext =>
    ({ dataDir: '/data', params, settings: {}, snapshot: {} }) as unknown as AvailabilityContext;

  it('is unavailable with a reason when free space is below the floor', async () => {
    const availability = await diskAvailability(fakeStatfs(100 * MIB))(ctx({}));
    expect(availability).toMatchObject({ isAvailable: false, reason: expect.stringMatching(/not enough free disk space/) });
  });

  it('is available when the user asked for a file that fits', async () => {
    expect(await diskAvailability(fakeStatfs(100 * MIB))(ctx({ sizeMiB: 16 }))).toEqual({ isAvailable: true });
  });
});
