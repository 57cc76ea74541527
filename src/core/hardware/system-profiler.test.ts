import { describe, expect, it } from 'vitest';
import { hardwareFixture } from '../../../test/fixtures/hardware';
import { parseSystemProfilerDisplays } from './system-profiler';

describe('parseSystemProfilerDisplays', () => {
  it('reports an Apple M2 Max as a unified-memory GPU with Metal 3', () => {
    const report = parseSystemProfilerDisplays(hardwareFixture('system-profiler-m2-max.json'));
    expect(report.metalVersion).toBe('Metal 3');
    expect(report.gpus).toEqual([
      expect.objectContaining({ vendor: 'apple', name: 'Apple M2 Max', vramMiB: null, isUnifiedMemory: true, source: 'system_profiler' }),
    ]);
  });

  it('reports an Intel Mac with an iGPU (shared memory) and a Radeon with 8 GB of VRAM', () => {
    const report = parseSystemProfilerDisplays(hardwareFixture('system-profiler-intel-mbp16-2019.json'));
    expect(report.gpus.map((g) => [g.vendor, g.name, g.vramMiB, g.isUnifiedMemory])).toEqual([
      ['intel', 'Intel UHD Graphics 630', null, true],
      ['amd', 'AMD Radeon Pro 5500M', 8192, false],
    ]);
    expect(report.metalVersion).toBe('Metal (GPU family mac2)');
  });

  it('returns an empty report for non-JSON output', () => {
    expect(parseSystemProfilerDisplays('system_profiler: error')).toEqual({ gpus: [], metalVersion: null });
  });
});
