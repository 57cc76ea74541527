import type { PreflightCheck } from '../../shared/domain/preflight';
import type { SystemSnapshot } from '../../shared/domain/system';
import { NVIDIA_COMPUTE_APPS_FIELDS, nvidiaQueryArgs, parseNvidiaComputeApps } from './nvidia-smi';
import { parseRocmPids } from './rocm-smi';
import type { ToolRunner } from './tool-runner';
import { describeToolFailure } from './tool-runner';

interface BusyProcess {
  pid: number;
  name: string;
  usedMemoryMiB: number | null;
}

/**
 * Warns when another process holds a GPU compute context: it competes for the GPU and its memory, so figures drop
 * and vary. NVIDIA via `nvidia-smi --query-compute-apps`, AMD via `rocm-smi --showpids --json`. Rigmark's own
 * processes (`ownPids`) are not counted.
 */
export async function checkGpuBusy(
  snapshot: SystemSnapshot,
  runTool: ToolRunner,
  ownPids: readonly number[],
): Promise<PreflightCheck[]> {
  const vendors = new Set(snapshot.gpus.map((g) => g.vendor));
  const checks: PreflightCheck[] = [];
  if (vendors.has('nvidia')) {
    const result = await runTool('nvidia-smi', nvidiaQueryArgs(NVIDIA_COMPUTE_APPS_FIELDS, 'compute-apps'));
    if (result.isFound && result.exitCode === 0) checks.push(...busyChecks('nvidia', parseNvidiaComputeApps(result.stdout), ownPids));
    else if (result.isFound) checks.push(couldNotList('nvidia-smi', describeToolFailure(result)));
  }
  if (vendors.has('amd')) {
    const result = await runTool('rocm-smi', ['--showpids', '--json']);
    if (result.isFound && result.exitCode === 0) checks.push(...busyChecks('amd', parseRocmPids(result.stdout), ownPids));
    else if (result.isFound) checks.push(couldNotList('rocm-smi', describeToolFailure(result)));
  }
  return checks;
}

function busyChecks(vendor: 'nvidia' | 'amd', processes: BusyProcess[], ownPids: readonly number[]): PreflightCheck[] {
  const others = processes.filter((p) => !ownPids.includes(p.pid));
  if (others.length === 0) return [];
  const list = others
    .map((p) => `${p.name} (pid ${p.pid}${p.usedMemoryMiB !== null ? `, ${p.usedMemoryMiB} MiB` : ''})`)
    .join(', ');
  return [
    {
      id: `gpu-busy:${vendor}`,
      severity: 'warning',
      message: `Other processes are using the GPU: ${list}. They compete for compute and memory, so results will be lower and less stable.`,
      fix: 'Close those programs (or stop their services) before running, then run the preflight again.',
    },
  ];
}

function couldNotList(tool: string, why: string): PreflightCheck {
  return {
    id: `gpu-busy:${tool}`,
    severity: 'info',
    message: `Could not list the processes using the GPU (${tool}: ${why}).`,
    fix: 'Check that no other GPU program is running before you start.',
  };
}
