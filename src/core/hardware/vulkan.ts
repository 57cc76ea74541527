import { existsSync } from 'node:fs';
import type { BackendStatus, ToolProbe } from '../../shared/domain/system';
import type { ToolRunner } from './tool-runner';
import { describeToolFailure } from './tool-runner';

/** One device from `vulkaninfo --summary`. */
export interface VulkanDevice {
  name: string;
  /** `PHYSICAL_DEVICE_TYPE_DISCRETE_GPU`, `…_INTEGRATED_GPU`, `…_CPU` (a software rasteriser such as llvmpipe). */
  type: string;
  apiVersion: string | null;
}

/** What `vulkaninfo --summary` says: instance version and devices. */
export interface VulkanSummary {
  instanceVersion: string | null;
  devices: VulkanDevice[];
}

/** Parses `vulkaninfo --summary` (the "Devices:" section has one `GPUn:` block of `key = value` lines per device). */
export function parseVulkanSummary(text: string): VulkanSummary {
  const instanceVersion = /Vulkan Instance Version:\s*([\d.]+)/.exec(text)?.[1] ?? null;
  const devices: VulkanDevice[] = [];
  let current: Partial<VulkanDevice> | null = null;
  const flush = (): void => {
    if (current?.name) devices.push({ name: current.name, type: current.type ?? 'unknown', apiVersion: current.apiVersion ?? null });
  };
  for (const line of text.split(/\r?\n/)) {
    if (/^GPU\d+:\s*$/.test(line.trim())) {
      flush();
      current = {};
      continue;
    }
    const m = /^\s+(\w+)\s*=\s*(.+?)\s*$/.exec(line);
    if (!current || !m?.[1] || m[2] === undefined) continue;
    if (m[1] === 'deviceName') current.name = m[2];
    else if (m[1] === 'deviceType') current.type = m[2];
    else if (m[1] === 'apiVersion') current.apiVersion = m[2].split(' ')[0] ?? null;
  }
  flush();
  return { instanceVersion, devices };
}

// Where the Vulkan loader lives when installed from distribution packages or with a GPU driver.
const LOADER_PATHS: Partial<Record<NodeJS.Platform, string[]>> = {
  linux: [
    '/usr/lib/x86_64-linux-gnu/libvulkan.so.1',
    '/usr/lib/aarch64-linux-gnu/libvulkan.so.1',
    '/usr/lib64/libvulkan.so.1',
    '/usr/lib/libvulkan.so.1',
  ],
  win32: ['C:\\Windows\\System32\\vulkan-1.dll'],
};

/** Inputs of the Vulkan probe. */
export interface VulkanProbeInput {
  runTool: ToolRunner;
  platform: NodeJS.Platform;
  /** Whether detection found a real GPU; a loader alone then counts as available but unverified. */
  hasGpu: boolean;
  /** Loader paths to look for (injectable for tests); defaults per platform. */
  loaderPaths?: readonly string[];
}

/**
 * Decides whether a Vulkan backend can run: available when `vulkaninfo` lists a device that is not a CPU
 * rasteriser. Without vulkaninfo, a loader library next to a real GPU is reported available with a detail saying
 * the devices were not enumerated, since only running a Vulkan program would tell more.
 */
export async function probeVulkan(input: VulkanProbeInput): Promise<{ probe: ToolProbe; backend: BackendStatus }> {
  if (input.platform === 'darwin') {
    const detail = 'macOS has no native Vulkan driver (MoltenVK aside): Metal is the backend there';
    return { probe: { tool: 'vulkaninfo', isFound: false, detail }, backend: vk(false, null, detail) };
  }
  const result = await input.runTool('vulkaninfo', ['--summary']);
  if (result.isFound && result.exitCode === 0) {
    const summary = parseVulkanSummary(result.stdout);
    const real = summary.devices.filter((d) => !/CPU/i.test(d.type));
    const names = summary.devices.map((d) => d.name).join(', ') || 'no devices';
    const probe = { tool: 'vulkaninfo', isFound: true, detail: names };
    if (real.length > 0) return { probe, backend: vk(true, summary.instanceVersion, `vulkaninfo: ${real.map((d) => d.name).join(', ')}`) };
    return { probe, backend: vk(false, summary.instanceVersion, `vulkaninfo lists no GPU device (${names})`) };
  }
  const probe = { tool: 'vulkaninfo', isFound: result.isFound, detail: result.isFound ? describeToolFailure(result) : 'not installed' };
  const loader = (input.loaderPaths ?? LOADER_PATHS[input.platform] ?? []).find((p) => existsSync(p));
  if (loader && input.hasGpu) {
    return { probe, backend: vk(true, null, `Vulkan loader at ${loader}; devices not enumerated (vulkaninfo unavailable)`) };
  }
  const why = loader ? `Vulkan loader at ${loader} but no GPU found` : 'no Vulkan loader found and vulkaninfo not installed';
  return { probe, backend: vk(false, null, why) };
}

function vk(isAvailable: boolean, version: string | null, detail: string): BackendStatus {
  return { name: 'vulkan', isAvailable, version, detail };
}
