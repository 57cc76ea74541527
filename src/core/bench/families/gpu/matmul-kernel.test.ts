import { describe, expect, it } from 'vitest';
import { fromHalfBits, toHalfBits } from './half';
import { fitMatrixSide, gemmGflops } from './matmul';
import {
  decodeOutput,
  makeMatmulInputs,
  matmulShader,
  matmulWorkgroupBytes,
  samplePositions,
  verifyMatmul,
  type MatmulInputs,
} from './matmul-kernel';

/** C = A·B on the CPU, rounding each product and partial sum like the kernel's element type would. */
function cpuGemm(inputs: MatmulInputs, n: number, round: (x: number) => number): Float64Array {
  const c = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let acc = 0;
      for (let k = 0; k < n; k++) acc = round(acc + round(inputs.aValues[i * n + k]! * inputs.bValues[k * n + j]!));
      c[i * n + j] = acc;
    }
  }
  return c;
}

const toF32 = Math.fround;
const toF16 = (x: number): number => fromHalfBits(toHalfBits(x));

describe('verifyMatmul', () => {
  it('accepts a correct f32 product', () => {
    const inputs = makeMatmulInputs(64, 'f32');
    expect(() => verifyMatmul(inputs, cpuGemm(inputs, 64, toF32), 64, 'f32')).not.toThrow();
  });

  it('accepts an f16 product with f16 rounding at every step', () => {
    const inputs = makeMatmulInputs(128, 'f16');
    expect(() => verifyMatmul(inputs, cpuGemm(inputs, 128, toF16), 128, 'f16')).not.toThrow();
  });

  it('rejects a result with one wrong element, naming it', () => {
    const inputs = makeMatmulInputs(64, 'f32');
    const c = cpuGemm(inputs, 64, toF32);
    c[5 * 64 + 9] = c[5 * 64 + 9]! + 0.5;
    expect(() => verifyMatmul(inputs, c, 64, 'f32')).toThrow(/result verification failed: C\[5\]\[9\].*\(1 of 4096/);
  });

  it('rejects the transposed product (a wrong kernel indexing), also at f16 tolerance', () => {
    const inputs = makeMatmulInputs(128, 'f16');
    const c = cpuGemm(inputs, 128, (x) => x);
    const transposed = new Float64Array(c.length);
    for (let i = 0; i < 128; i++) for (let j = 0; j < 128; j++) transposed[j * 128 + i] = c[i * 128 + j]!;
    expect(() => verifyMatmul(inputs, transposed, 128, 'f16')).toThrow(/result verification failed/);
  });

  it('rejects an all-zero output (a kernel that never wrote)', () => {
    const inputs = makeMatmulInputs(64, 'f32');
    expect(() => verifyMatmul(inputs, new Float64Array(64 * 64), 64, 'f32')).toThrow(/result verification failed/);
  });

  it('reads back f16 and f32 outputs bit-exactly', () => {
    expect([...decodeOutput(Uint16Array.of(0x3c00, 0xc000).buffer, 'f16')]).toEqual([1, -2]);
    expect([...decodeOutput(Float32Array.of(0.5, -3).buffer, 'f32')]).toEqual([0.5, -3]);
  });
});

describe('matmul inputs and sampling', () => {
  it('produces multiples of 1/8 in [-1, 1], identical for f16 and f32', () => {
    const f32 = makeMatmulInputs(64, 'f32');
    const f16 = makeMatmulInputs(64, 'f16');
    expect([...f32.aValues]).toEqual([...f16.aValues]);
    expect(f32.aValues.every((v) => Number.isInteger(v * 8) && Math.abs(v) <= 1)).toBe(true);
    expect(f16.aBytes.byteLength).toBe(64 * 64 * 2);
    expect(new Set(f32.aValues).size).toBe(17);
  });

  it('checks every element up to 256×256 and 4,100 spread positions with the corners above', () => {
    expect(samplePositions(128)).toHaveLength(128 * 128);
    const big = samplePositions(1024);
    expect(big).toHaveLength(4100);
    expect(big).toEqual(expect.arrayContaining([0, 1023, 1024 * 1023, 1024 * 1024 - 1]));
    expect(new Set(big.map((p) => Math.floor(p / 1024 / 64) * 16 + Math.floor((p % 1024) / 64))).size).toBe(256);
  });
});

describe('matmul sizing and units', () => {
  it('rounds N down to the 64 tile and caps it by the storage binding limit', () => {
    expect(fitMatrixSide(1000, 4, 2 ** 30, 2 ** 30)).toBe(960);
    expect(fitMatrixSide(16384, 4, 128 * 2 ** 20, 2 ** 30)).toBe(5760);
    expect(fitMatrixSide(100, 2, 2 ** 30, 2 ** 30)).toBe(64);
  });

  it('counts 2·N³ FLOPs per dispatch', () => {
    expect(gemmGflops(1000, 1, 1000)).toBe(2);
    expect(gemmGflops(1000, 3, 1000)).toBe(6);
  });
});

describe('matmulShader', () => {
  it('f16 variant is the f32 kernel with f16 elements and enable f16', () => {
    const f32 = matmulShader('f32');
    const f16 = matmulShader('f16');
    expect(f16.startsWith('enable f16;')).toBe(true);
    expect(f16.replace('enable f16;\n', '').replaceAll('f16', 'f32')).toBe(f32);
    expect(f32).not.toContain('f16');
  });

  it('fits the smallest workgroup memory WebGPU guarantees (16 KiB)', () => {
    expect(matmulWorkgroupBytes('f32')).toBeLessThanOrEqual(16384);
    expect(matmulWorkgroupBytes('f16')).toBe(matmulWorkgroupBytes('f32') / 2);
  });
});
