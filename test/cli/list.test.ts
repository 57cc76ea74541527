import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../helpers/temp-dir';
import { runCli } from './run-cli';

const dataDir = useTempDirs('rigmark-cli-list-');

// The real CLI: detection probes WebGPU in a worker process, whose Vulkan finds the ICD named here or none.
describe('rigmark list (real process, real WebGPU probe)', () => {
  it('without a WebGPU adapter lists the gpu benchmarks apart, with the reason and how to enable them', async () => {
    const r = await runCli(['list'], { RIGMARK_DATA_DIR: dataDir(), VK_ICD_FILENAMES: '/nonexistent/icd.json' });
    expect(r.code, r.stderr).toBe(0);
    const [runnable, apart] = r.stdout.split('\nUnavailable here');
    expect(runnable).toMatch(/^benchmark\s+category/);
    expect(runnable).toMatch(/^system\.cpu /m);
    expect(runnable).not.toMatch(/gpu\./);
    for (const id of ['gpu.matmul-fp32', 'gpu.matmul-fp16', 'gpu.bandwidth']) {
      expect(apart).toContain(`  ${id} (gpu-compute): no WebGPU adapter: Dawn found none`);
    }
    expect(apart).toContain('    how to enable: install a Vulkan/Metal/D3D12 driver for your GPU');
  });

  it('with SwiftShader (a software adapter) the fp32 and bandwidth kernels are listed as runnable', async () => {
    const r = await runCli(['list', '--json'], { RIGMARK_DATA_DIR: dataDir(), VK_ICD_FILENAMES: '/usr/lib/chromium/vk_swiftshader_icd.json' });
    expect(r.code, r.stderr).toBe(0);
    const list = JSON.parse(r.stdout) as { id: string; availability: { isAvailable: boolean; reason?: string } }[];
    const byId = new Map(list.map((b) => [b.id, b.availability]));
    expect(byId.get('gpu.matmul-fp32')).toEqual({ isAvailable: true });
    expect(byId.get('gpu.bandwidth')).toEqual({ isAvailable: true });
    // SwiftShader has no shader-f16: known at plan time from the probe's features.
    expect(byId.get('gpu.matmul-fp16')).toMatchObject({ isAvailable: false, reason: expect.stringMatching(/^the adapter has no shader-f16/) });
  });
});
