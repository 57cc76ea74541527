import { describe, expect, it } from 'vitest';
import { copyGBps, fitCopyBytes, patternWord, verifyCopy } from './bandwidth';

describe('verifyCopy', () => {
  const window = (first: number, count: number): Uint32Array => Uint32Array.from({ length: count }, (_, i) => patternWord(first + i));

  it('accepts destination words equal to the source pattern', () => {
    expect(() => verifyCopy(window(1000, 256), 1000)).not.toThrow();
  });

  it('rejects a corrupted word, a shifted window and an unwritten (zero) destination', () => {
    const corrupted = window(0, 256);
    corrupted[17] = corrupted[17]! ^ 1;
    expect(() => verifyCopy(corrupted, 0)).toThrow(/result verification failed: word 17/);
    expect(() => verifyCopy(window(4, 256), 0)).toThrow(/result verification failed/);
    expect(() => verifyCopy(new Uint32Array(256), 0)).toThrow(/result verification failed: word 0 is 0x0/);
  });
});

describe('copy sizing and units', () => {
  it('caps the buffer by the binding and buffer limits, in whole 4 KiB workgroups', () => {
    expect(fitCopyBytes(256 * 2 ** 20, 128 * 2 ** 20, 2 ** 30)).toBe(128 * 2 ** 20);
    expect(fitCopyBytes(10_000, 2 ** 30, 2 ** 30)).toBe(8192);
    expect(fitCopyBytes(1, 2 ** 30, 2 ** 30)).toBe(4096);
  });

  it('counts read + write: one 1 GB copy per second is 2 GB/s', () => {
    expect(copyGBps(1e9, 1, 1000)).toBe(2);
  });
});
