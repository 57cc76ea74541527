import type { Headline } from '../shared/domain/headline';
import { formatHeadline, headlineParts } from '../shared/format/headline';

/**
 * The headline as the CLI prints it after a run and in `results --run ID`: the one line (the same words as the
 * UI), then why something is missing and what would compare, then where the full comparison is.
 */
export function renderHeadline(headline: Headline): string {
  const notes = headlineParts(headline).notes.map((note) => `  ${note}\n`);
  return `${formatHeadline(headline)}\n${notes.join('')}  Full comparison: rigmark compare --run ${headline.runId}\n`;
}

/** The headline for `--json` output: every field, plus the line as text. */
export function headlineJson(headline: Headline): Headline & { text: string } {
  return { ...headline, text: formatHeadline(headline) };
}
