import { randomFillSync } from 'node:crypto';
import { constants, type promises as fsp } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import { DISK_ALIGN_BYTES } from './disk-size';

type FileHandle = fsp.FileHandle;

/** Random (incompressible) bytes, so compressing filesystems or SSD controllers cannot shrink the work. */
export function makeBlock(blockBytes: number): Buffer {
  return randomFillSync(Buffer.allocUnsafe(blockBytes));
}

/**
 * Writes the file offset into the first 8 bytes of every 4 KiB page of `block`, so no two pages of the file are
 * equal (deduplicating storage cannot skip them) and a read can check it got the right block back.
 */
export function stampBlock(block: Buffer, fileOffset: number): void {
  for (let page = 0; page + 8 <= block.length; page += DISK_ALIGN_BYTES) {
    const value = fileOffset + page;
    block.writeUInt32LE(value % 2 ** 32, page);
    block.writeUInt32LE(Math.floor(value / 2 ** 32), page + 4);
  }
}

/** True when the first page of `block` carries the stamp of `fileOffset`. */
export function hasStamp(block: Buffer, fileOffset: number): boolean {
  return block.readUInt32LE(0) === fileOffset % 2 ** 32 && block.readUInt32LE(4) === Math.floor(fileOffset / 2 ** 32);
}

/**
 * Writes `totalBytes` sequentially in `block`-sized calls to a new file, then fsyncs and closes it.
 * @returns wall time from open to the end of close, ms (fsync included: data is on the device).
 */
export async function writeSequential(path: string, totalBytes: number, block: Buffer, signal: AbortSignal): Promise<number> {
  await rm(path, { force: true });
  const startMs = performance.now();
  const fh = await open(path, 'w');
  try {
    for (let offset = 0; offset < totalBytes; offset += block.length) {
      signal.throwIfAborted();
      // Stamping costs ~1 µs per 4 MiB block; it keeps every page unique (see stampBlock).
      stampBlock(block, offset);
      await writeFully(fh, block, offset);
    }
    await fh.sync();
  } finally {
    await fh.close();
  }
  return performance.now() - startMs;
}

async function writeFully(fh: FileHandle, block: Buffer, offset: number): Promise<void> {
  let done = 0;
  while (done < block.length) {
    const { bytesWritten } = await fh.write(block, done, block.length - done, offset + done);
    if (bytesWritten <= 0) throw new Error(`write made no progress at offset ${offset + done}`);
    done += bytesWritten;
  }
}

/** How the read test opens its file. */
export interface ReadMode {
  isDirectIo: boolean;
  /** The buffer reads land in: aligned to the device's logical block when `isDirectIo`. */
  buffer: Buffer;
  /** Why O_DIRECT is not used, when it is not. */
  fallbackReason: string | null;
}

/** What chooseReadMode needs from the platform; injectable so tests can play a filesystem that refuses O_DIRECT. */
export interface ReadModeDeps {
  /** `fs.constants.O_DIRECT`; undefined where the platform has none (macOS, Windows). */
  directFlag?: number | undefined;
  open?: (path: string, flags: number) => Promise<Pick<FileHandle, 'read' | 'close'>>;
}

/**
 * Decides whether the read test can bypass the page cache with O_DIRECT (Linux). JS cannot see buffer addresses,
 * so it over-allocates by 4 KiB and probes 16-byte steps of offset with a one-page read until the kernel accepts
 * one: that subarray is aligned (backing stores never move, so it stays aligned). Falls back to buffered reads
 * when the platform lacks O_DIRECT or the filesystem refuses it (EINVAL).
 */
export async function chooseReadMode(
  path: string,
  blockBytes: number,
  deps: ReadModeDeps = { directFlag: (constants as Record<string, number | undefined>)['O_DIRECT'], open },
): Promise<ReadMode> {
  const buffered = (reason: string): ReadMode => ({ isDirectIo: false, buffer: Buffer.allocUnsafe(blockBytes), fallbackReason: reason });
  const { directFlag, open: openFile = open } = deps;
  if (directFlag === undefined) return buffered(`no O_DIRECT on ${process.platform}`);
  let fh: Pick<FileHandle, 'read' | 'close'>;
  try {
    fh = await openFile(path, constants.O_RDONLY | directFlag);
  } catch (error) {
    if (errorCode(error) !== 'EINVAL') throw error;
    return buffered('the filesystem refused O_DIRECT');
  }
  try {
    const raw = Buffer.allocUnsafeSlow(blockBytes + DISK_ALIGN_BYTES);
    for (let offset = 0; offset < DISK_ALIGN_BYTES; offset += 16) {
      const view = raw.subarray(offset, offset + blockBytes);
      try {
        await fh.read(view, 0, DISK_ALIGN_BYTES, 0);
        return { isDirectIo: true, buffer: view, fallbackReason: null };
      } catch (error) {
        if (errorCode(error) !== 'EINVAL') throw error;
      }
    }
  } finally {
    await fh.close();
  }
  return buffered('no buffer alignment was accepted for O_DIRECT reads');
}

/**
 * Reads the whole file sequentially into `mode.buffer`, checking each block's stamp.
 * @returns wall time from open to the end of close, ms.
 * @throws Error 'result verification failed: …' when a block holds the wrong data; Error on a short read.
 */
export async function readSequential(path: string, totalBytes: number, mode: ReadMode, signal: AbortSignal): Promise<number> {
  const flags = constants.O_RDONLY | (mode.isDirectIo ? (constants.O_DIRECT ?? 0) : 0);
  const block = mode.buffer;
  const startMs = performance.now();
  const fh = await open(path, flags);
  try {
    for (let offset = 0; offset < totalBytes; offset += block.length) {
      signal.throwIfAborted();
      const { bytesRead } = await fh.read(block, 0, block.length, offset);
      if (bytesRead !== block.length) throw new Error(`short read at offset ${offset}: ${bytesRead} of ${block.length} bytes`);
      if (!hasStamp(block, offset)) throw new Error(`result verification failed: block at offset ${offset} holds other data`);
    }
  } finally {
    await fh.close();
  }
  return performance.now() - startMs;
}

function errorCode(error: unknown): unknown {
  return typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
}
