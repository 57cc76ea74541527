import { statfs as fsStatfs } from 'node:fs/promises';
import { dirname } from 'node:path';
import { MIB } from './params';

/** The disk test never takes more than this share of the free space. */
export const DISK_MAX_FREE_FRACTION = 0.25;
/** Below this (when even the reduced size would be smaller) the disk test is unavailable: figures would be noise. */
export const DISK_MIN_BYTES = 64 * MIB;
/** O_DIRECT needs sizes and offsets in whole logical blocks; 4 KiB covers 512 B and 4 KiB sector disks. */
export const DISK_ALIGN_BYTES = 4096;

/** The subset of `fs.statfs` the sizing rule reads; injectable for tests. */
export type StatFsFn = (path: string) => Promise<{ bavail: number; bsize: number; type: number }>;

export type DiskSizePlan =
  | { isAvailable: true; bytes: number; blockBytes: number; freeBytes: number; isReduced: boolean }
  | { isAvailable: false; reason: string; howToEnable: string };

/**
 * The sizing rule: use the requested size when it is at most 25 % of free space; otherwise shrink to 25 % of free
 * space if that is still ≥ 64 MiB; otherwise unavailable. The size is rounded down to whole blocks, and the block
 * shrinks (to whole 4 KiB) when the file is smaller than one block.
 * @param requestedBytes file size asked for, bytes. @param blockBytes bytes per I/O call. @param freeBytes free
 * space available to this user on the target filesystem, bytes. @param dir shown in the reason.
 */
export function planDiskSize(requestedBytes: number, blockBytes: number, freeBytes: number, dir: string): DiskSizePlan {
  const cap = Math.floor(freeBytes * DISK_MAX_FREE_FRACTION);
  let bytes = requestedBytes;
  if (requestedBytes > cap) {
    if (cap < DISK_MIN_BYTES) {
      const minFreeMiB = Math.ceil(DISK_MIN_BYTES / DISK_MAX_FREE_FRACTION / MIB);
      return {
        isAvailable: false,
        reason: `not enough free disk space: ${Math.floor(freeBytes / MIB)} MiB free in ${dir}; the disk test needs at least ${minFreeMiB} MiB free (it uses at most 25 % of free space)`,
        howToEnable: `free at least ${minFreeMiB} MiB on the disk holding ${dir}`,
      };
    }
    bytes = cap;
  }
  const block = Math.max(DISK_ALIGN_BYTES, alignDown(Math.min(blockBytes, bytes), DISK_ALIGN_BYTES));
  const fileBytes = Math.max(block, alignDown(bytes, block));
  return { isAvailable: true, bytes: fileBytes, blockBytes: block, freeBytes, isReduced: requestedBytes > cap };
}

function alignDown(value: number, unit: number): number {
  return Math.floor(value / unit) * unit;
}

/**
 * Free space (bytes available to this user) and filesystem type of the filesystem holding `dir`. Walks up to the
 * nearest existing ancestor, so the parent can ask before the data dir has been created.
 */
export async function freeSpaceOf(
  dir: string,
  statfs: StatFsFn = fsStatfs,
): Promise<{ freeBytes: number; filesystem: string }> {
  let path = dir;
  for (;;) {
    try {
      const s = await statfs(path);
      return { freeBytes: s.bavail * s.bsize, filesystem: filesystemName(s.type) };
    } catch (error) {
      const parent = dirname(path);
      if (!isNotFound(error) || parent === path) throw error;
      path = parent;
    }
  }
}

function isNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'ENOENT';
}

// Linux statfs f_type magic numbers (linux/magic.h) for the filesystems users are likely to run on.
const FS_NAMES: Record<number, string> = {
  0xef53: 'ext4',
  0x58465342: 'xfs',
  0x9123683e: 'btrfs',
  0x2fc12fc1: 'zfs',
  0x01021994: 'tmpfs',
  0x794c7630: 'overlayfs',
  0x6969: 'nfs',
  0xff534d42: 'cifs',
  0x65735546: 'fuse',
  0x5346544e: 'ntfs',
  0x4d44: 'vfat',
  0xf15f: 'ecryptfs',
};

/** A readable filesystem name for a statfs type (Linux magic numbers); `type-0x…` when unknown or elsewhere. */
export function filesystemName(type: number): string {
  return FS_NAMES[type] ?? `type-0x${(type >>> 0).toString(16)}`;
}
