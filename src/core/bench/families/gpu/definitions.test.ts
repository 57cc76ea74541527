import { describe, expect, it } from 'vitest';
import { checkDawnAvailability, dawnBinaryPath, definitions } from './definitions';

describe('gpu definitions', () => {
  it('declares the three kernels in the gpu-compute category with their units', () => {
    expect(definitions.map((d) => [d.id, d.unit, d.category])).toEqual([
      ['gpu.matmul-fp32', 'GFLOP/s', 'gpu-compute'],
      ['gpu.matmul-fp16', 'GFLOP/s', 'gpu-compute'],
      ['gpu.bandwidth', 'GB/s', 'gpu-compute'],
    ]);
    for (const d of definitions) expect(d.family).toBe('gpu');
  });

  it('finds dawn.node for this platform in the installed webgpu package', async () => {
    expect(await checkDawnAvailability()).toEqual({ isAvailable: true });
  });

  it('is unavailable with the platform in the reason when no dawn.node build exists', async () => {
    const availability = await checkDawnAvailability(() => '/x/dawn.node', () => false);
    expect(availability).toMatchObject({ isAvailable: false, reason: expect.stringMatching(/no build for/) });
  });

  it('is unavailable when the webgpu package cannot be resolved', async () => {
    const availability = await checkDawnAvailability(() => {
      throw new Error('Cannot find module webgpu');
    });
    expect(availability).toMatchObject({ isAvailable: false, reason: expect.stringMatching(/not installed/) });
  });

  it('looks in the universal folder on macOS and platform-arch elsewhere', () => {
    const resolve = (): string => '/pkg/webgpu/index.js';
    expect(dawnBinaryPath('darwin', 'arm64', resolve)).toBe('/pkg/webgpu/dist/darwin-universal/dawn.node');
    expect(dawnBinaryPath('win32', 'x64', resolve)).toBe('/pkg/webgpu/dist/win32-x64/dawn.node');
  });
});
