import type { FileHandle } from 'node:fs/promises';

/** Thrown by {@link FileCursor} when a read would pass the end of the file. */
export class EndOfFileError extends Error {
  constructor(readonly position: number) {
    super(`Unexpected end of file at byte ${position}`);
    this.name = 'EndOfFileError';
  }
}

/** Bytes read from disk per refill: the GGUF header of a 128k-token vocabulary is a few MB, read in a few steps. */
const WINDOW_BYTES = 1024 * 1024;

/**
 * Sequential little-endian reads over a file through a sliding window, so a GGUF header is parsed without reading
 * tensor data. Call `need(n)` before reading `n` bytes synchronously.
 */
export class FileCursor {
  private window = Buffer.alloc(0);
  private windowStart = 0;
  position = 0;

  constructor(
    private readonly handle: FileHandle,
    readonly fileBytes: number,
  ) {}

  /** Bytes between the cursor and the end of the file. */
  get remaining(): number {
    return this.fileBytes - this.position;
  }

  /**
   * Makes the next `n` bytes available to the synchronous readers.
   * @throws EndOfFileError when fewer than `n` bytes remain in the file.
   */
  async need(n: number): Promise<void> {
    if (n > this.remaining) throw new EndOfFileError(this.position);
    if (this.position >= this.windowStart && this.position + n <= this.windowStart + this.window.length) return;
    const length = Math.min(Math.max(n, WINDOW_BYTES), this.remaining);
    const buffer = Buffer.alloc(length);
    let filled = 0;
    while (filled < length) {
      const { bytesRead } = await this.handle.read(buffer, filled, length - filled, this.position + filled);
      if (bytesRead === 0) throw new EndOfFileError(this.position + filled);
      filled += bytesRead;
    }
    this.window = buffer;
    this.windowStart = this.position;
  }

  /** Advances past `n` bytes without reading them. @throws EndOfFileError past the end of the file. */
  skip(n: number): void {
    if (n > this.remaining) throw new EndOfFileError(this.position);
    this.position += n;
  }

  private at(n: number): number {
    const offset = this.position - this.windowStart;
    this.position += n;
    return offset;
  }

  u8(): number {
    return this.window.readUInt8(this.at(1));
  }

  u32(): number {
    return this.window.readUInt32LE(this.at(4));
  }

  /** A u64 as a number; values beyond 2^53 lose precision, which no sane count or offset reaches. */
  u64(): number {
    return Number(this.window.readBigUInt64LE(this.at(8)));
  }

  bytes(n: number): Buffer {
    const offset = this.at(n);
    return this.window.subarray(offset, offset + n);
  }

  /** Reads one fixed-size scalar of GGUF value type `type` (see constants.ts). */
  scalar(type: number): number | bigint | boolean {
    switch (type) {
      case 0: return this.window.readUInt8(this.at(1));
      case 1: return this.window.readInt8(this.at(1));
      case 2: return this.window.readUInt16LE(this.at(2));
      case 3: return this.window.readInt16LE(this.at(2));
      case 4: return this.window.readUInt32LE(this.at(4));
      case 5: return this.window.readInt32LE(this.at(4));
      case 6: return this.window.readFloatLE(this.at(4));
      case 7: return this.window.readUInt8(this.at(1)) !== 0;
      case 10: return safeInteger(this.window.readBigUInt64LE(this.at(8)));
      case 11: return safeInteger(this.window.readBigInt64LE(this.at(8)));
      case 12: return this.window.readDoubleLE(this.at(8));
      default: throw new Error(`Not a scalar GGUF type: ${type}`);
    }
  }
}

function safeInteger(value: bigint): number | bigint {
  return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(value) : value;
}
