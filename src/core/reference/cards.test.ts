import { describe, expect, it } from 'vitest';
import type { CardMeta } from '../../shared/domain/reference';
import { compareCardOrder } from './card-order';
import { cardSpecs, figuresForGpu, listCards, matchGpuName } from './cards';
import { normaliseVariant, parseGpuName } from './gpu-name';
import { loadReference } from './load-reference';

const dataset = loadReference();

describe('matchGpuName', () => {
  it.each([
    ['NVIDIA GeForce RTX 4090', 'rtx-4090', null],
    ['NVIDIA A100-SXM4-80GB', 'a100', 'SXM 80GB'],
    ['NVIDIA A100 80GB PCIe', 'a100', 'PCIe 80GB'],
    ['NVIDIA A100-PCIE-40GB', 'a100', 'PCIe 40GB'],
    ['NVIDIA H100 80GB HBM3', 'h100', '80GB'],
    ['NVIDIA H100 PCIe', 'h100', 'PCIe'],
    ['NVIDIA GeForce RTX 3090 Ti', 'rtx-3090-ti', null],
    ['NVIDIA GeForce RTX 3090', 'rtx-3090', null],
    ['NVIDIA RTX A6000', 'rtx-a6000', null],
    ['NVIDIA L40S', 'l40s', null],
    ['NVIDIA L40', 'l40', null],
    ['NVIDIA RTX 6000 Ada Generation', 'rtx-6000-ada', null],
    ['Quadro RTX 6000', 'quadro-rtx-6000', null],
    ['Apple M2 Ultra', 'apple-m2-ultra-76-core-gpu', null],
    ['Apple M3 Max', 'apple-m3-max-40-core-gpu', null],
    ['AMD Radeon RX 7900 XTX', 'amd-radeon-rx-7900-xtx', null],
    ['NVIDIA GeForce RTX 4080 SUPER', 'rtx-4080-super', null],
    ['NVIDIA GeForce RTX 4080', 'rtx-4080', null],
    ['Tesla V100-SXM2-32GB', 'v100', 'SXM 32GB'],
    ['NVIDIA H200', 'h200', null],
    ['NVIDIA GeForce RTX 4070 Ti SUPER', 'rtx-4070-ti-super', null],
    ['NVIDIA GeForce RTX 4090 D', 'rtx-4090-d', null],
    ['Intel(R) Arc(TM) B580 Graphics', 'intel-arc-b580', null],
    ['AMD Instinct MI210', 'amd-instinct-mi210', null],
    ['NVIDIA RTX PRO 6000 Blackwell Max-Q Workstation Edition', 'rtx-pro-6000-blackwell-max-q', null],
    ['Tesla P40', 'p40', null],
  ])('maps "%s" to %s', (name, key, variant) => {
    const match = matchGpuName(name, dataset);
    expect(match?.key).toBe(key);
    expect(match?.variant ?? null).toBe(variant);
    expect(match?.displayName).toBe(dataset.cards.find((c) => c.key === key)?.displayName);
  });

  it.each([
    ['NVIDIA GeForce RTX 3090 Ti', 'NVIDIA GeForce RTX 3090'],
    ['NVIDIA GeForce RTX 4080 SUPER', 'NVIDIA GeForce RTX 4080'],
    ['NVIDIA GeForce RTX 4070 Ti', 'NVIDIA GeForce RTX 4070'],
    ['NVIDIA L40S', 'NVIDIA L40'],
    ['AMD Radeon RX 9070 XT', 'AMD Radeon RX 9070'],
  ])('keeps the near-misses "%s" and "%s" apart', (a, b) => {
    expect(matchGpuName(a, dataset)?.key).not.toBe(matchGpuName(b, dataset)?.key);
  });

  it.each([
    'NVIDIA GeForce RTX 4060',
    'NVIDIA GeForce RTX 4060 Ti',
    'NVIDIA GeForce RTX 3060 Ti',
    'NVIDIA GeForce RTX 4090 Laptop GPU',
    'NVIDIA A100-SXM4-40GB MIG 1g.5gb',
    'AMD Radeon RX 7900 XT',
    'NVIDIA RTX 6000',
    'NVIDIA GeForce GTX 1080 Ti',
    'NVIDIA RTX 4000 SFF Ada Generation',
    'Apple M1',
    'Apple M2 Ultra 60-core GPU',
    'llvmpipe (LLVM 15.0.6, 256 bits)',
    '',
  ])('returns null for "%s" (not in the dataset, or ambiguous)', (name) => {
    expect(matchGpuName(name, dataset)).toBeNull();
  });

  it('uses the GPU-core count to tell Apple configurations apart', () => {
    expect(matchGpuName('Apple M1 7-core GPU', dataset)?.key).toBe('apple-m1-7-core-gpu');
    expect(matchGpuName('Apple M1 (8-core GPU)', dataset)?.key).toBe('apple-m1-8-core');
  });

  it('never matches a multi-GPU entry', () => {
    expect(matchGpuName('2x NVIDIA GeForce RTX 3090', dataset)).toBeNull();
  });
});

describe('variants', () => {
  it('normalises source variants to the same labels as detected names', () => {
    expect(normaliseVariant('SXM4 80GB')).toBe('SXM 80GB');
    expect(normaliseVariant('PCIe 40GB')).toBe('PCIe 40GB');
    expect(normaliseVariant('')).toBeNull();
    expect(parseGpuName('Tesla V100 32 GB')).toMatchObject({ tokens: ['v100'], memoryGB: 32 });
  });
});

describe('cardSpecs', () => {
  it('cites the record and the rule for each spec value', () => {
    const specs = cardSpecs('rtx-3090', null, dataset);
    expect(specs.memoryBandwidthGBps).toMatchObject({ value: 936, basis: 'spec-record', sourceKind: 'secondary' });
    expect(specs.fp16TensorTflops?.value).toBe(142);
    expect(specs.fp16TensorTflops?.note).toContain('71 TFLOPS');
    expect(specs.fp32Tflops?.value).toBe(35.6);
    expect(specs.vramGB?.value).toBe(24);
    const recordIds = new Set(figuresForGpu('rtx-3090', dataset).map((r) => r.id));
    for (const value of Object.values(specs)) {
      if (value) expect(recordIds.has(value.recordId)).toBe(true);
    }
  });

  it('prefers the variant named by the detected GPU, and shows the other candidates', () => {
    expect(cardSpecs('a100', 'PCIe 40GB', dataset).memoryBandwidthGBps?.value).toBe(1555);
    expect(cardSpecs('a100', 'PCIe 80GB', dataset).memoryBandwidthGBps?.value).toBe(1935);
    const sxm = cardSpecs('a100', 'SXM 80GB', dataset).memoryBandwidthGBps;
    expect(sxm?.value).toBe(2039);
    expect(sxm?.alternatives.map((a) => a.value).sort()).toEqual([1555, 1555, 1935]);
    expect(cardSpecs('a100', 'PCIe 80GB', dataset).vramGB).toMatchObject({ value: 80, basis: 'variant-name' });
  });

  it('uses a stated value before a stated lower bound, unless the variant only has the bound', () => {
    expect(cardSpecs('h100', null, dataset).memoryBandwidthGBps?.value).toBe(3350);
    expect(cardSpecs('h100', 'PCIe 80GB', dataset).memoryBandwidthGBps).toMatchObject({ value: 2000 });
    expect(cardSpecs('h100', 'PCIe 80GB', dataset).memoryBandwidthGBps?.note).toContain('lower-bound');
  });

  it('falls back to the memory size in a variant name when no spec record exists', () => {
    expect(cardSpecs('l40s', null, dataset)).toMatchObject({
      vramGB: { value: 48, basis: 'variant-name' },
      memoryBandwidthGBps: null,
      fp32Tflops: null,
    });
  });
});

describe('listCards', () => {
  it('lists every card with variants, figure count and specs', () => {
    const cards = listCards(dataset);
    expect(cards).toHaveLength(dataset.cards.length);
    const a100 = cards.find((c) => c.key === 'a100');
    expect(a100?.variants).toEqual(expect.arrayContaining(['PCIe 40GB', 'SXM 80GB', 'SXM4 80GB']));
    expect(a100?.figureCount).toBe(90);
    expect(cards.reduce((sum, c) => sum + c.figureCount, 0)).toBe(dataset.records.length);
  });
});

describe('card order', () => {
  const names = (keys: readonly string[]): string[] => {
    const order = listCards(dataset).map((c) => c.key);
    return [...keys].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  };
  /** A card as a user's reference file could add it: only the name and vendor say where it goes. */
  const card = (displayName: string, vendor: CardMeta['vendor'], gpuCount = 1) => ({ key: displayName.toLowerCase().replace(/\W+/g, '-'), displayName, vendor, gpuCount });
  const sorted = (cards: ReturnType<typeof card>[]): string[] => [...cards].sort(compareCardOrder).map((c) => c.displayName);

  it('lists NVIDIA, then AMD, Intel and Apple, each vendor in one block', () => {
    const vendors = listCards(dataset).map((c) => c.vendor);
    const blocks = vendors.filter((v, i) => i === 0 || vendors[i - 1] !== v);
    expect(blocks).toEqual(['nvidia', 'amd', 'intel', 'apple']);
  });

  it('puts the newest generation of each product line first', () => {
    expect(names(['rtx-2080-ti', 'rtx-3090', 'rtx-5090', 'rtx-4090'])).toEqual(['rtx-5090', 'rtx-4090', 'rtx-3090', 'rtx-2080-ti']);
    expect(names(['v100', 'a100', 'h100', 'h200', 'b300'])).toEqual(['b300', 'h200', 'h100', 'a100', 'v100']);
    expect(names(['amd-radeon-rx-7900-xtx', 'amd-radeon-rx-9070-xt'])).toEqual(['amd-radeon-rx-9070-xt', 'amd-radeon-rx-7900-xtx']);
    expect(names(['apple-m1-max-32-core-gpu', 'apple-m5-10-core', 'apple-m2-ultra-76-core-gpu', 'apple-m3-max-40-core-gpu'])).toEqual([
      'apple-m5-10-core',
      'apple-m3-max-40-core-gpu',
      'apple-m2-ultra-76-core-gpu',
      'apple-m1-max-32-core-gpu',
    ]);
  });

  it('within a generation lists datacenter, then workstation, then desktop parts, the bigger part first', () => {
    expect(names(['rtx-4090', 'l40s', 'h100', 'rtx-6000-ada', 'l40'])).toEqual(['h100', 'l40s', 'l40', 'rtx-6000-ada', 'rtx-4090']);
    expect(names(['rtx-4070', 'rtx-4070-super', 'rtx-4070-ti', 'rtx-4070-ti-super', 'rtx-4090-d', 'rtx-4090'])).toEqual([
      'rtx-4090',
      'rtx-4090-d',
      'rtx-4070-ti-super',
      'rtx-4070-ti',
      'rtx-4070-super',
      'rtx-4070',
    ]);
    expect(names(['2x-rtx-3090', 'rtx-3090', 'rtx-3090-ti'])).toEqual(['rtx-3090-ti', 'rtx-3090', '2x-rtx-3090']);
    expect(names(['apple-m1-7-core-gpu', 'apple-m1-8-core'])).toEqual(['apple-m1-8-core', 'apple-m1-7-core-gpu']);
  });

  it('places cards it has never seen by their names, and unknown generations last within their vendor', () => {
    expect(
      sorted([card('AMD Radeon RX 6800 XT', 'amd'), card('AMD Radeon RX 9070', 'amd'), card('AMD Radeon RX 7800 XT', 'amd'), card('AMD Instinct MI300X', 'amd')]),
    ).toEqual(['AMD Radeon RX 9070', 'AMD Instinct MI300X', 'AMD Radeon RX 7800 XT', 'AMD Radeon RX 6800 XT']);
    expect(sorted([card('Apple M2 Max', 'apple'), card('Apple M4 Pro', 'apple'), card('Apple M4 Max', 'apple'), card('Apple M3', 'apple')])).toEqual([
      'Apple M4 Max',
      'Apple M4 Pro',
      'Apple M3',
      'Apple M2 Max',
    ]);
    expect(sorted([card('Lab node 7', 'nvidia'), card('NVIDIA GeForce RTX 2060', 'nvidia'), card('Some accelerator', 'other'), card('Intel Arc A770', 'intel')])).toEqual([
      'NVIDIA GeForce RTX 2060',
      'Lab node 7',
      'Intel Arc A770',
      'Some accelerator',
    ]);
  });
});
