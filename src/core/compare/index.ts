/** Public API of comparisons and scoring (see README.md in this folder). All functions are pure. */
export { CARD_PAIRING_RULE, compareCards } from './compare-cards';
export {
  CARD_COMPARISON_COLUMNS,
  RUN_COMPARISON_COLUMNS,
  comparisonToCsv,
  comparisonToMarkdown,
  toCsv,
  toMarkdownTable,
  type ExportColumn,
  type RunExportRow,
} from './export';
export { toFigureRef } from './figure-ref';
export { HEADLINE_RULE, describeWorkload, runHeadline, type HeadlineOptions } from './headline';
export { suggestComparableModel, type CandidateBenchmark, type ModelCandidate } from './headline-suggestion';
export {
  MAX_GEN_LENGTH_FACTOR,
  benchmarkKind,
  compareMatches,
  matchFigure,
  matchFigures,
  matchesByCard,
  type FigureMatch,
} from './match-figures';
export {
  GENERATION_LIMIT_FORMULA,
  PROMPT_LIMIT_FORMULA,
  physicalLimitFor,
  promptProcessingLimit,
  tokenGenerationLimit,
  type LimitFacts,
} from './physical-limit';
export { deltaPctOf, directionAwareRatio, formatDeltaPct, geometricMean, median, medianRatio } from './ratio';
export { NEAREST_CARD_RULE, compareRunToCards, nearestCard, summariseCategories } from './run-comparison';
export { SCORE_FORMULA, rigmarkScore, skipReason } from './score';
export { upgradeGain } from './upgrade-gain';
