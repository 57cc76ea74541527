import { describe, expect, it } from 'vitest';
import type { BenchmarkInfo } from '../../shared/domain/benchmark';
import { formatBenchmarkList } from './list';

function info(id: string, availability: BenchmarkInfo['availability'], estimatedMs = 6000): BenchmarkInfo {
  return {
    id,
    title: id,
    description: '',
    category: id.startsWith('gpu.') ? 'gpu-compute' : 'system',
    unit: 'u',
    higherIsBetter: true,
    defaultRepetitions: 5,
    timeoutMs: 60_000,
    suites: ['quick', 'full'],
    estimatedMs,
    availability,
  };
}

describe('formatBenchmarkList', () => {
  it('lists what can run with its time first, then apart what cannot, with reason and how to enable and no time', () => {
    const text = formatBenchmarkList([
      info('gpu.matmul-fp32', { isAvailable: false, reason: 'no WebGPU adapter: Dawn found none (tried vulkan, default)', howToEnable: 'install a driver' }, 61_000),
      info('system.cpu', { isAvailable: true }, 4000),
      info('ollama.generate', { isAvailable: false, reason: 'No Ollama answered' }),
    ]);
    const [table, apart] = text.split('\nUnavailable here');
    expect(table).toBe('benchmark   category  unit  suites      ~time\nsystem.cpu  system    u     quick,full  4s\n');
    expect(apart).toBe(
      ' (2):\n' +
        '  gpu.matmul-fp32 (gpu-compute): no WebGPU adapter: Dawn found none (tried vulkan, default)\n' +
        '    how to enable: install a driver\n' +
        '  ollama.generate (system): No Ollama answered\n',
    );
    expect(apart).not.toMatch(/1m01s/);
  });

  it('says so when nothing can run, and prints no unavailable block when everything can', () => {
    expect(formatBenchmarkList([info('gpu.bandwidth', { isAvailable: false, reason: 'r' })])).toBe(
      'No benchmark can run on this machine.\n\nUnavailable here (1):\n  gpu.bandwidth (gpu-compute): r\n',
    );
    expect(formatBenchmarkList([info('system.cpu', { isAvailable: true })])).not.toMatch(/Unavailable/);
  });
});
