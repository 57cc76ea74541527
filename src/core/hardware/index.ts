/** Public face of core/hardware: detection, snapshot hashing, telemetry and preflight. */
export { detectSystem } from './detect-system';
export type { DetectSystemOptions, SystemInfoSource } from './detect-system';
export { hashSnapshot, canonicalJson } from './snapshot-hash';
export { runPreflight } from './preflight';
export type { PreflightBenchmark, PreflightCheck, PreflightInput, StatfsResult } from './preflight';
export { createToolRunner, defaultToolRunner, findExecutable } from './tool-runner';
export type { ToolResult, ToolRunner, ToolRunnerOptions } from './tool-runner';
export { createTelemetrySampler, DEFAULT_TELEMETRY_INTERVAL_MS } from './telemetry/create-sampler';
export type { TelemetrySamplerOptions } from './telemetry/create-sampler';
export type { TelemetryRow, TelemetrySampler } from './telemetry/types';
export { summarizeTelemetry } from './telemetry/summarize';
export type { TelemetrySummaryInput } from './telemetry/summarize';
export { decodeThrottleReasons, parseThrottleMask, throttlingReasons } from './telemetry/throttle-reasons';
