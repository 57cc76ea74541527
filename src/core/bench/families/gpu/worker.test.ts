import { spawn } from 'node:child_process';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ChildRequest } from './child-runner';

// Dawn runs in child processes: its state is process-global, the Vulkan loader reads VK_ICD_FILENAMES and
// LD_LIBRARY_PATH only at process start, and a native error may abort the process. vitest.config.ts points
// VK_ICD_FILENAMES at Debian Chromium's SwiftShader; the Vulkan loader (libvulkan.so.1) ships in the same folder.
const runner = fileURLToPath(new URL('./child-runner.ts', import.meta.url));
const icd = process.env['VK_ICD_FILENAMES'] ?? '/usr/lib/chromium/vk_swiftshader_icd.json';

interface ChildResult {
  exitCode: number | null;
  result: Record<string, unknown>;
  stderr: string;
}

function runChild(request: ChildRequest, icdFile: string = icd): Promise<ChildResult> {
  const env = {
    ...process.env,
    VK_ICD_FILENAMES: icdFile,
    LD_LIBRARY_PATH: [dirname(icd), process.env['LD_LIBRARY_PATH']].filter(Boolean).join(':'),
  };
  const child = spawn(process.execPath, ['--import', 'tsx', runner, JSON.stringify(request)], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (exitCode) => {
      const line = stdout.trim().split('\n').pop() ?? '';
      try {
        resolve({ exitCode, result: JSON.parse(line) as Record<string, unknown>, stderr });
      } catch {
        reject(new Error(`child printed no result (exit ${exitCode}): ${stdout}\n${stderr}`));
      }
    });
  });
}

function samplesOf(result: Record<string, unknown>): { value: number }[] {
  expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
  return result['samples'] as { value: number }[];
}

describe('gpu benchmarks on a software adapter (SwiftShader through Dawn)', () => {
  it('matmul-fp32 verifies its output, measures positive GFLOP/s and labels the adapter as software', async () => {
    const { exitCode, result } = await runChild({ benchmarkId: 'gpu.matmul-fp32', params: { n: 128, minBatchMs: 20 } });
    // The child exits by itself after teardown: the destroyed device keeps no handle open.
    expect(exitCode).toBe(0);
    for (const s of samplesOf(result)) expect(s.value).toBeGreaterThan(0);
    expect(result['identity']).toMatchObject({
      engine: 'dawn',
      backend: 'vulkan',
      isSoftwareAdapter: true,
      precision: 'f32',
      n: 128,
      timing: expect.stringMatching(/^(timestamp-query|wall-clock)$/),
      adapterDescription: expect.stringMatching(/SwiftShader/),
    });
    expect(result['notes']).toEqual(expect.arrayContaining([expect.stringMatching(/software/)]));
  });

  it('bandwidth verifies the copy and measures positive GB/s', async () => {
    const { exitCode, result } = await runChild({ benchmarkId: 'gpu.bandwidth', params: { sizeMiB: 4, minBatchMs: 20 } });
    expect(exitCode).toBe(0);
    for (const s of samplesOf(result)) expect(s.value).toBeGreaterThan(0);
    expect(result['identity']).toMatchObject({ bufferMiB: 4, countsBytes: 'read+write', isSoftwareAdapter: true });
  });

  it('matmul-fp16 is unavailable with the reason when the adapter lacks shader-f16', async () => {
    const { result } = await runChild({ benchmarkId: 'gpu.matmul-fp16', params: { n: 128, minBatchMs: 20 } });
    // SwiftShader has no shader-f16; should it gain it, the benchmark must then run and verify instead.
    if (result['ok'] === true) expect(result['identity']).toMatchObject({ precision: 'f16' });
    else expect(result).toMatchObject({ kind: 'unavailable', message: expect.stringMatching(/shader-f16/) });
  });

  it('is unavailable with "no WebGPU adapter" and how to enable it when Vulkan finds no driver', async () => {
    const { exitCode, result } = await runChild({ benchmarkId: 'gpu.matmul-fp32', params: { n: 128 } }, '/nonexistent/icd.json');
    expect(exitCode).toBe(0);
    expect(result).toMatchObject({
      ok: false,
      kind: 'unavailable',
      message: expect.stringMatching(/^no WebGPU adapter: /),
      howToEnable: 'install a Vulkan/Metal/D3D12 driver for your GPU',
    });
  });

  it('every kernel, f16 included, compiles on the null backend (WGSL validation without an f16 adapter)', async () => {
    const { result } = await runChild({ mode: 'compile-null' });
    expect(result).toEqual({ ok: true, compiled: ['matmul-f32', 'matmul-f16', 'copy'] });
  });
});
