import { z } from 'zod';

/**
 * Parameters of the `gpu` family, shared by `definitions.ts` (parent) and the worker. Only zod here.
 * Sizes are requests: the worker shrinks them to the adapter's limits and records the size it used in the identity.
 */

/** Job id of the WebGPU adapter probe: answered by this family's worker module, never listed in the catalogue. */
export const ADAPTER_PROBE_ID = 'gpu.adapter-probe';

/** Default GEMM side: 2·1024³ ≈ 2.1 GFLOP per dispatch, long enough to time, small enough for any GPU. */
export const MATMUL_DEFAULT_N = 1024;
/** Default copy size per buffer (MiB): 2 × 256 MiB fits every discrete GPU and dwarfs its caches. */
export const BANDWIDTH_DEFAULT_SIZE_MIB = 256;
/** Each repetition repeats the dispatch until it lasts at least this long (ms), amortising launch overhead. */
export const DEFAULT_MIN_BATCH_MS = 200;

const minBatchMs = z.number().min(0).max(60_000).default(DEFAULT_MIN_BATCH_MS);

export const MatmulParamsSchema = z.object({
  /** Matrix side; rounded down to a multiple of the 64-element tile and capped by the adapter's limits. */
  n: z.number().int().min(64).max(16_384).default(MATMUL_DEFAULT_N),
  minBatchMs,
});
export type MatmulParams = z.infer<typeof MatmulParamsSchema>;

export const BandwidthParamsSchema = z.object({
  /** Bytes of each of the two buffers (source, destination), MiB; capped by the adapter's limits. */
  sizeMiB: z.number().int().min(1).max(16_384).default(BANDWIDTH_DEFAULT_SIZE_MIB),
  minBatchMs,
});
export type BandwidthParams = z.infer<typeof BandwidthParamsSchema>;

/** Parses a job's params; a bad value is an Error naming the field (a failure, never "unavailable"). */
export function parseParams<T>(schema: z.ZodType<T>, params: Record<string, unknown>): T {
  const parsed = schema.safeParse(params);
  if (!parsed.success) {
    throw new Error(`invalid params: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}

/**
 * Caps on a software (CPU) adapter such as SwiftShader, which runs these kernels 100–1000× slower than a GPU: the
 * default sizes would take minutes per repetition there, and the figure describes no GPU anyway.
 */
export const SOFTWARE_MAX_N = 256;
export const SOFTWARE_MAX_COPY_MIB = 32;
