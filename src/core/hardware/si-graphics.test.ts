import type { Systeminformation } from 'systeminformation';
import { describe, expect, it } from 'vitest';
import { gpusFromSiControllers, isVirtualAdapter } from './si-graphics';

function controller(fields: Partial<Systeminformation.GraphicsControllerData>): Systeminformation.GraphicsControllerData {
  return { vendor: '', model: '', bus: '', vram: null, vramDynamic: false, ...fields };
}

describe('gpusFromSiControllers', () => {
  it('ignores software, hypervisor and BMC adapters and keeps real GPUs', () => {
    const report = gpusFromSiControllers([
      controller({ vendor: 'Mesa', model: 'llvmpipe (LLVM 15.0.7, 256 bits)' }),
      controller({ vendor: 'Red Hat, Inc.', model: 'Virtio 1.0 GPU' }),
      controller({ vendor: 'Microsoft Corporation', model: 'Microsoft Basic Display Adapter', vram: 0 }),
      controller({ vendor: 'Cirrus Logic', model: 'GD 5446' }),
      controller({ vendor: 'ASPEED Technology, Inc.', model: 'ASPEED Graphics Family', vram: 64 }),
      controller({ vendor: 'NVIDIA Corporation', model: 'AD102 [GeForce RTX 4090]', vram: 24564, busAddress: '01:00.0' }),
      controller({ vendor: 'Intel Corporation', model: 'Alder Lake-P GT2 [Iris Xe Graphics]', vram: 128, vramDynamic: true }),
    ]);
    expect(report.ignored).toHaveLength(5);
    expect(report.gpus.map((g) => [g.vendor, g.name, g.vramMiB, g.isUnifiedMemory, g.pciBus])).toEqual([
      ['nvidia', 'AD102 [GeForce RTX 4090]', 24564, false, '01:00.0'],
      ['intel', 'Alder Lake-P GT2 [Iris Xe Graphics]', null, true, null],
    ]);
  });

  it('keeps a GPU-vendor card whose driver reports no VRAM (the user can still enable it)', () => {
    const report = gpusFromSiControllers([controller({ vendor: 'Advanced Micro Devices, Inc. [AMD/ATI]', model: 'Navi 31' })]);
    expect(report.gpus).toEqual([expect.objectContaining({ vendor: 'amd', vramMiB: null })]);
  });

  it('drops an unknown-vendor adapter without memory', () => {
    expect(gpusFromSiControllers([controller({ vendor: 'Silicon Motion', model: 'SM750' })]).gpus).toEqual([]);
    expect(isVirtualAdapter('QEMU', 'Standard VGA')).toBe(true);
    expect(isVirtualAdapter('NVIDIA Corporation', 'GA100 [A100 SXM4 80GB]')).toBe(false);
  });
});
