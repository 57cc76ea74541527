import { describe, expect, it } from 'vitest';
import { rtx4090Snapshot } from '../../../../../test/fixtures/hardware/snapshots';
import type { WebGpuProbe } from '../../../../shared/domain/system';
import type { AvailabilityContext } from '../../definition';
import { checkDawnAvailability, checkF16Availability, dawnBinaryPath, definitions } from './definitions';
import { F16_HOW_TO, NO_ADAPTER_HOW_TO } from './how-to';

const hardware: WebGpuProbe = { adapter: 'NVIDIA GeForce RTX 4090', backend: 'vulkan', isSoftware: false, features: ['shader-f16', 'timestamp-query'] };
const software: WebGpuProbe = { adapter: 'SwiftShader driver 5.0.0', backend: 'vulkan', isSoftware: true, features: ['timestamp-query'] };
const none: WebGpuProbe = { adapter: null, backend: null, isSoftware: false, reason: 'Dawn found none (tried vulkan, default)' };

function contextWith(webgpu: WebGpuProbe | undefined): AvailabilityContext {
  return { snapshot: rtx4090Snapshot(webgpu ? { webgpu } : {}), dataDir: '/nonexistent', settings: {}, params: {} };
}

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
    const availability = await checkDawnAvailability({ binaryPath: () => '/x/dawn.node', exists: () => false });
    expect(availability).toMatchObject({ isAvailable: false, reason: expect.stringMatching(/no build for/) });
  });

  it('is unavailable when the webgpu package cannot be resolved', async () => {
    const availability = await checkDawnAvailability({
      binaryPath: () => {
        throw new Error('Cannot find module webgpu');
      },
    });
    expect(availability).toMatchObject({ isAvailable: false, reason: expect.stringMatching(/not installed/) });
  });

  it('looks in the universal folder on macOS and platform-arch elsewhere', () => {
    const resolve = (): string => '/pkg/webgpu/index.js';
    expect(dawnBinaryPath('darwin', 'arm64', resolve)).toBe('/pkg/webgpu/dist/darwin-universal/dawn.node');
    expect(dawnBinaryPath('win32', 'x64', resolve)).toBe('/pkg/webgpu/dist/win32-x64/dawn.node');
  });
});

describe('gpu availability from the detection adapter probe', () => {
  it('without an adapter every gpu benchmark is unavailable with the probe reason and how to enable it', async () => {
    for (const d of definitions) {
      expect(await d.checkAvailability(contextWith(none)), d.id).toEqual({
        isAvailable: false,
        reason: 'no WebGPU adapter: Dawn found none (tried vulkan, default)',
        howToEnable: NO_ADAPTER_HOW_TO,
      });
    }
  });

  it('a crashed probe names the crash in the reason', async () => {
    const crashed: WebGpuProbe = { adapter: null, backend: null, isSoftware: false, reason: 'the WebGPU probe crashed (killed by SIGABRT) before answering' };
    expect(await checkDawnAvailability({ webgpu: crashed })).toMatchObject({
      isAvailable: false,
      reason: 'no WebGPU adapter: the WebGPU probe crashed (killed by SIGABRT) before answering',
    });
  });

  it('a missing dawn.node still says so, whatever the probe answered', async () => {
    const availability = await checkDawnAvailability({ webgpu: none, binaryPath: () => '/x/dawn.node', exists: () => false });
    expect(availability).toMatchObject({ isAvailable: false, reason: expect.stringMatching(/no build for/) });
  });

  it('a hardware adapter with shader-f16 makes all three available', async () => {
    for (const d of definitions) expect(await d.checkAvailability(contextWith(hardware)), d.id).toEqual({ isAvailable: true });
  });

  it('a software adapter is available (its results are labelled software by the worker)', async () => {
    expect(await definitions[0]!.checkAvailability(contextWith(software))).toEqual({ isAvailable: true });
    expect(await definitions[2]!.checkAvailability(contextWith(software))).toEqual({ isAvailable: true });
  });

  it('matmul-fp16 is unavailable at plan time when the probe lists features without shader-f16', async () => {
    const fp16 = definitions.find((d) => d.id === 'gpu.matmul-fp16')!;
    expect(await fp16.checkAvailability(contextWith(software))).toEqual({
      isAvailable: false,
      reason: 'the adapter has no shader-f16 (SwiftShader driver 5.0.0, vulkan)',
      howToEnable: F16_HOW_TO,
    });
    // No feature list (a probe that could not read them): the worker decides at run time, as before.
    expect(await checkF16Availability({ webgpu: { ...software, features: undefined } })).toEqual({ isAvailable: true });
    // No adapter: that reason, not the feature.
    expect(await checkF16Availability({ webgpu: none })).toMatchObject({ reason: expect.stringMatching(/^no WebGPU adapter: /) });
  });

  it('a snapshot without a probe (stored before it existed) leaves the adapter to the worker', async () => {
    for (const d of definitions) expect(await d.checkAvailability(contextWith(undefined)), d.id).toEqual({ isAvailable: true });
  });
});
