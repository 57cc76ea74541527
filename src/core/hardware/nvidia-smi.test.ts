import { describe, expect, it } from 'vitest';
import { hardwareFixture } from '../../../test/fixtures/hardware';
import {
  NVIDIA_DETECT_FIELDS_LEGACY,
  isUnknownFieldError,
  nvidiaQueryArgs,
  parseCudaVersion,
  parseNvidiaComputeApps,
  parseNvidiaCsv,
  parseNvidiaGpuList,
} from './nvidia-smi';

describe('parseNvidiaGpuList', () => {
  it('reads all eight A100s of a DGX with VRAM, driver, bus id, compute capability and clocks', () => {
    const gpus = parseNvidiaGpuList(hardwareFixture('nvidia-smi-detect-dgx-a100.csv'));
    expect(gpus).toHaveLength(8);
    expect(gpus.map((g) => g.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(gpus[7]).toEqual({
      index: 7,
      vendor: 'nvidia',
      name: 'NVIDIA A100-SXM4-80GB',
      vramMiB: 81920,
      driver: '535.104.05',
      pciBus: '00000000:BD:00.0',
      computeCapability: '8.0',
      powerLimitW: 400,
      maxSmClockMHz: 1410,
      maxMemClockMHz: 1593,
      source: 'nvidia-smi',
    });
  });

  it('reads an RTX 4090 line', () => {
    const [gpu] = parseNvidiaGpuList(hardwareFixture('nvidia-smi-detect-rtx4090.csv'));
    expect(gpu).toMatchObject({ name: 'NVIDIA GeForce RTX 4090', vramMiB: 24564, computeCapability: '8.9', maxSmClockMHz: 3120 });
  });

  it('turns [N/A] and [Not Supported] into null instead of NaN or text', () => {
    const [laptop, workstation] = parseNvidiaGpuList(hardwareFixture('nvidia-smi-detect-laptop-mixed.csv'));
    expect(laptop).toMatchObject({ name: 'NVIDIA GeForce RTX 3060 Laptop GPU', powerLimitW: null, maxSmClockMHz: 2100 });
    expect(workstation).toMatchObject({ name: 'NVIDIA RTX A2000 12GB', powerLimitW: 70, maxSmClockMHz: null, maxMemClockMHz: null });
  });

  it('reads the pre-R510 query that has no compute_cap column', () => {
    const [gpu] = parseNvidiaGpuList(hardwareFixture('nvidia-smi-detect-legacy-r470.csv'), NVIDIA_DETECT_FIELDS_LEGACY);
    expect(gpu).toMatchObject({ name: 'NVIDIA GeForce GTX 1060 6GB', vramMiB: 6078, computeCapability: null, powerLimitW: 120, maxMemClockMHz: 4004 });
  });

  it('keeps a product name that contains a comma whole', () => {
    const [gpu] = parseNvidiaGpuList('0, NVIDIA Graphics Device, Engineering Sample, 16384, 560.28.03, 00000000:01:00.0, 9.0, 300.00, 1980, 2619\n');
    expect(gpu?.name).toBe('NVIDIA Graphics Device, Engineering Sample');
    expect(gpu?.vramMiB).toBe(16384);
  });

  it('yields no GPU from an error message or empty output', () => {
    expect(parseNvidiaGpuList("NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver.\n")).toEqual([]);
    expect(parseNvidiaGpuList('')).toEqual([]);
  });
});

describe('nvidia-smi helpers', () => {
  it('builds the csv query arguments', () => {
    expect(nvidiaQueryArgs(['pid', 'used_memory'], 'compute-apps')).toEqual([
      '--query-compute-apps=pid,used_memory',
      '--format=csv,noheader,nounits',
    ]);
  });

  it('reads the CUDA version from the banner', () => {
    expect(parseCudaVersion(hardwareFixture('nvidia-smi-banner-rtx4090.txt'))).toBe('12.4');
    expect(parseCudaVersion('No devices were found')).toBeNull();
  });

  it('recognises the unknown-field rejection of older drivers', () => {
    expect(isUnknownFieldError('Field "compute_cap" is not a valid field to query.\n\n')).toBe(true);
    expect(isUnknownFieldError('No devices were found')).toBe(false);
  });

  it('parses compute processes, with WDDM [N/A] memory as null', () => {
    expect(parseNvidiaComputeApps(hardwareFixture('nvidia-smi-compute-apps.csv'))).toEqual([
      { pid: 81234, name: '/usr/bin/python3.10', usedMemoryMiB: 20480 },
      { pid: 9911, name: 'C:\\Program Files\\LM Studio\\LM Studio.exe', usedMemoryMiB: null },
    ]);
    expect(parseNvidiaComputeApps('')).toEqual([]);
  });

  it('skips lines with too few columns rather than misaligning fields', () => {
    expect(parseNvidiaCsv('0, 1\n', ['index', 'name', 'memory.total'])).toEqual([]);
  });
});
