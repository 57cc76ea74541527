import { describe, expect, it } from 'vitest';
import { chooseBackend, resolveBackendOverride } from './backend';
import { gpuFixture, snapshotFixture } from './snapshot-fixture';

describe('chooseBackend', () => {
  it('picks the CPU when no GPU is detected, even though Vulkan reports itself available', () => {
    const choice = chooseBackend(snapshotFixture({ backends: ['vulkan'] }));
    expect(choice.backend).toBe('cpu');
    expect(choice.gpu).toBeNull();
    expect(choice.reason).toMatch(/no GPU/);
  });

  it('picks CUDA for an NVIDIA GPU with VRAM when CUDA is available', () => {
    const choice = chooseBackend(snapshotFixture({ gpus: [gpuFixture()], backends: ['cuda', 'vulkan'] }));
    expect(choice.backend).toBe('cuda');
    expect(choice.gpu?.name).toBe('NVIDIA GeForce RTX 4090');
  });

  it('prefers the NVIDIA GPU with the most VRAM', () => {
    const small = gpuFixture({ index: 0, name: 'RTX 3060', vramMiB: 12288 });
    const big = gpuFixture({ index: 1, name: 'A100', vramMiB: 81920 });
    expect(chooseBackend(snapshotFixture({ gpus: [small, big], backends: ['cuda'] })).gpu?.name).toBe('A100');
  });

  it('falls back to Vulkan for an NVIDIA GPU when CUDA is missing', () => {
    expect(chooseBackend(snapshotFixture({ gpus: [gpuFixture()], backends: ['vulkan'] })).backend).toBe('vulkan');
  });

  it('uses Vulkan for an AMD GPU (node-llama-cpp has no ROCm build)', () => {
    const amd = gpuFixture({ vendor: 'amd', name: 'Radeon RX 7900 XTX', source: 'rocm-smi' });
    expect(chooseBackend(snapshotFixture({ gpus: [amd], backends: ['rocm', 'vulkan'] })).backend).toBe('vulkan');
  });

  it('picks Metal on Apple silicon, whose GPU reports no VRAM of its own', () => {
    const apple = gpuFixture({ vendor: 'apple', name: 'Apple M3 Max', vramMiB: null, isUnifiedMemory: true, source: 'system_profiler' });
    expect(chooseBackend(snapshotFixture({ gpus: [apple], backends: ['metal'] })).backend).toBe('metal');
  });

  it('stays on the CPU for a GPU without memory of its own (integrated)', () => {
    const igpu = gpuFixture({ vendor: 'intel', name: 'Intel UHD 630', vramMiB: null, isUnifiedMemory: true });
    expect(chooseBackend(snapshotFixture({ gpus: [igpu], backends: ['vulkan'] })).backend).toBe('cpu');
  });

  it('stays on the CPU for an NVIDIA GPU when neither CUDA nor Vulkan is available', () => {
    const choice = chooseBackend(snapshotFixture({ gpus: [gpuFixture()] }));
    expect(choice.backend).toBe('cpu');
    expect(choice.reason).toMatch(/RTX 4090/);
  });
});

describe('resolveBackendOverride', () => {
  it('always allows the CPU', () => {
    expect(resolveBackendOverride(snapshotFixture(), 'cpu')).toMatchObject({ backend: 'cpu', gpu: null });
  });

  it('refuses CUDA when the machine has no CUDA', () => {
    expect(resolveBackendOverride(snapshotFixture(), 'cuda')).toMatch(/cuda is not available/);
  });

  it('refuses a GPU backend without a GPU to drive', () => {
    expect(resolveBackendOverride(snapshotFixture({ backends: ['vulkan'] }), 'vulkan')).toMatch(/no GPU/);
  });

  it('honours Vulkan on an NVIDIA GPU when asked', () => {
    expect(resolveBackendOverride(snapshotFixture({ gpus: [gpuFixture()], backends: ['vulkan', 'cuda'] }), 'vulkan')).toMatchObject({
      backend: 'vulkan',
    });
  });
});
