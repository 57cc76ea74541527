import type { Category } from '../../shared/domain/benchmark';
import { ENGINE_NAMES, type LocalResult } from '../../shared/domain/compare';
import type { HeadlineSuggestion } from '../../shared/domain/headline';
import type { ReferenceDataset } from '../../shared/domain/reference';
import { shortCardName } from '../../shared/format/headline';
import { matchesByCard, matchFigures } from './match-figures';

/** A model Rigmark can run without a download (a synthetic shape), as the caller knows it. */
export interface ModelCandidate {
  /** `--model` value: `synthetic:llama-3-8b-q4_k_m`. */
  model: string;
  /** "synthetic Llama 3 8B Q4_K_M". */
  label: string;
  /** The model key a result of it gets (`llama-3-8b`) and its quantisation (`Q4_K_M`). */
  modelKey: string;
  quant: string;
  /** What to do to measure it: "run the quick suite", "pick it on the Run page (…)". */
  action: string;
  /** Ranked first among equally covered candidates: the quick suite already runs it. */
  isInQuickSuite: boolean;
}

/** A benchmark the candidates would run (the llama.cpp ones of the catalogue). */
export interface CandidateBenchmark {
  id: string;
  category: Category;
  unit: string;
  higherIsBetter: boolean;
}

interface Coverage {
  candidate: ModelCandidate;
  /** benchmark id → cards with a figure for it. */
  cardsByBenchmark: Map<string, string[]>;
  pairs: number;
  exact: number;
}

function coverageOf(candidate: ModelCandidate, benchmarks: readonly CandidateBenchmark[], cardKeys: readonly string[], dataset: ReferenceDataset): Coverage {
  const coverage: Coverage = { candidate, cardsByBenchmark: new Map(), pairs: 0, exact: 0 };
  for (const benchmark of benchmarks) {
    // What a result of this model would look like; median 1 only so the result counts as measured.
    const local: LocalResult = {
      benchmarkId: benchmark.id,
      category: benchmark.category,
      unit: benchmark.unit,
      higherIsBetter: benchmark.higherIsBetter,
      median: 1,
      identity: { engine: ENGINE_NAMES.llamaCpp, modelKey: candidate.modelKey, quant: candidate.quant, isSynthetic: true },
      status: 'passed',
    };
    const byCard = matchesByCard(matchFigures(local, dataset));
    const cards = cardKeys.filter((key) => byCard.has(key));
    if (cards.length === 0) continue;
    coverage.cardsByBenchmark.set(benchmark.id, cards);
    coverage.pairs += cards.length;
    coverage.exact += cards.filter((key) => byCard.get(key)?.[0]?.match === 'exact').length;
  }
  return coverage;
}

/** "prompt processing and text generation" for `llamacpp.pp512`, `llamacpp.tg128`: what the figures are of, in words. */
function measuredWords(ids: readonly string[]): string {
  const words = [...new Set(ids.map((id) => (/\.pp\d+$/.test(id) ? 'prompt processing' : /\.tg\d+$/.test(id) ? 'text generation' : 'its benchmarks')))];
  return joinNames(words);
}

function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;
}

/**
 * The model that would compare with the cards, read from the reference data: the candidate whose benchmarks have
 * figures for the most (benchmark, card) pairs; ties → one the quick suite runs, more exact matches, then the
 * caller's order. Null when no candidate has any figure for these cards.
 */
export function suggestComparableModel(
  candidates: readonly ModelCandidate[],
  benchmarks: readonly CandidateBenchmark[],
  cardKeys: readonly string[],
  dataset: ReferenceDataset,
): HeadlineSuggestion | null {
  const ranked = candidates
    .map((candidate) => coverageOf(candidate, benchmarks, cardKeys, dataset))
    .filter((c) => c.pairs > 0)
    .sort((a, b) => b.pairs - a.pairs || Number(b.candidate.isInQuickSuite) - Number(a.candidate.isInQuickSuite) || b.exact - a.exact);
  const [best] = ranked;
  if (!best) return null;
  const benchmarkIds = [...best.cardsByBenchmark.keys()];
  // Cards with a figure on every one of those benchmarks, else on any of them.
  const onAll = cardKeys.filter((key) => benchmarkIds.every((id) => best.cardsByBenchmark.get(id)?.includes(key)));
  const covered = onAll.length > 0 ? onAll : cardKeys.filter((key) => benchmarkIds.some((id) => best.cardsByBenchmark.get(id)?.includes(key)));
  const names = covered.map((key) => shortCardName(dataset.cards.find((c) => c.key === key)?.displayName ?? key));
  const { candidate } = best;
  return {
    model: candidate.model,
    label: candidate.label,
    benchmarkIds,
    cardKeys: covered,
    action: candidate.action,
    text: `${candidate.label} has figures for ${joinNames(names)} (llama.cpp ${measuredWords(benchmarkIds)}): ${candidate.action}`,
  };
}
