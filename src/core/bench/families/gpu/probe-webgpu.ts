import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Identity } from '../../../../shared/domain/benchmark';
import type { WebGpuProbe } from '../../../../shared/domain/system';
import { WorkerMessageSchema, type WorkerJob } from '../../../../shared/worker-protocol';
import type { WorkerExit, WorkerHandle, WorkerLauncher } from '../../runner/worker-launcher';
import { ADAPTER_PROBE_ID } from './params';

/**
 * Parent side of the WebGPU adapter probe: asks a worker process (the same launcher and worker entry benchmarks
 * use, so Electron's bundled worker answers it too) which adapter the GPU benchmarks would measure. Dawn never
 * loads in this process: it may abort the process that loads it. Never rejects: a crash, a hang or a refusal is an
 * answer without an adapter, with the reason.
 */

/** How long the probe may take: starting a worker and asking each backend for an adapter takes a few seconds. */
export const PROBE_TIMEOUT_MS = 15_000;

// The worker's reason reads "no WebGPU adapter: Dawn found none (…)"; availability adds that prefix itself.
const NO_ADAPTER_PREFIX = /^no WebGPU adapter:\s*/;

/** An answer without an adapter. */
export function noAdapter(reason: string): WebGpuProbe {
  return { adapter: null, backend: null, isSoftware: false, reason };
}

/** Runs the probe in one worker process, which is killed if it has not answered within `timeoutMs`. */
export function probeWebGpu(launcher: WorkerLauncher, options: { timeoutMs?: number } = {}): Promise<WebGpuProbe> {
  const timeoutMs = options.timeoutMs ?? PROBE_TIMEOUT_MS;
  return new Promise((resolve) => {
    let isSettled = false;
    const settle = (probe: WebGpuProbe): void => {
      if (isSettled) return;
      isSettled = true;
      resolve(probe);
    };
    let handle: WorkerHandle;
    try {
      handle = launcher.launch();
    } catch (error) {
      settle(noAdapter(`the WebGPU probe could not start: ${error instanceof Error ? error.message : String(error)}`));
      return;
    }
    // Left running after the answer: it kills a worker whose native teardown hangs instead of exiting.
    const timer = setTimeout(() => {
      settle(noAdapter(`the WebGPU probe gave no answer within ${Math.round(timeoutMs / 1000)} s and was stopped`));
      handle.kill();
    }, timeoutMs);
    handle.onMessage((raw) => {
      const parsed = WorkerMessageSchema.safeParse(raw);
      if (!parsed.success) {
        settle(noAdapter('the WebGPU probe sent a message Rigmark could not read'));
        handle.kill();
        return;
      }
      const m = parsed.data;
      if (m.type === 'ready') handle.send(probeJob());
      else if (m.type === 'result') settle(fromIdentity(m.identity));
      else if (m.type === 'unavailable') settle(noAdapter(m.reason.replace(NO_ADAPTER_PREFIX, '')));
      else if (m.type === 'error') settle(noAdapter(`the WebGPU probe failed: ${m.message}`));
    });
    handle.onExit((exit) => {
      clearTimeout(timer);
      settle(noAdapter(`the WebGPU probe crashed (${exitWords(exit)}) before answering`));
    });
  });
}

function probeJob(): WorkerJob {
  // The probe writes nothing; a folder that is never created, since the worker removes its scratch dir on exit.
  const unused = join(tmpdir(), `rigmark-webgpu-probe-${process.pid}-${Date.now()}`);
  return {
    type: 'job',
    benchmarkId: ADAPTER_PROBE_ID,
    params: {},
    repetitions: { warmups: 0, planned: 1, max: 1, cvThreshold: 1 },
    scratchDir: unused,
    dataDir: unused,
  };
}

/** Reads the probe's identity (adapter-probe.ts); a malformed one is an answer without an adapter. */
export function fromIdentity(identity: Identity): WebGpuProbe {
  const { adapter, backend, isSoftware, features } = identity;
  if (typeof adapter !== 'string' || typeof backend !== 'string' || typeof isSoftware !== 'boolean') {
    return noAdapter('the WebGPU probe answered without naming an adapter');
  }
  const list = typeof features === 'string' ? features.split(',').filter((f) => f !== '') : [];
  return { adapter, backend, isSoftware, features: list };
}

function exitWords(exit: WorkerExit): string {
  return exit.signal ? `killed by ${exit.signal}` : `exit code ${exit.code}`;
}
