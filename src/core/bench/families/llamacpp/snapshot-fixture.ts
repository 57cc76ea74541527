import type { BackendName, Gpu, SystemSnapshot } from '../../../../shared/domain/system';

/** A GPU for tests: an RTX 4090 unless overridden. */
export function gpuFixture(overrides: Partial<Gpu> = {}): Gpu {
  return {
    index: 0,
    vendor: 'nvidia',
    name: 'NVIDIA GeForce RTX 4090',
    vramMiB: 24564,
    driver: '560.35',
    pciBus: '00000000:01:00.0',
    computeCapability: '8.9',
    powerLimitW: 450,
    maxSmClockMHz: 3105,
    maxMemClockMHz: 10501,
    source: 'nvidia-smi',
    ...overrides,
  };
}

/**
 * A system snapshot for tests (a 2-core Linux box with 24 GiB, no GPU unless given). `backends` lists the names
 * reported available; the CPU is always there.
 */
export function snapshotFixture(options: { gpus?: Gpu[]; backends?: BackendName[]; totalMiB?: number; cores?: number } = {}): SystemSnapshot {
  const available = new Set<BackendName>(['cpu', ...(options.backends ?? [])]);
  const names: BackendName[] = ['cuda', 'rocm', 'metal', 'vulkan', 'cpu'];
  return {
    capturedAt: '2026-01-01T00:00:00.000Z',
    gpus: options.gpus ?? [],
    gpuReason: options.gpus?.length ? null : 'no GPU found',
    tools: [],
    backends: names.map((name) => ({ name, isAvailable: available.has(name), version: null, detail: null })),
    cpu: { vendor: 'AMD', model: 'EPYC', cores: options.cores ?? 2, threads: options.cores ?? 2, speedGHz: 3, isaFlags: ['avx2'] },
    memory: { totalMiB: options.totalMiB ?? 24 * 1024, availableMiB: null },
    disks: [],
    os: { platform: 'linux', distro: 'Debian', release: '12', kernel: '6.1', arch: 'x64' },
    power: { hasBattery: false, isOnBattery: null },
    runtime: { node: '20.19.0', electron: null, rigmark: '0.1.0' },
  };
}
