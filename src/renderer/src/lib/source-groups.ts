/**
 * Figures grouped by where they were published, so a source's title, address and settings text are shown once per
 * group instead of once per row (a llama-bench README repeats a 300-character command on each of its 48 rows).
 */

export interface SourceGroup<T> {
  /** Stable key: the source's address and title. */
  key: string;
  rows: T[];
}

/** Groups in first-seen order; rows keep their order inside a group. */
export function groupBySource<T>(items: readonly T[], sourceKey: (item: T) => string): SourceGroup<T>[] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = sourceKey(item);
    const rows = groups.get(key);
    if (rows === undefined) groups.set(key, [item]);
    else rows.push(item);
  }
  return [...groups].map(([key, rows]) => ({ key, rows }));
}

/** What texts of one source share, and what each one adds after it. */
export interface SharedText {
  /** The part every text starts with, cut at a clause or sentence end ('' when they differ from the start). */
  shared: string;
  /** Per text, in input order: what follows the shared part ('' when nothing does). */
  own: string[];
}

/**
 * Splits texts of one source into their common beginning and each one's rest: the Dai README rows differ only
 * in their last clause ("…; single GPU; test tg512"), notes in an added sentence ("… kept as published."). The cut
 * is made at a clause or sentence end ("; ", ". ") so no word is split.
 */
export function splitSharedText(texts: readonly string[]): SharedText {
  const [first, ...others] = texts;
  if (first === undefined) return { shared: '', own: [] };
  if (others.every((t) => t === first)) return { shared: first, own: texts.map(() => '') };
  const common = others.reduce((length, text) => {
    let i = 0;
    while (i < length && i < text.length && text[i] === first[i]) i += 1;
    return i;
  }, first.length);
  // The whole common part when every text ends there or goes on with a new clause; else its last clause end.
  const endsClean = texts.every((t) => t.length === common || /^[;.]?\s/.test(t.slice(common)));
  let cut = endsClean ? common : 0;
  if (!endsClean) for (const match of first.slice(0, common).matchAll(/[;.]\s+/g)) cut = match.index + match[0].length;
  const shared = first.slice(0, cut).replace(/[;\s]+$/, '');
  return { shared, own: texts.map((t) => t.slice(cut).replace(/^[;\s]+/, '').trim()) };
}

/**
 * Whether a row's own settings words are already all in its one-line summary ("test tg512" beside
 * "tg512 · CUDA · Q4_K_M"): then the row need not repeat them (the group's "How it was run" still lists them).
 */
export function isSaidBySummary(own: string, summary: string): boolean {
  const said = new Set(summary.toLowerCase().split(/[\s·]+/).filter((w) => w !== ''));
  const words = own.toLowerCase().split(/[\s;,]+/).filter((w) => w !== '' && w !== 'test');
  return words.length > 0 && words.every((w) => said.has(w));
}
