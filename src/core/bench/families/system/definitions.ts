import type { Availability } from '../../../../shared/domain/benchmark';
import type { AvailabilityContext, BenchmarkDefinition } from '../../definition';
import { freeSpaceOf, planDiskSize, type StatFsFn } from './disk-size';
import {
  CPU_DEFAULT_BUFFER_MIB,
  DISK_DEFAULT_BLOCK_KIB,
  DISK_DEFAULT_SIZE_MIB,
  DiskParamsSchema,
  MEMORY_DEFAULT_TOTAL_MIB,
  MIB,
} from './params';

// Parent side: metadata and availability only. Nothing here may load native code or start threads.

const SYSTEM = {
  family: 'system',
  category: 'system',
  higherIsBetter: true,
  defaultRepetitions: 5,
  warmups: 1,
  suites: ['quick', 'full', 'system'],
} as const satisfies Partial<BenchmarkDefinition>;

const alwaysAvailable = async (): Promise<Availability> => ({ isAvailable: true });

/**
 * Disk availability as the parent sees it: the scratch dir lives under the data dir, so the sizing rule is
 * applied to the free space there (the worker applies it again to the scratch dir itself).
 */
export function diskAvailability(statfs?: StatFsFn): (ctx: AvailabilityContext) => Promise<Availability> {
  return async (ctx) => {
    const parsed = DiskParamsSchema.safeParse(ctx.params);
    const params = parsed.success ? parsed.data : DiskParamsSchema.parse({});
    try {
      const space = await freeSpaceOf(ctx.dataDir, statfs);
      const plan = planDiskSize(params.sizeMiB * MIB, params.blockKiB * 1024, space.freeBytes, ctx.dataDir);
      return plan.isAvailable ? { isAvailable: true } : { isAvailable: false, reason: plan.reason, howToEnable: plan.howToEnable };
    } catch (error) {
      return { isAvailable: false, reason: `cannot read free space of ${ctx.dataDir}: ${String(error)}` };
    }
  };
}

const diskParams = (): Record<string, unknown> => ({ sizeMiB: DISK_DEFAULT_SIZE_MIB, blockKiB: DISK_DEFAULT_BLOCK_KIB });

/** The `system` family: CPU, memory and disk figures for the machine around the GPU. */
export const definitions: BenchmarkDefinition[] = [
  {
    ...SYSTEM,
    suites: [...SYSTEM.suites],
    id: 'system.cpu',
    title: 'CPU: SHA-256 + deflate',
    description:
      'SHA-256 and deflate (level 6) over a fixed 16 MiB pseudo-text buffer, on one thread and on every logical core at once. Value: all-cores MB/s of buffer processed.',
    unit: 'MB/s',
    timeoutMs: 180_000,
    estimatedMs: 10_000,
    checkAvailability: alwaysAvailable,
    defaultParams: () => ({ bufferMiB: CPU_DEFAULT_BUFFER_MIB, threads: 0 }),
  },
  {
    ...SYSTEM,
    suites: [...SYSTEM.suites],
    id: 'system.memory',
    title: 'Memory copy bandwidth',
    description:
      'Every logical core copies its own buffer at once (1 GiB working set, capped at 25 % of free memory). GB/s counts read + write, as STREAM "copy" does.',
    unit: 'GB/s',
    timeoutMs: 120_000,
    estimatedMs: 8_000,
    checkAvailability: alwaysAvailable,
    defaultParams: () => ({ totalMiB: MEMORY_DEFAULT_TOTAL_MIB, passes: 4, threads: 0 }),
  },
  {
    ...SYSTEM,
    suites: [...SYSTEM.suites],
    id: 'system.disk-write',
    title: 'Disk sequential write',
    description:
      'Writes a 1 GiB file (at most 25 % of free space) in 4 MiB blocks to the data disk; time includes fsync.',
    unit: 'MB/s',
    timeoutMs: 600_000,
    estimatedMs: 20_000,
    checkAvailability: diskAvailability(),
    defaultParams: diskParams,
  },
  {
    ...SYSTEM,
    suites: [...SYSTEM.suites],
    id: 'system.disk-read',
    title: 'Disk sequential read',
    description:
      'Reads a 1 GiB file (at most 25 % of free space) in 4 MiB blocks from the data disk, bypassing the page cache with O_DIRECT where the filesystem allows it.',
    unit: 'MB/s',
    timeoutMs: 600_000,
    estimatedMs: 15_000,
    checkAvailability: diskAvailability(),
    defaultParams: diskParams,
  },
];
