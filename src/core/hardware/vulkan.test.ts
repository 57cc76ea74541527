import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../test/helpers/temp-dir';
import { hardwareFixture } from '../../../test/fixtures/hardware';
import type { ToolRunner } from './tool-runner';
import { createToolRunner } from './tool-runner';
import { parseVulkanSummary, probeVulkan } from './vulkan';

describe('parseVulkanSummary', () => {
  it('lists devices with their type, so a CPU rasteriser can be told apart', () => {
    const summary = parseVulkanSummary(hardwareFixture('vulkaninfo-summary-rtx4090.txt'));
    expect(summary.instanceVersion).toBe('1.3.275');
    expect(summary.devices).toEqual([
      { name: 'NVIDIA GeForce RTX 4090', type: 'PHYSICAL_DEVICE_TYPE_DISCRETE_GPU', apiVersion: '1.3.277' },
      { name: 'llvmpipe (LLVM 15.0.7, 256 bits)', type: 'PHYSICAL_DEVICE_TYPE_CPU', apiVersion: '1.3.255' },
    ]);
  });
});

describe('probeVulkan', () => {
  let temp: { dir: string; cleanup: () => void };
  beforeEach(() => {
    temp = makeTempDir('rigmark-vulkan-');
  });
  afterEach(() => temp.cleanup());

  // A PATH with nothing on it: vulkaninfo is really absent, as on a machine without the Vulkan SDK tools.
  const runnerWithoutTools = (): ToolRunner => createToolRunner({ env: { ...process.env, PATH: temp.dir } });

  it('counts a loader next to a real GPU as available but says the devices were not enumerated', async () => {
    const loader = join(temp.dir, 'libvulkan.so.1');
    writeFileSync(loader, '');
    const { probe, backend } = await probeVulkan({ runTool: runnerWithoutTools(), platform: 'linux', hasGpu: true, loaderPaths: [loader] });
    expect(probe).toEqual({ tool: 'vulkaninfo', isFound: false, detail: 'not installed' });
    expect(backend).toMatchObject({ name: 'vulkan', isAvailable: true, version: null });
    expect(backend.detail).toContain('devices not enumerated');
  });

  it('is unavailable with neither loader nor vulkaninfo, and on macOS', async () => {
    const missing = join(temp.dir, 'absent.so');
    const linux = await probeVulkan({ runTool: runnerWithoutTools(), platform: 'linux', hasGpu: true, loaderPaths: [missing] });
    expect(linux.backend).toMatchObject({ isAvailable: false, detail: 'no Vulkan loader found and vulkaninfo not installed' });
    const mac = await probeVulkan({ runTool: runnerWithoutTools(), platform: 'darwin', hasGpu: true });
    expect(mac.backend.isAvailable).toBe(false);
  });
});
