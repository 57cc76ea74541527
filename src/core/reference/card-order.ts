import type { CardMeta } from '../../shared/domain/reference';
import type { GpuVendor } from '../../shared/domain/system';

/**
 * The order cards are listed in everywhere (card list, card selects, `rigmark reference`): by vendor, then newest
 * architecture first, then the bigger part of that generation first. Everything is read from the display name, so a
 * card added to cards.json or in a user's file is placed without anyone maintaining a list of keys. The rule in
 * words is in README.md "Card order".
 */

const VENDOR_ORDER: readonly GpuVendor[] = ['nvidia', 'amd', 'intel', 'apple', 'other'];

/** Architecture launch years, matched against the name without its vendor words; first match wins. */
const GENERATIONS: Readonly<Record<GpuVendor, ReadonlyArray<readonly [RegExp, number]>>> = {
  nvidia: [
    [/\bblackwell\b|\bg?b\d{3}\b|\bgb\d{2}\b|\brtx 50[5-9]0\b/, 2024], // B200/B300, GB10, RTX 50, RTX PRO Blackwell
    [/\bh\d{3}\b|\bgh\d{3}\b/, 2022.5], // Hopper
    [/\bada\b|\bl\d{1,2}s?\b|\brtx 40[5-9]0\b/, 2022], // Ada Lovelace: RTX 40, RTX xxxx Ada, L4/L40/L40S
    [/\ba\d{1,3}\b|\brtx a\d{4}\b|\brtx 30[5-9]0\b/, 2020], // Ampere: A100/A40/A30, RTX A6000, RTX 30
    [/\bquadro rtx\b|\bt4\b|\brtx 20[5-8]0\b|\bgtx 16[5-6]0\b/, 2018], // Turing
    [/\bv100\b|\btitan v\b/, 2017], // Volta
    [/\bp\d{1,3}\b|\bgtx 10[5-8]0\b/, 2016], // Pascal
    [/\bm\d{2}\b|\bgtx 9\d0\b/, 2014], // Maxwell
    [/\bk\d{2}\b|\bgtx 7\d0\b/, 2012], // Kepler
  ],
  amd: [
    [/\brx 9\d{3}\b|\br9\d{3}\b/, 2025], // RDNA 4 (RX 9070, Radeon AI PRO R9700)
    [/\bmi3\d{2}[a-z]?\b/, 2023], // CDNA 3
    [/\brx 7\d{3}\b|\bw7\d{3}\b/, 2022], // RDNA 3
    [/\bmi2\d{2}[a-z]?\b/, 2021], // CDNA 2
    [/\brx 6\d{3}\b|\bw6\d{3}\b|\bv620\b/, 2020.5], // RDNA 2
    [/\bmi100\b/, 2020], // CDNA 1
    [/\brx 5\d{3}\b/, 2019], // RDNA 1
    [/\bmi\d{2}\b|\bradeon vii\b/, 2018], // Vega 20 (MI50, MI60)
  ],
  intel: [
    [/\barc b\d{3}\b/, 2024], // Battlemage
    [/\bmax \d{4}\b/, 2023], // Data Center GPU Max
    [/\barc a\d{3}\b/, 2022], // Alchemist
  ],
  apple: [], // M1 … M5: the number is the generation (appleKey)
  other: [],
};

/** Datacenter before workstation before desktop within a generation (H100 before RTX 4090, Instinct before RX). */
function segmentOf(name: string): number {
  if (/\b(instinct|dgx|tesla)\b|^(g?[abhlkmpv]\d{1,3}s?|mi\d{2,3})\b/.test(name)) return 0;
  if (/\b(quadro|pro|ada|rtx a\d{4})\b/.test(name)) return 1;
  return 2;
}

/** Suffix words that place a part above or below its base model: 4070 Ti SUPER > 4070 Ti > 4070 SUPER > 4070 > 4090 D. */
const SUFFIX_SCORES: ReadonlyArray<readonly [RegExp, number]> = [
  [/\bxtx\b/, 3],
  [/\bxt\b/, 2],
  [/\bti\b/, 2],
  [/\bsuper\b/, 1],
  [/\d+s\b/, 1], // L40S
  [/\bd\b/, -1],
  [/\bmax-q\b/, -1],
];

/** Apple: tier Ultra > Max > Pro > base, then more GPU cores first. */
const APPLE_TIERS: ReadonlyArray<readonly [RegExp, number]> = [
  [/\bultra\b/, 3],
  [/\bmax\b/, 2],
  [/\bpro\b/, 1],
];

/**
 * The name as the rule reads it: lower case, without a leading "2× ", ®/™ marks, brackets (their words stay:
 * "DGX Spark (GB10)") and vendor and brand words.
 */
function modelName(displayName: string): string {
  return displayName
    .toLowerCase()
    .replace(/\((r|tm)\)|[®™]/g, '')
    .replace(/[()]/g, ' ')
    .replace(/^\s*\d+\s*[×x]\s+/, '')
    .replace(/\b(nvidia|amd|intel|apple|geforce|radeon)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

interface OrderKey {
  vendor: number;
  /** Architecture launch year (Apple: the M number); −∞ when the name matches no known generation. */
  generation: number;
  segment: number;
  /** The model number (5090, 100 for A100, 9700 for R9700); Apple: the tier. */
  tier: number;
  suffix: number;
  /** Apple GPU cores; 0 elsewhere. */
  cores: number;
  gpuCount: number;
}

function appleKey(name: string, displayName: string): Pick<OrderKey, 'generation' | 'tier' | 'cores'> {
  const generation = Number(/\bm(\d+)\b/.exec(name)?.[1] ?? Number.NEGATIVE_INFINITY);
  const tier = APPLE_TIERS.find(([pattern]) => pattern.test(name))?.[1] ?? 0;
  const cores = Number(/(\d+)-core/.exec(displayName.toLowerCase())?.[1] ?? 0);
  return { generation, tier, cores };
}

/** Where a card stands in the listing order; see the file comment. */
export function cardOrderKey(card: Pick<CardMeta, 'displayName' | 'vendor' | 'gpuCount'>): OrderKey {
  const name = modelName(card.displayName);
  const vendorIndex = VENDOR_ORDER.indexOf(card.vendor);
  const base = { vendor: vendorIndex === -1 ? VENDOR_ORDER.length : vendorIndex, gpuCount: card.gpuCount, suffix: 0, segment: 0 };
  if (card.vendor === 'apple') return { ...base, ...appleKey(name, card.displayName) };
  const generation = GENERATIONS[card.vendor].find(([pattern]) => pattern.test(name))?.[1] ?? Number.NEGATIVE_INFINITY;
  const suffix = SUFFIX_SCORES.reduce((sum, [pattern, score]) => (pattern.test(name) ? sum + score : sum), 0);
  return { ...base, generation, segment: segmentOf(name), tier: Number(/\d+/.exec(name)?.[0] ?? 0), suffix, cores: 0 };
}

/** Compares two cards for listing: negative when `a` comes first. Ties end on the display name, then the key. */
export function compareCardOrder(a: Pick<CardMeta, 'key' | 'displayName' | 'vendor' | 'gpuCount'>, b: Pick<CardMeta, 'key' | 'displayName' | 'vendor' | 'gpuCount'>): number {
  const ka = cardOrderKey(a);
  const kb = cardOrderKey(b);
  const steps = [
    ka.vendor - kb.vendor,
    byNewest(ka.generation, kb.generation),
    ka.segment - kb.segment,
    kb.tier - ka.tier,
    kb.suffix - ka.suffix,
    kb.cores - ka.cores,
    ka.gpuCount - kb.gpuCount,
  ];
  const decided = steps.find((step) => step !== 0);
  if (decided !== undefined) return decided;
  const byName = a.displayName.localeCompare(b.displayName, 'en');
  return byName !== 0 ? byName : a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** Newer first; an unknown generation (−∞) after every known one. */
function byNewest(a: number, b: number): number {
  if (a === b) return 0;
  return b > a ? 1 : -1;
}
