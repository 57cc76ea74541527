import { describe, expect, it } from 'vitest';
import { FIXTURE_WORKER_ENTRY } from '../../../../../test/fixtures/bench/fixture-definitions';
import { detectSystem } from '../../../hardware/detect-system';
import { createForkLauncher } from '../../runner/fork-launcher';
import type { WorkerExit, WorkerHandle, WorkerLauncher } from '../../runner/worker-launcher';
import { checkDawnAvailability } from './definitions';
import { NO_ADAPTER_HOW_TO } from './how-to';
import { fromIdentity, probeWebGpu } from './probe-webgpu';

// Real worker processes through the real worker entry (src/core/bench/worker/entry.ts, run by tsx), as core
// launches them. vitest.config.ts points VK_ICD_FILENAMES at Debian Chromium's SwiftShader, a software Vulkan
// driver; a missing ICD file leaves Vulkan without any driver.
const swiftShader = process.env['VK_ICD_FILENAMES'] ?? '/usr/lib/chromium/vk_swiftshader_icd.json';

function launcherWithIcd(icdFile: string): WorkerLauncher {
  return createForkLauncher({ env: { ...process.env, VK_ICD_FILENAMES: icdFile } });
}

/**
 * The fixture worker with the probe's job turned into another fixture job (a crash, a hang), so the probe meets
 * a real misbehaving child; `exits` resolves with how the child ended.
 */
function fixtureLauncher(benchmarkId: string, params: Record<string, unknown>): { launcher: WorkerLauncher; exits: Promise<WorkerExit> } {
  const inner = createForkLauncher({ entry: FIXTURE_WORKER_ENTRY });
  let onExit: (exit: WorkerExit) => void = () => undefined;
  const exits = new Promise<WorkerExit>((resolve) => (onExit = resolve));
  const launcher: WorkerLauncher = {
    launch(options) {
      const handle = inner.launch(options);
      handle.onExit(onExit);
      const redirected: WorkerHandle = {
        pid: handle.pid,
        send: (job) => handle.send({ ...job, benchmarkId, params }),
        onMessage: (l) => handle.onMessage(l),
        onExit: (l) => handle.onExit(l),
        kill: () => handle.kill(),
        stderrTail: () => handle.stderrTail(),
      };
      return redirected;
    },
  };
  return { launcher, exits };
}

describe('WebGPU adapter probe in a real worker process', () => {
  it('finds SwiftShader on Vulkan, labels it software and lists its features', async () => {
    const probe = await probeWebGpu(launcherWithIcd(swiftShader));
    expect(probe).toMatchObject({ adapter: expect.stringMatching(/SwiftShader/), backend: 'vulkan', isSoftware: true });
    expect(probe.reason).toBeUndefined();
    expect(probe.features).toEqual([...(probe.features ?? [])].sort());
    // A software adapter is available: its results carry isSoftwareAdapter and are never compared.
    expect(await checkDawnAvailability({ webgpu: probe })).toEqual({ isAvailable: true });
  });

  it('answers "no adapter" with Dawn\'s reason when Vulkan has no driver, and availability says how to enable it', async () => {
    const probe = await probeWebGpu(launcherWithIcd('/nonexistent/icd.json'));
    expect(probe).toEqual({ adapter: null, backend: null, isSoftware: false, reason: expect.stringMatching(/^Dawn found none \(tried /) });
    expect(await checkDawnAvailability({ webgpu: probe })).toEqual({
      isAvailable: false,
      reason: `no WebGPU adapter: ${probe.reason}`,
      howToEnable: NO_ADAPTER_HOW_TO,
    });
  });

  it('goes into the snapshot when detection is given the probe', async () => {
    const snapshot = await detectSystem({ probeWebGpu: () => probeWebGpu(launcherWithIcd(swiftShader)), vulkanLoaderPaths: [] });
    expect(snapshot.webgpu).toMatchObject({ adapter: expect.stringMatching(/SwiftShader/), isSoftware: true });
  });

  it('a worker that crashes is an answer: no adapter, "crashed" and how it ended', async () => {
    const { launcher, exits } = fixtureLauncher('fixture.crash', { crashAfter: 0 });
    const probe = await probeWebGpu(launcher);
    expect(probe).toEqual({ adapter: null, backend: null, isSoftware: false, reason: 'the WebGPU probe crashed (killed by SIGABRT) before answering' });
    expect((await exits).signal).toBe('SIGABRT');
  });

  it('a worker that never answers is stopped, and the answer says it gave none in time', async () => {
    const { launcher, exits } = fixtureLauncher('fixture.hang', {});
    const probe = await probeWebGpu(launcher, { timeoutMs: 1000 });
    expect(probe).toEqual({ adapter: null, backend: null, isSoftware: false, reason: 'the WebGPU probe gave no answer within 1 s and was stopped' });
    expect((await exits).signal).toBe('SIGKILL');
  });

  it('a worker without the probe (another build) reports its error as the reason', async () => {
    const probe = await probeWebGpu(createForkLauncher({ entry: FIXTURE_WORKER_ENTRY }));
    expect(probe).toEqual({ adapter: null, backend: null, isSoftware: false, reason: 'the WebGPU probe failed: no worker implementation for gpu.adapter-probe' });
  });

  it('a launcher that cannot start a process is an answer too', async () => {
    const broken: WorkerLauncher = {
      launch: () => {
        throw new Error('spawn EACCES');
      },
    };
    expect(await probeWebGpu(broken)).toMatchObject({ adapter: null, reason: 'the WebGPU probe could not start: spawn EACCES' });
  });
});

describe('fromIdentity', () => {
  it('reads the probe identity, features split and empty ones dropped', () => {
    expect(fromIdentity({ adapter: 'A', backend: 'metal', isSoftware: false, features: 'shader-f16,timestamp-query' })).toEqual({
      adapter: 'A',
      backend: 'metal',
      isSoftware: false,
      features: ['shader-f16', 'timestamp-query'],
    });
    expect(fromIdentity({ adapter: 'A', backend: 'metal', isSoftware: false, features: '' }).features).toEqual([]);
  });

  it('an identity without an adapter name is no adapter', () => {
    expect(fromIdentity({ backend: 'vulkan', isSoftware: true })).toMatchObject({ adapter: null, reason: expect.stringMatching(/without naming an adapter/) });
  });
});
