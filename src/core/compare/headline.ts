import { IDENTITY_KEYS, type BenchmarkRow, type LocalResult } from '../../shared/domain/compare';
import type { Headline, HeadlineCard, HeadlineMiss } from '../../shared/domain/headline';
import type { ReferenceDataset } from '../../shared/domain/reference';
import { shortCardName } from '../../shared/format/headline';
import { modelText, workloadTitle } from '../../shared/format/workload';
import { suggestComparableModel, type CandidateBenchmark, type ModelCandidate } from './headline-suggestion';
import { benchmarkKind } from './match-figures';
import { geometricMean } from './ratio';
import { compareRunToCards } from './run-comparison';

export const HEADLINE_RULE =
  'per card: geometric mean of (yours ÷ card) over your benchmarks that have a figure for it, using the figure ' +
  'Compare picks (exact before close); lower-is-better units inverted, so > 1 means you are faster';

export interface HeadlineOptions {
  runId: number;
  /** The cards of the headline (DEFAULT_CARDS). */
  cardKeys: readonly string[];
  /** Models Rigmark can generate, for "what would compare" when a card has no ratio. */
  candidates: readonly ModelCandidate[];
  /** The benchmarks those models run (llama.cpp pp512 / tg128). */
  candidateBenchmarks: readonly CandidateBenchmark[];
}

const ENGINE_WORDS: Record<string, string> = { 'llama.cpp': 'llama.cpp', ollama: 'Ollama', vllm: 'vLLM', sglang: 'SGLang' };
const BACKEND_WORDS: Record<string, string> = { cuda: 'CUDA', rocm: 'ROCm', metal: 'Metal', vulkan: 'Vulkan', cpu: 'CPU' };
const CATEGORY_WORDS: Record<LocalResult['category'], string> = {
  llm: 'LLM benchmarks',
  serving: 'serving benchmarks',
  image: 'image benchmarks',
  vision: 'vision benchmarks',
  'gpu-compute': 'GPU compute kernels',
  system: 'CPU, memory and disk tests',
};
const STATUS_WORDS: Partial<Record<LocalResult['status'], string>> = {
  failed: 'it failed',
  unavailable: 'it could not run here',
  cancelled: 'it was cancelled',
  interrupted: 'it was interrupted',
  pending: 'it did not run',
  running: 'it did not finish',
};

/**
 * "Tiny Q4_0 (synthetic) on llama.cpp, CPU": the identity facts figures are joined on, in words (model, engine,
 * concurrency, backend); "this workload" when the result states none of them.
 */
export function describeWorkload(local: LocalResult): string {
  const id = local.identity;
  const text = (key: string): string | null => {
    const value = id[key];
    return value === undefined || value === null || value === '' ? null : String(value);
  };
  const engine = text(IDENTITY_KEYS.engine);
  const backend = text(IDENTITY_KEYS.backend);
  const concurrency = text(IDENTITY_KEYS.concurrency);
  const subject = [modelText(id), engine === null ? null : `on ${ENGINE_WORDS[engine] ?? engine}`].filter((p): p is string => p !== null).join(' ');
  const extras = [
    concurrency === null ? null : concurrency === '1' ? '1 request at a time' : `${concurrency} parallel requests`,
    backend === null ? null : (BACKEND_WORDS[backend] ?? backend),
  ].filter((p): p is string => p !== null);
  const words = [subject, ...extras].filter((p) => p !== '').join(', ');
  return words === '' ? 'this workload' : words;
}

/** What a result measured, mid-sentence: "prompt processing of 512 tokens", "text generation of 128 tokens". */
function workloadPhrase(local: LocalResult): string {
  const title = workloadTitle(local.benchmarkId, local.identity, KIND_WORDS[benchmarkKind(local.benchmarkId)] ?? CATEGORY_WORDS[local.category]);
  const phrase = title.replace(' · ', ' of ');
  return /^[A-Z][a-z]/.test(phrase) ? `${phrase.charAt(0).toLowerCase()}${phrase.slice(1)}` : phrase;
}

/** Words for the benchmark kinds published figures exist for other than llama.cpp's, whose lengths workloadTitle says. */
const KIND_WORDS: Record<string, string> = {
  'ollama.generate': 'generation through Ollama',
  'serving.throughput': 'serving throughput',
  'image.generate': 'image generation',
  'vision.throughput': 'vision throughput',
};

/** A miss as the headline builds it: the stored fields, plus the phrase and whether it is a plain missing figure. */
interface Miss extends HeadlineMiss {
  phrase: string;
  isNoFigure: boolean;
}

function missesOf(rows: readonly BenchmarkRow[], results: readonly LocalResult[], cardKeys: readonly string[], comparableKinds: ReadonlySet<string>): Miss[] {
  const misses: Miss[] = [];
  rows.forEach((row, index) => {
    const local = results[index];
    if (!local || !comparableKinds.has(benchmarkKind(row.benchmarkId))) return;
    const missing = row.cards.filter((cell) => cell.ratio === null && cardKeys.includes(cell.cardKey));
    const [first] = missing;
    if (!first) return;
    const workload = describeWorkload(local);
    const phrase = workloadPhrase(local);
    let reason = `no figure for ${phrase} with ${workload}`;
    if (row.skippedReason !== null) {
      const why = STATUS_WORDS[local.status] ?? (local.median === null ? 'it has no median' : row.skippedReason);
      reason = `${phrase} with ${workload} gave no value to compare (${why})`;
    } else if (first.picked !== null) reason = `${phrase} with ${workload}: ${first.reason ?? 'no ratio'}`;
    const isNoFigure = row.skippedReason === null && first.picked === null;
    misses.push({ benchmarkId: row.benchmarkId, workload, cardKeys: missing.map((cell) => cell.cardKey), reason, phrase, isNoFigure });
  });
  return misses;
}

/** "a, b and c" */
function joinWords(words: readonly string[], conjunction: string): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} ${conjunction} ${words[words.length - 1] ?? ''}`;
}

function cardReason(cardKey: string, displayName: string, misses: readonly Miss[], results: readonly LocalResult[], uncomparable: readonly LocalResult[]): string {
  if (results.length === 0) return 'the run has no results';
  const own = misses.filter((m) => m.cardKeys.includes(cardKey));
  if (own.length > 0) {
    // One phrase per workload: "no A100 figure for prompt processing of 512 tokens or text generation of 128 tokens
    // with Tiny Q4_0 (synthetic) on llama.cpp, CPU".
    const byWorkload = new Map<string, string[]>();
    const other: string[] = [];
    for (const m of own) {
      if (m.isNoFigure) byWorkload.set(m.workload, [...(byWorkload.get(m.workload) ?? []), m.phrase]);
      else other.push(m.reason);
    }
    const groups = [...byWorkload].map(([workload, phrases]) => `${joinWords([...new Set(phrases)], 'or')} with ${workload}`);
    return [groups.length > 0 ? `no ${displayName} figure for ${groups.join('; ')}` : null, ...other].filter(Boolean).join('; ');
  }
  const kinds = [...new Set(uncomparable.map((r) => CATEGORY_WORDS[r.category]))];
  return `none of this run's benchmarks has published figures to compare with (${joinWords(kinds, 'and')} have none)`;
}

/** The cards' reasons, said once for cards that lack the same figures: "no A100 or RTX 4090 figure for …". */
function mergedReasons(cards: readonly HeadlineCard[]): string[] {
  const byTemplate = new Map<string, string[]>();
  for (const card of cards) {
    if (card.reason === null) continue;
    const name = shortCardName(card.displayName);
    const template = card.reason.replace(`no ${name} figure`, 'no \u0000 figure');
    byTemplate.set(template, [...(byTemplate.get(template) ?? []), name]);
  }
  return [...byTemplate].map(([template, names]) => template.replace('\u0000', names.join(' or ')));
}

/**
 * The headline of a run: the Rigmark Score with its benchmark count, and per card the geometric mean of the
 * ratios Compare shows (`compareRunToCards`, so the two never disagree) with its count. When a card has no ratio,
 * `reason` names the workload identities without a figure and `suggestion` the model that would compare.
 * Pure: pass the dataset the comparison uses (bundled plus the user's files).
 */
export function runHeadline(results: readonly LocalResult[], dataset: ReferenceDataset, options: HeadlineOptions): Headline {
  const comparison = compareRunToCards(results, options.cardKeys, dataset);
  const comparableKinds = new Set(
    dataset.records.map((r) => r.workload.rigmarkBenchmarkId).filter((id): id is string => id !== null).map(benchmarkKind),
  );
  const uncomparable = results.filter((r) => !comparableKinds.has(benchmarkKind(r.benchmarkId)));
  const uncomparableIds = uncomparable.map((r) => r.benchmarkId);
  const misses = missesOf(comparison.rows, results, options.cardKeys, comparableKinds);
  const cards = comparison.cards.map(({ key, displayName }): HeadlineCard => {
    const cells = comparison.rows
      .map((row) => ({ benchmarkId: row.benchmarkId, cell: row.cards.find((c) => c.cardKey === key) }))
      .filter((x): x is { benchmarkId: string; cell: NonNullable<typeof x.cell> & { ratio: number } } => x.cell?.ratio != null);
    const geomeanRatio = geometricMean(cells.map((x) => x.cell.ratio));
    return {
      cardKey: key,
      displayName,
      geomeanRatio,
      benchmarkCount: geomeanRatio === null ? 0 : cells.length,
      benchmarkIds: geomeanRatio === null ? [] : cells.map((x) => x.benchmarkId),
      closeCount: geomeanRatio === null ? 0 : cells.filter((x) => x.cell.picked?.match === 'close').length,
      reason: geomeanRatio === null ? cardReason(key, shortCardName(displayName), misses, results, uncomparable) : null,
    };
  });
  const isMissingCard = cards.some((c) => c.geomeanRatio === null);
  const { score } = comparison;
  const scoreCard = shortCardName(dataset.cards.find((c) => c.key === score.referenceCardKey)?.displayName ?? score.referenceCardKey);
  const scoreReason = score.value === null && score.benchmarkCount === 0 ? `no benchmark of this run has a figure for the ${scoreCard}` : score.reason;
  return {
    runId: options.runId,
    score: { value: score.value, benchmarkCount: score.benchmarkCount, referenceCardKey: score.referenceCardKey, reason: scoreReason },
    cards,
    reasons: mergedReasons(cards),
    misses: misses.map(({ benchmarkId, workload, cardKeys, reason }) => ({ benchmarkId, workload, cardKeys, reason })),
    uncomparableIds,
    // Also when only the score is missing: "no figure for the RTX 3090" alone names nothing that would compare.
    suggestion:
      isMissingCard || score.value === null
        ? suggestComparableModel(options.candidates, options.candidateBenchmarks, [...new Set([...options.cardKeys, ...(isMissingCard ? [] : [score.referenceCardKey])])], dataset)
        : null,
    rule: HEADLINE_RULE,
  };
}
