import { statfs } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../test/helpers/temp-dir';
import type { NvidiaSmiScenario } from '../../../test/stand-ins';
import { envWithStandIns, standInNvidiaSmiDir } from '../../../test/stand-ins';
import { PreflightCheckSchema } from '../../shared/domain/preflight';
import type { SystemSnapshot } from '../../shared/domain/system';
import type { PreflightBenchmark, PreflightInput } from './preflight';
import { runPreflight } from './preflight';
import { rtx4090Snapshot } from '../../../test/fixtures/hardware/snapshots';
import { createToolRunner } from './tool-runner';

const GIB = 1024 ** 3;

let temp: { dir: string; cleanup: () => void };
beforeEach(() => {
  temp = makeTempDir('rigmark-preflight-');
});
afterEach(() => temp.cleanup());

/** Preflight against the stand-in nvidia-smi (so a real nvidia-smi on the host cannot change the outcome). */
async function preflight(
  benchmarks: PreflightBenchmark[],
  opts: { snapshot?: SystemSnapshot; scenario?: NvidiaSmiScenario } & Partial<PreflightInput> = {},
) {
  const checks = await runPreflight({
    snapshot: opts.snapshot ?? rtx4090Snapshot(),
    benchmarks,
    dataDir: opts.dataDir ?? temp.dir,
    runTool: createToolRunner({ env: envWithStandIns([standInNvidiaSmiDir], { scenario: opts.scenario ?? 'default' }) }),
    ...(opts.statfs ? { statfs: opts.statfs } : {}),
    ...(opts.ownPids ? { ownPids: opts.ownPids } : {}),
  });
  for (const check of checks) expect(PreflightCheckSchema.safeParse(check).success).toBe(true);
  return checks;
}

const tg128: PreflightBenchmark = { id: 'llamacpp.tg128', category: 'llm', plannedBackend: 'cuda', modelBytes: 4 * GIB };

describe('runPreflight', () => {
  it('reports nothing for a plan that fits an idle RTX 4090 on AC power', async () => {
    expect(await preflight([tg128, { id: 'system.cpu', category: 'system' }])).toEqual([]);
  });

  it('warns when a GPU benchmark is planned on the CPU although a GPU is present', async () => {
    const checks = await preflight([{ ...tg128, plannedBackend: 'cpu' }]);
    expect(checks).toEqual([
      {
        id: 'cpu-fallback:llamacpp.tg128',
        severity: 'warning',
        message: 'llamacpp.tg128 is planned on the CPU although NVIDIA GeForce RTX 4090 is present; its figures will not describe the GPU.',
        fix: expect.stringContaining('The CUDA backend is available'),
      },
    ]);
    const noGpu = rtx4090Snapshot({ gpus: [], gpuReason: 'no GPU found: nvidia-smi not installed' });
    expect(await preflight([{ ...tg128, plannedBackend: 'cpu' }], { snapshot: noGpu })).toEqual([]);
  });

  it('says in words which GPU-only benchmarks will be unavailable when there is no GPU, by title, without the tool chain', async () => {
    const noGpu = rtx4090Snapshot({ gpus: [], gpuReason: 'no GPU found: nvidia-smi not installed' });
    const kernels = [
      { id: 'gpu.matmul-fp32', title: 'GPU matmul FP32 (WebGPU)', category: 'gpu-compute' as const, requiresGpu: true },
      { id: 'gpu.bandwidth', title: 'GPU memory bandwidth (WebGPU)', category: 'gpu-compute' as const, requiresGpu: true },
    ];
    const [check] = await preflight(kernels, { snapshot: noGpu });
    expect(check).toMatchObject({ id: 'no-gpu', severity: 'info' });
    expect(check?.message).toBe('No GPU was found, so GPU matmul FP32 (WebGPU) and GPU memory bandwidth (WebGPU) will be listed as unavailable.');
    expect(check?.fix).not.toMatch(/nvidia-smi|`/);
  });

  it('warns about another process holding the GPU, but not about Rigmark itself', async () => {
    const checks = await preflight([tg128], { scenario: 'busy' });
    expect(checks).toEqual([
      expect.objectContaining({ id: 'gpu-busy:nvidia', severity: 'warning', message: expect.stringContaining('/usr/bin/python3 (pid 4242, 20480 MiB)') }),
    ]);
    expect(await preflight([tg128], { scenario: 'busy', ownPids: [4242] })).toEqual([]);
    expect(await preflight([{ id: 'system.cpu', category: 'system' }], { scenario: 'busy' })).toEqual([]);
  });

  it('says it could not check for other GPU users when nvidia-smi fails', async () => {
    const [check] = await preflight([tg128], { scenario: 'driver-failure' });
    expect(check).toMatchObject({ id: 'gpu-busy:nvidia-smi', severity: 'info' });
  });

  it('warns when running on battery', async () => {
    const onBattery = rtx4090Snapshot({ power: { hasBattery: true, isOnBattery: true } });
    expect((await preflight([tg128], { snapshot: onBattery })).map((c) => [c.id, c.severity])).toEqual([['on-battery', 'warning']]);
  });

  it('blocks when the data dir volume has less free space than the models to generate (measured with the real statfs)', async () => {
    const st = await statfs(temp.dir);
    const freeBytes = Number(st.bavail) * Number(st.bsize);
    const dataDir = join(temp.dir, 'not-created-yet', 'rigmark');
    const tooBig = await preflight([{ id: 'llamacpp.pp512', category: 'llm', freeDiskBytesNeeded: freeBytes + 1024 * GIB }], { dataDir });
    expect(tooBig).toEqual([expect.objectContaining({ id: 'disk-space', severity: 'blocker', message: expect.stringContaining(dataDir) })]);
    expect(await preflight([{ id: 'llamacpp.pp512', category: 'llm', freeDiskBytesNeeded: 1024 }], { dataDir })).toEqual([]);
  });

  it('counts a generated model shared by several benchmarks once', async () => {
    // Stand-in for a volume with exactly 10 GiB free: a real disk cannot be arranged to that size here.
    const tenGiBFree = async () => ({ bavail: 10 * 1024 * 1024, bsize: 1024 });
    const shared = { category: 'llm' as const, freeDiskBytesNeeded: 6 * GIB, modelKey: 'llama3-8b-q4km' };
    expect(await preflight([{ id: 'llamacpp.pp512', ...shared }, { id: 'llamacpp.tg128', ...shared }], { statfs: tenGiBFree })).toEqual([]);
    const distinct = [
      { id: 'llamacpp.pp512', ...shared },
      { id: 'llamacpp.tg128-f16', ...shared, modelKey: 'llama3-8b-f16' },
    ];
    const checks = await preflight(distinct, { statfs: tenGiBFree });
    expect(checks.map((c) => c.message)).toEqual(['Generating the models needs 12.0 GiB free in ' + temp.dir + ', but only 10.0 GiB is free.']);
  });

  it('blocks a model larger than VRAM and warns when it leaves no room for buffers', async () => {
    const checks = await preflight([
      { ...tg128, id: 'llamacpp.tg128-f16', modelBytes: 30 * GIB },
      { ...tg128, id: 'llamacpp.tg128-tight', modelBytes: 23.9 * GIB },
      { ...tg128, id: 'llamacpp.tg128-cpu', plannedBackend: 'cpu', modelBytes: 30 * GIB },
    ]);
    expect(checks.filter((c) => c.id.startsWith('vram-fit')).map((c) => [c.id, c.severity])).toEqual([
      ['vram-fit:llamacpp.tg128-f16', 'blocker'],
      ['vram-fit:llamacpp.tg128-tight', 'warning'],
    ]);
    expect(checks[0]?.severity).toBe('blocker');
  });

  it('measures unified-memory GPUs against the share of RAM Metal lets one process use', async () => {
    const mac = rtx4090Snapshot({
      gpus: [
        {
          index: 0,
          vendor: 'apple',
          name: 'Apple M2 Max',
          vramMiB: null,
          driver: null,
          pciBus: null,
          computeCapability: null,
          powerLimitW: null,
          maxSmClockMHz: null,
          maxMemClockMHz: null,
          isUnifiedMemory: true,
          source: 'system_profiler',
        },
      ],
      memory: { totalMiB: 32768, availableMiB: 20000 },
    });
    const checks = await preflight([{ ...tg128, plannedBackend: 'metal', modelBytes: 26 * GIB }], { snapshot: mac });
    expect(checks).toEqual([expect.objectContaining({ id: 'vram-fit:llamacpp.tg128', severity: 'blocker', message: expect.stringContaining('24.0 GiB usable of unified memory') })]);
  });
});
