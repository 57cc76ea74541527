import { describe, expect, it } from 'vitest';
import { hardwareFixture } from '../../../test/fixtures/hardware';
import { parseRocmDocument, parseRocmGpuList, parseRocmPids, rocmNumber } from './rocm-smi';

describe('parseRocmGpuList', () => {
  it('reads a ROCm 6 RX 7900 XTX after the low-power warning that precedes the JSON', () => {
    const gpus = parseRocmGpuList(hardwareFixture('rocm-smi-detect-7900xtx-rocm6.txt'));
    expect(gpus).toEqual([
      {
        index: 0,
        vendor: 'amd',
        name: 'Radeon RX 7900 XTX',
        vramMiB: 24560,
        driver: '6.7.0',
        pciBus: '0000:03:00.0',
        computeCapability: 'gfx1100',
        powerLimitW: 327,
        maxSmClockMHz: null,
        maxMemClockMHz: null,
        source: 'rocm-smi',
      },
    ]);
  });

  it('reads ROCm 5 lower-case keys and both GCDs of an MI250X, with "N/A (Secondary die)" as null', () => {
    const gpus = parseRocmGpuList(hardwareFixture('rocm-smi-detect-mi250x-rocm5.json'));
    expect(gpus.map((g) => [g.index, g.name, g.vramMiB, g.powerLimitW])).toEqual([
      [0, 'Aldebaran/MI200 [Instinct MI250X/MI250]', 65520, 560],
      [1, 'Aldebaran/MI200 [Instinct MI250X/MI250]', 65520, null],
    ]);
    expect(gpus[0]?.driver).toBe('5.16.9.22.20');
  });

  it('yields nothing for output that is not a JSON object', () => {
    expect(parseRocmGpuList('ERROR: No AMD GPUs specified\n')).toEqual([]);
    expect(parseRocmGpuList('[1, 2]')).toEqual([]);
    expect(parseRocmDocument('{"card0": ')).toBeNull();
  });

  it('orders cards by number, not by key order', () => {
    const doc = parseRocmDocument('{"card10": {"Card Series": "b"}, "card2": {"Card Series": "a"}}');
    expect(doc?.cards.map((c) => c.index)).toEqual([2, 10]);
  });
});

describe('rocm-smi values', () => {
  it('extracts numbers from clock and power strings', () => {
    expect(rocmNumber('(2482Mhz)')).toBe(2482);
    expect(rocmNumber('61.5')).toBe(61.5);
    expect(rocmNumber('N/A')).toBeNull();
    expect(rocmNumber(null)).toBeNull();
  });

  it('parses --showpids entries with their VRAM in MiB', () => {
    expect(parseRocmPids(hardwareFixture('rocm-smi-showpids.json'))).toEqual([
      { pid: 2918822, name: 'python3', usedMemoryMiB: 20480 },
      { pid: 3011, name: 'llama-server', usedMemoryMiB: 4608 },
    ]);
  });
});
