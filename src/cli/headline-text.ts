import type { Headline } from '../shared/domain/headline';
import { formatHeadline, headlineParts } from '../shared/format/headline';
import { fitLines, type FitOptions } from './table-fit';

export interface RenderHeadlineOptions extends FitOptions {
  /** Add "Full comparison: rigmark compare --run N" (default true; `compare` itself leaves it out). */
  hasCompareHint?: boolean;
  /** Fit the lines to `width` (wrapped at spaces). Default: as they are, the way `run` and `results` print them. */
  isFitted?: boolean;
}

/**
 * The headline as the CLI prints it after a run, in `results --run ID` and under `compare`: the one line (the same
 * words as the UI), then why something is missing and what would compare, then where the full comparison is.
 */
export function renderHeadline(headline: Headline, options: RenderHeadlineOptions = {}): string {
  const notes = headlineParts(headline).notes.map((note) => `  ${note}`);
  const hint = options.hasCompareHint === false ? [] : [`  Full comparison: rigmark compare --run ${headline.runId}`];
  const lines = [formatHeadline(headline), ...notes, ...hint];
  return options.isFitted === true ? fitLines(lines, options) : lines.map((l) => `${l}\n`).join('');
}

/** The headline for `--json` output: every field, plus the line as text. */
export function headlineJson(headline: Headline): Headline & { text: string } {
  return { ...headline, text: formatHeadline(headline) };
}
