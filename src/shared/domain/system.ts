import { z } from 'zod';

export const GpuVendorSchema = z.enum(['nvidia', 'amd', 'intel', 'apple', 'other']);
export type GpuVendor = z.infer<typeof GpuVendorSchema>;

export const GpuSchema = z.object({
  index: z.number().int().nonnegative(),
  vendor: GpuVendorSchema,
  name: z.string(),
  vramMiB: z.number().nullable(),
  driver: z.string().nullable(),
  pciBus: z.string().nullable(),
  computeCapability: z.string().nullable(),
  powerLimitW: z.number().nullable(),
  maxSmClockMHz: z.number().nullable(),
  maxMemClockMHz: z.number().nullable(),
  /**
   * True when the GPU has no memory of its own and shares system RAM (Apple silicon, Intel iGPUs): `vramMiB` is
   * then null or a small aperture, and what fits is bounded by RAM instead. Absent on snapshots from before it existed.
   */
  isUnifiedMemory: z.boolean().optional(),
  /** Which tool reported this GPU. */
  source: z.enum(['nvidia-smi', 'rocm-smi', 'system_profiler', 'systeminformation']),
});
export type Gpu = z.infer<typeof GpuSchema>;

export const BackendNameSchema = z.enum(['cuda', 'rocm', 'metal', 'vulkan', 'cpu']);
export type BackendName = z.infer<typeof BackendNameSchema>;

export const BackendStatusSchema = z.object({
  name: BackendNameSchema,
  isAvailable: z.boolean(),
  version: z.string().nullable(),
  /** Why it is not available, or where the version came from. */
  detail: z.string().nullable(),
});
export type BackendStatus = z.infer<typeof BackendStatusSchema>;

export const ToolProbeSchema = z.object({
  tool: z.string(),
  isFound: z.boolean(),
  detail: z.string().nullable(),
});
export type ToolProbe = z.infer<typeof ToolProbeSchema>;

/**
 * What a WebGPU (Dawn) adapter probe found, run once per detection in a worker process (Dawn may abort the process
 * that loads it). `adapter` is null when none answered, with `reason` saying why (or that the probe crashed).
 */
export const WebGpuProbeSchema = z.object({
  /** The adapter Rigmark's GPU benchmarks would measure, as Dawn names it ("NVIDIA GeForce RTX 4090"). */
  adapter: z.string().nullable(),
  /** Dawn backend it answered on ('vulkan', 'd3d12', 'metal', 'default'); null without an adapter. */
  backend: z.string().nullable(),
  /** A CPU implementation (SwiftShader, llvmpipe, WARP): its figures say nothing about a GPU. */
  isSoftware: z.boolean(),
  /** The adapter's WebGPU features, sorted ('shader-f16', 'timestamp-query'…); absent when not probed. */
  features: z.array(z.string()).optional(),
  /** Why there is no adapter. */
  reason: z.string().optional(),
});
export type WebGpuProbe = z.infer<typeof WebGpuProbeSchema>;

export const SystemSnapshotSchema = z.object({
  capturedAt: z.string(),
  gpus: z.array(GpuSchema),
  /** Set when `gpus` is empty: why no GPU was detected. */
  gpuReason: z.string().nullable(),
  tools: z.array(ToolProbeSchema),
  backends: z.array(BackendStatusSchema),
  cpu: z.object({
    vendor: z.string(),
    model: z.string(),
    cores: z.number().int(),
    threads: z.number().int(),
    speedGHz: z.number().nullable(),
    isaFlags: z.array(z.string()),
  }),
  memory: z.object({ totalMiB: z.number(), availableMiB: z.number().nullable() }),
  disks: z.array(
    z.object({ name: z.string(), type: z.string(), sizeGiB: z.number(), interfaceType: z.string().nullable() }),
  ),
  os: z.object({
    platform: z.string(),
    distro: z.string(),
    release: z.string(),
    kernel: z.string(),
    arch: z.string(),
  }),
  power: z.object({ hasBattery: z.boolean(), isOnBattery: z.boolean().nullable() }),
  runtime: z.object({ node: z.string(), electron: z.string().nullable(), rigmark: z.string() }),
  /** The WebGPU adapter probe's answer. Absent on snapshots from before it existed and when no probe ran. */
  webgpu: WebGpuProbeSchema.optional(),
});
export type SystemSnapshot = z.infer<typeof SystemSnapshotSchema>;

/**
 * One GPU telemetry reading taken while a benchmark runs (docs/METHOD.md "Telemetry"). Every reading is nullable
 * because vendor tools report `[N/A]` / `[Not Supported]` per field and per card.
 */
export const TelemetryRowSchema = z.object({
  /** Milliseconds since the sampler started. */
  tMs: z.number().nonnegative(),
  gpuIndex: z.number().int().nonnegative(),
  powerW: z.number().nullable(),
  tempC: z.number().nullable(),
  smClockMHz: z.number().nullable(),
  memClockMHz: z.number().nullable(),
  utilPct: z.number().nullable(),
  memUsedMiB: z.number().nullable(),
  /** NVIDIA `clocks_event_reasons.active` bitmask (decode with core/hardware/telemetry/throttle-reasons); null elsewhere. */
  throttleMask: z.number().int().nonnegative().nullable(),
});
export type TelemetryRow = z.infer<typeof TelemetryRowSchema>;
