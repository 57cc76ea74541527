import { describe, expect, it } from 'vitest';
import { backendsFor, candidateLine, describeAdapter, isSoftwareAdapter, pickAdapter } from './adapter-info';

const nvidia = { vendor: 'nvidia', architecture: 'ada', device: '', description: 'NVIDIA GeForce RTX 4090', isFallbackAdapter: false };
const swiftshader = { vendor: 'google', architecture: 'swiftshader', device: 'swiftshader-device-subzero-', description: 'SwiftShader driver 5.0.0', isFallbackAdapter: true };
const llvmpipe = { vendor: 'mesa', architecture: '', device: '', description: 'llvmpipe (LLVM 15.0.7, 256 bits)', isFallbackAdapter: false };

describe('isSoftwareAdapter', () => {
  it('flags fallback adapters and CPU implementations by name', () => {
    expect(isSoftwareAdapter(swiftshader)).toBe(true);
    expect(isSoftwareAdapter({ ...swiftshader, isFallbackAdapter: false })).toBe(true);
    expect(isSoftwareAdapter(llvmpipe)).toBe(true);
    expect(isSoftwareAdapter({ ...nvidia, description: 'Microsoft Basic Render Driver' })).toBe(true);
  });

  it('does not flag a hardware GPU', () => {
    expect(isSoftwareAdapter(nvidia)).toBe(false);
    expect(isSoftwareAdapter({ ...nvidia, description: 'AMD Radeon RX 7900 XTX (RADV NAVI31)' })).toBe(false);
  });
});

describe('pickAdapter', () => {
  it('prefers the first hardware adapter over an earlier software one', () => {
    const list = [describeAdapter(swiftshader, 'vulkan'), describeAdapter(nvidia, 'vulkan'), describeAdapter({ ...nvidia, description: 'second' }, 'd3d12')];
    expect(pickAdapter(list)).toBe(1);
  });

  it('takes a software adapter when it is all there is, and -1 for none', () => {
    expect(pickAdapter([describeAdapter(llvmpipe, 'vulkan')])).toBe(0);
    expect(pickAdapter([])).toBe(-1);
  });

  it('describes the adapter with its backend and software flag', () => {
    expect(describeAdapter(swiftshader, 'vulkan')).toMatchObject({ backend: 'vulkan', isSoftware: true, isFallbackAdapter: true });
    expect(candidateLine(describeAdapter(nvidia, 'd3d12'))).toBe('d3d12: NVIDIA GeForce RTX 4090 (hardware)');
  });
});

describe('backendsFor', () => {
  it('probes each platform native backend first', () => {
    expect(backendsFor('win32')).toEqual(['d3d12', 'vulkan']);
    expect(backendsFor('darwin')).toEqual(['metal']);
    expect(backendsFor('linux')).toEqual(['vulkan']);
    expect(backendsFor('aix')).toEqual([]);
  });
});
