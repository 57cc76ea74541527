import type { Headline } from '../domain/headline';
import { asSentence } from './diagnostic-text';
import { speedRatioText } from './speed-ratio';

/**
 * The headline in words, one formatter for the CLI and the UI so both say the same thing:
 * "Rigmark Score 12.3 (2 benchmarks) · vs A100 400× slower · vs RTX 4090 476× slower — 2 benchmarks each".
 */

const LOCALE = 'en-US';
const twoSignificant = new Intl.NumberFormat(LOCALE, { maximumSignificantDigits: 2 });
const grouped0 = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });

/** "NVIDIA GeForce RTX 4090" → "RTX 4090": the vendor and brand words say nothing next to "vs". */
export function shortCardName(displayName: string): string {
  const short = displayName.replace(/^(NVIDIA|AMD|Intel|Apple)\s+/i, '').replace(/^(GeForce|Radeon)\s+/i, '');
  return short === '' ? displayName : short;
}

/** The Rigmark Score (an RTX 3090 scores 100): "123", "12.3", "0.25"; "—" when there is none. */
export function formatScore(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (value >= 100) return grouped0.format(value);
  if (value >= 1) return value.toFixed(1);
  return twoSignificant.format(value);
}

export function benchmarkCountText(count: number): string {
  return `${count} benchmark${count === 1 ? '' : 's'}`;
}

export interface HeadlinePart {
  cardKey: string;
  /** "vs A100" */
  label: string;
  /** "400× slower", "1.17× faster", "same speed" or "—" (speedRatioText, as Compare says it). */
  ratioText: string;
  /** "2 benchmarks", or null when the counts are the same for every card (said once, in `sharedCountText`). */
  countText: string | null;
}

export interface HeadlineParts {
  /** "Rigmark Score 12.3" */
  scoreText: string;
  /** "12.3" */
  scoreValueText: string;
  /** "2 benchmarks" */
  scoreCountText: string;
  cards: HeadlinePart[];
  /** "2 benchmarks each" when every card with a ratio (two or more) rests on the same number; else null. */
  sharedCountText: string | null;
  /** Why something is missing and what would compare, one sentence each (empty when all is there). */
  notes: string[];
}

/** The headline split into the pieces every shell shows. */
export function headlineParts(headline: Headline): HeadlineParts {
  const withRatio = headline.cards.filter((c) => c.geomeanRatio !== null);
  const counts = new Set(withRatio.map((c) => c.benchmarkCount));
  // Said once ("2 benchmarks each") only when two or more cards rest on the same count.
  const isShared = withRatio.length > 1 && counts.size === 1;
  const shared = withRatio[0]?.benchmarkCount ?? 0;
  const notes: string[] = [];
  if (headline.score.value === null && headline.score.reason !== null) notes.push(asSentence(`No Rigmark Score: ${headline.score.reason}`));
  for (const reason of headline.reasons) notes.push(asSentence(reason));
  if (headline.suggestion !== null) notes.push(asSentence(headline.suggestion.text));
  return {
    scoreText: `Rigmark Score ${formatScore(headline.score.value)}`,
    scoreValueText: formatScore(headline.score.value),
    scoreCountText: benchmarkCountText(headline.score.benchmarkCount),
    cards: headline.cards.map((card) => ({
      cardKey: card.cardKey,
      label: `vs ${shortCardName(card.displayName)}`,
      ratioText: speedRatioText(card.geomeanRatio),
      countText: isShared || card.geomeanRatio === null ? null : benchmarkCountText(card.benchmarkCount),
    })),
    sharedCountText: isShared ? `${benchmarkCountText(shared)} each` : null,
    notes: [...new Set(notes)],
  };
}

/** The headline as one line (the CLI prints it after a run; the UI reads the same pieces). */
export function formatHeadline(headline: Headline): string {
  const parts = headlineParts(headline);
  const cards = parts.cards.map((c) => `${c.label} ${c.ratioText}${c.countText === null ? '' : ` (${c.countText})`}`);
  const line = [`${parts.scoreText} (${parts.scoreCountText})`, ...cards].join(' · ');
  return parts.sharedCountText === null ? line : `${line} — ${parts.sharedCountText}`;
}
