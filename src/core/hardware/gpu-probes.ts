import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Systeminformation } from 'systeminformation';
import type { Gpu, ToolProbe } from '../../shared/domain/system';
import {
  NVIDIA_DETECT_FIELDS,
  NVIDIA_DETECT_FIELDS_LEGACY,
  isUnknownFieldError,
  nvidiaQueryArgs,
  parseCudaVersion,
  parseNvidiaGpuList,
} from './nvidia-smi';
import { ROCM_DETECT_ARGS, parseRocmGpuList } from './rocm-smi';
import { gpusFromSiControllers } from './si-graphics';
import { SYSTEM_PROFILER_ARGS, parseSystemProfilerDisplays } from './system-profiler';
import type { ToolResult, ToolRunner } from './tool-runner';
import { describeToolFailure } from './tool-runner';

/** What one GPU source found: its GPUs, its probe line, why it found none, and a version where it tells one. */
export interface GpuSourceReport {
  gpus: Gpu[];
  probe: ToolProbe;
  /** Phrase for `gpuReason` when this source found nothing ("nvidia-smi not installed"). */
  reason: string | null;
  /** CUDA version (nvidia-smi), ROCm version (rocm-smi), Metal version (system_profiler). */
  version: string | null;
}

function notFound(tool: string): GpuSourceReport {
  return { gpus: [], probe: { tool, isFound: false, detail: 'not installed' }, reason: `${tool} not installed`, version: null };
}

function failed(tool: string, result: ToolResult): GpuSourceReport {
  const why = describeToolFailure(result);
  return { gpus: [], probe: { tool, isFound: true, detail: why }, reason: `${tool} failed (${why})`, version: null };
}

function listed(tool: string, gpus: Gpu[], version: string | null, extra = ''): GpuSourceReport {
  const names = gpus.map((g) => g.name).join(', ');
  const detail = gpus.length ? `${gpus.length} GPU(s): ${names}${extra}` : `listed no GPU${extra}`;
  return { gpus, probe: { tool, isFound: true, detail }, reason: gpus.length ? null : `${tool} listed no GPU`, version };
}

/** Runs the nvidia-smi detection query (falling back to the pre-R510 field list) and reads CUDA from its banner. */
export async function probeNvidiaSmi(runTool: ToolRunner): Promise<GpuSourceReport> {
  const [query, banner] = await Promise.all([
    runTool('nvidia-smi', nvidiaQueryArgs(NVIDIA_DETECT_FIELDS)),
    runTool('nvidia-smi', []),
  ]);
  if (!query.isFound) return notFound('nvidia-smi');
  let result = query;
  let fields: readonly string[] = NVIDIA_DETECT_FIELDS;
  if (query.exitCode !== 0 && isUnknownFieldError(query.stdout + query.stderr)) {
    fields = NVIDIA_DETECT_FIELDS_LEGACY;
    result = await runTool('nvidia-smi', nvidiaQueryArgs(fields));
  }
  if (result.exitCode !== 0) return failed('nvidia-smi', result);
  const cuda = banner.exitCode === 0 ? parseCudaVersion(banner.stdout) : null;
  return listed('nvidia-smi', parseNvidiaGpuList(result.stdout, fields), cuda, cuda ? `; CUDA ${cuda}` : '');
}

/** Runs rocm-smi detection; the ROCm version comes from `<rocmRoot>/.info/version`, which ROCm installs write. */
export async function probeRocmSmi(runTool: ToolRunner, rocmRoot: string): Promise<GpuSourceReport> {
  const result = await runTool('rocm-smi', ROCM_DETECT_ARGS);
  if (!result.isFound) return notFound('rocm-smi');
  // rocm-smi exits non-zero when one card of several fails a query, yet still prints the rest: parse anyway.
  const gpus = parseRocmGpuList(result.stdout);
  if (gpus.length === 0 && result.exitCode !== 0) return failed('rocm-smi', result);
  const version = await readRocmVersion(rocmRoot);
  return listed('rocm-smi', gpus, version, version ? `; ROCm ${version}` : '');
}

async function readRocmVersion(rocmRoot: string): Promise<string | null> {
  try {
    const text = (await readFile(join(rocmRoot, '.info', 'version'), 'utf8')).trim();
    return text || null;
  } catch {
    return null;
  }
}

/** Runs `system_profiler SPDisplaysDataType -json` (macOS only; it can take a second or two). */
export async function probeSystemProfiler(runTool: ToolRunner): Promise<GpuSourceReport> {
  const result = await runTool('system_profiler', SYSTEM_PROFILER_ARGS, { timeoutMs: 15_000 });
  if (!result.isFound) return notFound('system_profiler');
  if (result.exitCode !== 0) return failed('system_profiler', result);
  const report = parseSystemProfilerDisplays(result.stdout);
  return listed('system_profiler', report.gpus, report.metalVersion);
}

/** Reads systeminformation's display controllers, dropping virtual adapters. Never throws. */
export async function probeSiGraphics(graphics: () => Promise<Systeminformation.GraphicsData>): Promise<GpuSourceReport> {
  const tool = 'systeminformation';
  let data: Systeminformation.GraphicsData;
  try {
    data = await graphics();
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return { gpus: [], probe: { tool, isFound: true, detail: `graphics() failed: ${why}` }, reason: `systeminformation failed (${why})`, version: null };
  }
  const { gpus, ignored } = gpusFromSiControllers(data.controllers);
  const ignoredText = ignored.length ? `; ignored ${ignored.join(', ')}` : '';
  const detail = `${gpus.length} display controller(s) kept${ignoredText}`;
  let reason: string | null = null;
  if (gpus.length === 0) {
    reason = ignored.length
      ? `systeminformation reported only virtual or basic display adapters (${ignored.join(', ')})`
      : 'systeminformation reported no display controller with dedicated memory';
  }
  return { gpus, probe: { tool, isFound: true, detail }, reason, version: null };
}
