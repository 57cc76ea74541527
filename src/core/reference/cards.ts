import type {
  CardMeta,
  CardSpecs,
  CardSummary,
  GpuNameMatch,
  ReferenceDataset,
  ReferenceRecord,
} from '../../shared/domain/reference';
import { compareCardOrder } from './card-order';
import { pickCardSpecs } from './card-specs';
import { matchGpuNameIn } from './gpu-name';
import { loadReference } from './load-reference';

/** The catalogue entry of a card key, or null when the dataset has no such card. */
export function getCard(key: string, dataset: ReferenceDataset = loadReference()): CardMeta | null {
  return dataset.cards.find((card) => card.key === key) ?? null;
}

/** A card's display name; the key itself when the card is unknown (so a label is never empty). */
export function cardDisplayName(key: string, dataset: ReferenceDataset = loadReference()): string {
  return getCard(key, dataset)?.displayName ?? key;
}

/** Every figure published for a card (all suites, specs included), in source-file order. */
export function figuresForGpu(key: string, dataset: ReferenceDataset = loadReference()): ReferenceRecord[] {
  return dataset.records.filter((record) => record.gpuKey === key);
}

/**
 * Spec figures of a card (VRAM GB, memory bandwidth GB/s, FP32 / FP16 tensor / BF16 tensor TFLOPS, TDP W), each
 * citing its record and the rule that chose it. `variant` (e.g. from `matchGpuName`) prefers that variant's rows.
 */
export function cardSpecs(
  key: string,
  variant: string | null = null,
  dataset: ReferenceDataset = loadReference(),
): CardSpecs {
  return pickCardSpecs(figuresForGpu(key, dataset), variant);
}

/** Distinct variants as the sources name them, in first-seen order. */
function variantsOf(records: readonly ReferenceRecord[]): string[] {
  return [...new Set(records.map((r) => r.gpuVariant).filter((v) => v !== ''))];
}

/**
 * Every card of the catalogue with its variants, figure count and specs, in listing order (card-order.ts: NVIDIA,
 * AMD, Intel, Apple, other; newest generation first), so the CLI and every card list or select agree.
 */
export function listCards(dataset: ReferenceDataset = loadReference()): CardSummary[] {
  return [...dataset.cards]
    .sort(compareCardOrder)
    .map((card) => {
      const records = figuresForGpu(card.key, dataset);
      return {
        key: card.key,
        displayName: card.displayName,
        vendor: card.vendor,
        gpuCount: card.gpuCount,
        variants: variantsOf(records),
        figureCount: records.length,
        specs: pickCardSpecs(records),
      };
    });
}

/**
 * Maps a detected GPU name ("NVIDIA A100-SXM4-80GB", "Apple M2 Ultra") to a catalogue card, with the variant the
 * name states. Returns null for unknown cards and for near-misses ("RTX 3090 Ti" when only "RTX 3090" exists).
 */
export function matchGpuName(detectedName: string, dataset: ReferenceDataset = loadReference()): GpuNameMatch | null {
  return matchGpuNameIn(detectedName, dataset.cards);
}
