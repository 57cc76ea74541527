import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import si from 'systeminformation';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rtx4090Snapshot } from '../../../test/fixtures/hardware/snapshots';
import { makeTempDir } from '../../../test/helpers/temp-dir';
import type { NvidiaSmiScenario } from '../../../test/stand-ins';
import { envWithStandIns, standInNvidiaSmiDir, standInRocmSmiDir } from '../../../test/stand-ins';
import { SystemSnapshotSchema, type WebGpuProbe } from '../../shared/domain/system';
import type { DetectSystemOptions, SystemInfoSource } from './detect-system';
import { detectSystem } from './detect-system';
import { createToolRunner, findExecutable } from './tool-runner';

let temp: { dir: string; cleanup: () => void };
beforeEach(() => {
  temp = makeTempDir('rigmark-detect-');
});
afterEach(() => temp.cleanup());

/** Options that run the given stand-in tools through real child processes, as on a Linux machine with that GPU. */
function withStandIns(dirs: string[], scenario: NvidiaSmiScenario = 'default'): DetectSystemOptions {
  return {
    runTool: createToolRunner({ env: envWithStandIns(dirs, { scenario }) }),
    platform: 'linux',
    rocmRoot: join(temp.dir, 'no-rocm'),
    vulkanLoaderPaths: [],
  };
}

describe('detectSystem on this machine (no stand-ins)', () => {
  it('builds a valid snapshot and, without a GPU, says which probe found what', async () => {
    const snapshot = await detectSystem();
    expect(SystemSnapshotSchema.safeParse(snapshot).success).toBe(true);
    expect(snapshot.cpu.threads).toBeGreaterThanOrEqual(1);
    expect(snapshot.cpu.cores).toBeGreaterThanOrEqual(1);
    expect(snapshot.memory.totalMiB).toBeGreaterThan(0);
    expect(snapshot.os.platform).toBe(process.platform);
    expect(snapshot.backends.find((b) => b.name === 'cpu')?.isAvailable).toBe(true);
    expect(snapshot.runtime.node).toBe(process.versions.node);
    if (findExecutable('nvidia-smi') === null && process.platform !== 'darwin') {
      expect(snapshot.tools).toContainEqual({ tool: 'nvidia-smi', isFound: false, detail: 'not installed' });
      expect(snapshot.backends.find((b) => b.name === 'cuda')).toMatchObject({ isAvailable: false, detail: 'nvidia-smi not installed' });
    }
    if (snapshot.gpus.length === 0) {
      // The dev/CI machines have no GPU: the reason must name every probe that came up empty.
      expect(snapshot.gpuReason).toMatch(/^no GPU found: /);
      expect(snapshot.gpuReason).toContain('systeminformation');
      if (process.platform !== 'darwin') expect(snapshot.gpuReason).toMatch(/nvidia-smi.*rocm-smi/);
    } else {
      expect(snapshot.gpuReason).toBeNull();
    }
  });
});

describe('detectSystem with the stand-in nvidia-smi', () => {
  it('finds the RTX 4090 with its VRAM, driver and limits, and a CUDA backend with the banner version', async () => {
    const snapshot = await detectSystem(withStandIns([standInNvidiaSmiDir]));
    // The shared fixture describes the very card the stand-in prints; detection must read back exactly that.
    expect(snapshot.gpus).toEqual(rtx4090Snapshot().gpus);
    expect(snapshot.gpuReason).toBeNull();
    expect(snapshot.backends.find((b) => b.name === 'cuda')).toEqual({
      name: 'cuda',
      isAvailable: true,
      version: '12.4',
      detail: 'driver 550.54.14; CUDA version from the nvidia-smi banner',
    });
    expect(snapshot.tools.find((t) => t.tool === 'nvidia-smi')).toEqual({
      tool: 'nvidia-smi',
      isFound: true,
      detail: '1 GPU(s): NVIDIA GeForce RTX 4090; CUDA 12.4',
    });
  });

  it('retries without compute_cap when an older driver rejects that field', async () => {
    const snapshot = await detectSystem(withStandIns([standInNvidiaSmiDir], 'legacy-driver'));
    expect(snapshot.gpus).toEqual([expect.objectContaining({ name: 'NVIDIA GeForce RTX 4090', computeCapability: null, vramMiB: 24564 })]);
  });

  it('reports a driver that nvidia-smi cannot reach as the reason, with the tool found', async () => {
    const snapshot = await detectSystem(withStandIns([standInNvidiaSmiDir], 'driver-failure'));
    const failure = "nvidia-smi failed (exit 9: NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver.";
    expect(snapshot.tools.find((t) => t.tool === 'nvidia-smi')?.isFound).toBe(true);
    expect(snapshot.backends.find((b) => b.name === 'cuda')?.isAvailable).toBe(false);
    expect(snapshot.backends.find((b) => b.name === 'cuda')?.detail).toContain(failure);
    if (snapshot.gpus.length === 0) expect(snapshot.gpuReason).toContain(failure);
  });

  it('does not list the same card twice when systeminformation also sees it, and drops virtual adapters', async () => {
    const siWithCards: SystemInfoSource = {
      ...si,
      graphics: async () => ({
        controllers: [
          { vendor: 'NVIDIA Corporation', model: 'AD102 [GeForce RTX 4090]', bus: 'PCIe', vram: 24564, vramDynamic: false },
          { vendor: 'Mesa', model: 'llvmpipe (LLVM 15.0.7, 256 bits)', bus: '', vram: null, vramDynamic: false },
        ],
        displays: [],
      }),
    };
    const snapshot = await detectSystem({ ...withStandIns([standInNvidiaSmiDir]), si: siWithCards });
    expect(snapshot.gpus.map((g) => [g.source, g.name])).toEqual([['nvidia-smi', 'NVIDIA GeForce RTX 4090']]);
    expect(snapshot.tools.find((t) => t.tool === 'systeminformation')?.detail).toBe(
      '1 display controller(s) kept; ignored llvmpipe (LLVM 15.0.7, 256 bits)',
    );
  });
});

describe('detectSystem with the stand-in rocm-smi', () => {
  it('finds the RX 7900 XTX and a ROCm backend versioned from the install root', async () => {
    const rocmRoot = join(temp.dir, 'rocm');
    mkdirSync(join(rocmRoot, '.info'), { recursive: true });
    writeFileSync(join(rocmRoot, '.info', 'version'), '6.1.2-119\n');
    const snapshot = await detectSystem({ ...withStandIns([standInRocmSmiDir]), rocmRoot });
    expect(snapshot.gpus).toEqual([
      expect.objectContaining({ vendor: 'amd', name: 'Radeon RX 7900 XTX', vramMiB: 24560, computeCapability: 'gfx1100', source: 'rocm-smi' }),
    ]);
    expect(snapshot.backends.find((b) => b.name === 'rocm')).toMatchObject({ isAvailable: true, version: '6.1.2-119' });
    expect(snapshot.backends.find((b) => b.name === 'cuda')).toMatchObject({ isAvailable: false });
  });
});

describe('detectSystem when systeminformation fails', () => {
  it('keeps the rest of the snapshot when single calls throw', async () => {
    const broken: SystemInfoSource = {
      ...si,
      cpu: () => Promise.reject(new Error('cpu probe exploded')),
      graphics: () => Promise.reject(new Error('lspci crashed')),
      battery: () => Promise.reject(new Error('no upower')),
    };
    const snapshot = await detectSystem({
      ...withStandIns([]),
      si: broken,
      now: () => new Date('2026-01-02T03:04:05.000Z'),
      rigmarkVersion: '1.2.3',
      electronVersion: '38.1.0',
    });
    expect(snapshot.cpu.threads).toBeGreaterThanOrEqual(1);
    expect(snapshot.cpu.model).not.toBe('');
    expect(snapshot.power).toEqual({ hasBattery: false, isOnBattery: null });
    expect(snapshot.tools.find((t) => t.tool === 'systeminformation')?.detail).toBe('graphics() failed: lspci crashed');
    expect(snapshot.gpuReason).toContain('systeminformation failed (lspci crashed)');
    expect(snapshot.capturedAt).toBe('2026-01-02T03:04:05.000Z');
    expect(snapshot.runtime).toMatchObject({ rigmark: '1.2.3', electron: '38.1.0' });
  });
});

describe('detectSystem with a stand-in WebGPU probe', () => {
  const hardware: WebGpuProbe = { adapter: 'NVIDIA GeForce RTX 4090', backend: 'vulkan', isSoftware: false, features: ['shader-f16', 'timestamp-query'] };
  const software: WebGpuProbe = { adapter: 'SwiftShader driver 5.0.0', backend: 'vulkan', isSoftware: true, features: ['timestamp-query'] };
  const none: WebGpuProbe = { adapter: null, backend: null, isSoftware: false, reason: 'Dawn found none (tried vulkan, default)' };
  const crashed: WebGpuProbe = { adapter: null, backend: null, isSoftware: false, reason: 'the WebGPU probe crashed (killed by SIGABRT) before answering' };

  it.each([
    ['a hardware adapter', hardware],
    ['a software adapter', software],
    ['no adapter', none],
    ['a crashed probe', crashed],
  ])('records %s as the snapshot\'s webgpu part, asking once', async (_label, answer) => {
    let calls = 0;
    const snapshot = await detectSystem({
      ...withStandIns([]),
      probeWebGpu: async () => {
        calls += 1;
        return answer;
      },
    });
    expect(calls).toBe(1);
    expect(snapshot.webgpu).toEqual(answer);
    expect(SystemSnapshotSchema.parse(snapshot).webgpu).toEqual(answer);
  });

  it('a probe that throws still gives a snapshot, without an adapter and with the error as the reason', async () => {
    const snapshot = await detectSystem({ ...withStandIns([]), probeWebGpu: () => Promise.reject(new Error('launcher is closed')) });
    expect(snapshot.webgpu).toEqual({ adapter: null, backend: null, isSoftware: false, reason: 'the WebGPU probe failed: launcher is closed' });
    expect(snapshot.cpu.threads).toBeGreaterThanOrEqual(1);
  });

  it('without a probe the snapshot has no webgpu part, and snapshots stored without one still parse', async () => {
    const snapshot = await detectSystem(withStandIns([]));
    expect('webgpu' in snapshot).toBe(false);
    expect(SystemSnapshotSchema.safeParse(rtx4090Snapshot()).success).toBe(true);
    expect(SystemSnapshotSchema.safeParse({ ...rtx4090Snapshot(), webgpu: { adapter: 7 } }).success).toBe(false);
  });
});
