import { z } from 'zod';

/**
 * Parameters of the `system` family. Shared by `definitions.ts` (defaults shown to the parent) and the worker
 * (validation of `ctx.job.params`). Only zod here: the parent imports this file.
 */

/** 1 MiB = 2^20 bytes: sizes are binary; throughput units (MB/s, GB/s) are decimal (10^6, 10^9 bytes). */
export const MIB = 1024 * 1024;

/** Default size of the fixed CPU workload buffer (MiB): large enough that one pass takes ~0.2–0.5 s per thread. */
export const CPU_DEFAULT_BUFFER_MIB = 16;

export const CpuParamsSchema = z.object({
  /** Size of the deterministic buffer each thread hashes and compresses, MiB. */
  bufferMiB: z.number().int().min(1).max(256).default(CPU_DEFAULT_BUFFER_MIB),
  /** Threads for the all-cores run; 0 = one per logical core (`os.availableParallelism()`). */
  threads: z.number().int().min(0).max(1024).default(0),
});
export type CpuParams = z.infer<typeof CpuParamsSchema>;

/** Default working set of the memory test (MiB, source + destination over all threads). */
export const MEMORY_DEFAULT_TOTAL_MIB = 1024;

export const MemoryParamsSchema = z.object({
  /** Source + destination bytes over all threads, MiB; capped at 25 % of free memory. */
  totalMiB: z.number().int().min(2).max(64 * 1024).default(MEMORY_DEFAULT_TOTAL_MIB),
  /** Copies of each thread's buffer per repetition. */
  passes: z.number().int().min(1).max(1000).default(4),
  /** 0 = one per logical core. */
  threads: z.number().int().min(0).max(1024).default(0),
});
export type MemoryParams = z.infer<typeof MemoryParamsSchema>;

/** Default disk test file size (MiB): 1 GiB, more than a disk's DRAM cache and write-back bursts. */
export const DISK_DEFAULT_SIZE_MIB = 1024;
/** Default block size of each sequential write/read call (KiB). */
export const DISK_DEFAULT_BLOCK_KIB = 4096;

export const DiskParamsSchema = z.object({
  /** Requested test file size, MiB; reduced to 25 % of free space when needed. */
  sizeMiB: z.number().int().min(1).max(1024 * 1024).default(DISK_DEFAULT_SIZE_MIB),
  /** Bytes per read/write call, KiB. A multiple of 4 KiB so O_DIRECT accepts it. */
  blockKiB: z
    .number()
    .int()
    .min(4)
    .max(256 * 1024)
    .refine((kib) => kib % 4 === 0, 'blockKiB must be a multiple of 4')
    .default(DISK_DEFAULT_BLOCK_KIB),
});
export type DiskParams = z.infer<typeof DiskParamsSchema>;

/**
 * Parses a job's params with a family schema; a bad value becomes an Error naming the field, which the harness
 * reports as a failure (bad input is a bug or a user error, never "unavailable").
 */
export function parseParams<T>(schema: z.ZodType<T>, params: Record<string, unknown>): T {
  const parsed = schema.safeParse(params);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`invalid params: ${detail}`);
  }
  return parsed.data;
}
