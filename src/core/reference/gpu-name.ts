import type { CardMeta, GpuNameMatch } from '../../shared/domain/reference';

/**
 * Words that never tell two cards apart (vendor and brand prefixes, "Generation", "Workstation Edition"), so
 * "NVIDIA GeForce RTX 4090" and "RTX 4090" reduce to the same model tokens. Anything not listed here stays, which
 * is what keeps "RTX 3090 Ti", "Laptop GPU" or "MIG 1g.5gb" from matching the plain card.
 */
const NOISE_WORDS = new Set([
  'nvidia',
  'geforce',
  'tesla',
  'amd',
  'radeon',
  'intel',
  'apple',
  'graphics',
  'generation',
  'workstation',
  'edition',
  'server',
  'gpu',
]);

export type FormFactor = 'SXM' | 'PCIe' | 'NVL';

/** A GPU name reduced to model tokens plus the variant facts it states. */
export interface ParsedGpuName {
  tokens: string[];
  formFactor: FormFactor | null;
  memoryGB: number | null;
  gpuCores: number | null;
}

function formFactorOf(token: string): FormFactor | null {
  if (/^sxm\d?$/.test(token)) return 'SXM';
  if (token === 'pcie') return 'PCIe';
  if (token === 'nvl') return 'NVL';
  return null;
}

/** Splits a detected or catalogue name into model tokens, form factor, memory size and Apple GPU-core count. */
export function parseGpuName(name: string): ParsedGpuName {
  let gpuCores: number | null = null;
  const text = name
    .toLowerCase()
    .replace(/\((?:r|tm)\)|®|™/g, ' ')
    .replace(/(\d+)[-\s]core\b/g, (_match, cores: string) => {
      gpuCores = Number(cores);
      return ' ';
    })
    .replace(/(\d+)\s*gb\b/g, '$1gb');
  const parsed: ParsedGpuName = { tokens: [], formFactor: null, memoryGB: null, gpuCores };
  for (const token of text.split(/[^a-z0-9]+/).filter((t) => t !== '')) {
    const memory = /^(\d+)gb$/.exec(token);
    const form = formFactorOf(token);
    if (memory?.[1]) parsed.memoryGB = Number(memory[1]);
    else if (form) parsed.formFactor = form;
    // Memory type says nothing the memory size and form factor do not.
    else if (/^hbm\d?e?$/.test(token) || NOISE_WORDS.has(token)) continue;
    else parsed.tokens.push(token);
  }
  return parsed;
}

/** "SXM 80GB", "PCIe 40GB", "48GB" or null: the variant facts of a name in one comparable label. */
export function variantLabel(parsed: Pick<ParsedGpuName, 'formFactor' | 'memoryGB'>): string | null {
  const parts = [parsed.formFactor, parsed.memoryGB === null ? null : `${parsed.memoryGB}GB`].filter(
    (part): part is string => part !== null,
  );
  return parts.length === 0 ? null : parts.join(' ');
}

/** A source's variant text ("SXM4 80GB", "PCIe 40GB", "") in the same label form as detected names. */
export function normaliseVariant(variant: string): string | null {
  return variantLabel(parseGpuName(variant));
}

/**
 * How well a record's variant fits a requested one: +1 per stated fact that agrees (form factor, memory size),
 * −1 per stated fact that disagrees, 0 for facts either side leaves unstated.
 */
export function variantFit(requested: string | null, candidate: string): number {
  if (requested === null) return 0;
  const want = parseGpuName(requested);
  const have = parseGpuName(candidate);
  let fit = 0;
  if (want.formFactor && have.formFactor) fit += want.formFactor === have.formFactor ? 1 : -1;
  if (want.memoryGB !== null && have.memoryGB !== null) fit += want.memoryGB === have.memoryGB ? 1 : -1;
  return fit;
}

/**
 * Maps a detected GPU name onto a catalogue card. The model tokens must equal one of the card's aliases exactly,
 * so a near-miss ("RTX 3090 Ti", "RTX 4080 SUPER", "RTX 4090 Laptop GPU") never lands on the plain card. Apple
 * chips with several GPU-core configurations need the core count in the name, or the match is ambiguous → null.
 */
export function matchGpuNameIn(detectedName: string, cards: readonly CardMeta[]): GpuNameMatch | null {
  const parsed = parseGpuName(detectedName);
  const key = parsed.tokens.join(' ');
  if (key === '') return null;
  const candidates = cards.filter(
    (card) =>
      card.gpuCount === 1 &&
      card.aliases.some((alias) => parseGpuName(alias).tokens.join(' ') === key) &&
      !(parsed.gpuCores !== null && card.gpuCores !== null && parsed.gpuCores !== card.gpuCores),
  );
  // A card whose stated core count agrees beats one that states none; ties stay ambiguous.
  const agreeing = candidates.filter((card) => parsed.gpuCores !== null && card.gpuCores === parsed.gpuCores);
  const pool = agreeing.length > 0 ? agreeing : candidates;
  const [only] = pool;
  if (pool.length !== 1 || !only) return null;
  return { key: only.key, displayName: only.displayName, variant: variantLabel(parsed) };
}
