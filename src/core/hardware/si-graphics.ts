import type { Systeminformation } from 'systeminformation';
import type { Gpu, GpuVendor } from '../../shared/domain/system';
import { vendorFromText } from './vendor';

/**
 * Turns systeminformation's `graphics().controllers` into GPUs worth benchmarking. VMs, servers and CI machines
 * expose display adapters that cannot compute: software rasterisers (llvmpipe), hypervisor VGA (QEMU, VirtIO,
 * Cirrus, bochs, VMware SVGA, Hyper-V) and BMC video (ASPEED, Matrox G200). Those are listed as ignored, not as GPUs.
 */

// Names as lspci, WMI and macOS print them for adapters that have no compute capability of their own.
const VIRTUAL_ADAPTER =
  /llvmpipe|softpipe|lavapipe|swiftshader|microsoft basic (display|render)|remote display|qemu|virtio|cirrus|bochs|vmware|virtualbox|vbox|hyper-v|parallels|qxl|standard vga|aspeed|matrox|mga ?g200|simpledrm|efifb|vesa/i;

/** True for software, hypervisor and BMC display adapters. */
export function isVirtualAdapter(...texts: (string | null | undefined)[]): boolean {
  return VIRTUAL_ADAPTER.test(texts.filter(Boolean).join(' '));
}

const GPU_VENDORS: readonly GpuVendor[] = ['nvidia', 'amd', 'intel', 'apple'];

/** The GPUs kept and the names of the adapters ignored (for the snapshot's reasons). */
export interface SiGraphicsReport {
  gpus: Gpu[];
  ignored: string[];
}

/**
 * Keeps a controller when it is not a virtual adapter and either has memory of its own or comes from a GPU vendor
 * (a card with no driver loaded reports no VRAM yet is still a GPU the user can enable).
 */
export function gpusFromSiControllers(controllers: readonly Systeminformation.GraphicsControllerData[]): SiGraphicsReport {
  const gpus: Gpu[] = [];
  const ignored: string[] = [];
  for (const c of controllers) {
    const name = (c.name || c.model || c.vendor || 'unknown display adapter').trim();
    const vendor = vendorFromText(c.vendor, c.model, c.name);
    const vramMiB = typeof c.vram === 'number' && c.vram > 0 ? c.vram : null;
    if (isVirtualAdapter(c.vendor, c.model, c.name) || (vramMiB === null && !GPU_VENDORS.includes(vendor))) {
      ignored.push(name);
      continue;
    }
    gpus.push({
      index: gpus.length,
      vendor,
      name,
      vramMiB: c.vramDynamic ? null : vramMiB,
      driver: c.driverVersion || null,
      pciBus: c.pciBus || c.busAddress || null,
      computeCapability: null,
      powerLimitW: typeof c.powerLimit === 'number' ? c.powerLimit : null,
      maxSmClockMHz: null,
      maxMemClockMHz: null,
      isUnifiedMemory: c.vramDynamic || vendor === 'apple',
      source: 'systeminformation',
    });
  }
  return { gpus, ignored };
}
