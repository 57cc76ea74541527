/**
 * Plain-text tables that fit a terminal: every command's table goes through `fitTable`. Widths are counted in code
 * points (×, −, ·, … are one column each), cells that do not fit are cut with "…", at a word boundary where that
 * keeps at least half the room, and `isWide` prints every cell uncut. No colours: output goes to logs as often as
 * to terminals.
 */

/** The width the CLI's tables fit by default (`--wide` lifts it). */
export const DEFAULT_TABLE_WIDTH = 120;
const ELLIPSIS = '…';
const GAP = '  ';

export type FitCell = string | number | null;

export interface FitColumn {
  header: string;
  /** Right-aligned (numbers). */
  isNumeric?: boolean;
  /** Which columns give up width first: higher first; 0 or absent never shrinks (numbers, short words). */
  shrinkRank?: number;
  /**
   * The narrowest a shrinking column gets, in code points (default: its header's width, at least 4). 0: the column
   * is left out when there is no room for it (a trailing column of notes that `--wide` shows).
   */
  minWidth?: number;
}

/** A text line across the whole table (a group heading, a note), cut to the width like a cell. */
export interface FitLine {
  line: string;
  indent?: number;
}

export type FitRow = readonly FitCell[] | FitLine;

export interface FitOptions {
  /** Columns the table may take (default `DEFAULT_TABLE_WIDTH`). */
  width?: number;
  /** Print every cell uncut (`--wide`). */
  isWide?: boolean;
  /** Spaces before the header and every cell row (group lines keep their own indent). */
  indent?: number;
  /** A line added under the table when something was cut ("--wide shows every cell in full"). */
  cutNote?: string;
}

/** Width of a text in columns, counted in code points. */
export function textWidth(text: string): number {
  return Array.from(text).length;
}

function isLine(row: FitRow): row is FitLine {
  return !Array.isArray(row);
}

function cellText(cell: FitCell): string {
  return cell === null ? '–' : String(cell);
}

/** Keeps a cut readable: no dangling separator ("pp512 ·…", "CUDA,…", "(…"). */
function trimDangling(text: string): string {
  return text.replace(/[\s·,;:(—–|]+$/u, '');
}

/**
 * `text` in at most `width` columns: unchanged when it fits, else cut with "…" after the last whole word (a space,
 * or after a hyphen or slash) when that keeps at least half the room, otherwise mid-word (always with the "…").
 */
export function truncateText(text: string, width: number): string {
  const chars = Array.from(text);
  if (chars.length <= width) return text;
  if (width <= 0) return '';
  const room = width - 1;
  let cut = -1;
  for (let i = room; i > 0; i--) {
    const here = chars[i] ?? '';
    const before = chars[i - 1] ?? '';
    if (/\s/u.test(here) || before === '-' || before === '/') {
      cut = i;
      break;
    }
  }
  const atWord = cut >= Math.ceil(room / 2) ? trimDangling(chars.slice(0, cut).join('')) : '';
  const kept = textWidth(atWord) >= Math.ceil(room / 2) ? atWord : chars.slice(0, room).join('').trimEnd();
  return `${kept}${ELLIPSIS}`;
}

/**
 * A sentence broken into lines of at most `width` columns at spaces, continuation lines indented by
 * `hangingIndent` (a word longer than a line is split, so nothing is lost).
 */
export function wrapText(text: string, width: number, hangingIndent = 0): string[] {
  const lines: string[] = [];
  let current = '';
  const pad = ' '.repeat(hangingIndent);
  const limit = (): number => width - (lines.length === 0 ? 0 : hangingIndent);
  for (const word of text.split(' ')) {
    const candidate = current === '' ? word : `${current} ${word}`;
    if (textWidth(candidate) <= limit()) {
      current = candidate;
      continue;
    }
    if (current !== '') lines.push(current);
    let rest = Array.from(word);
    while (rest.length > limit()) {
      lines.push(rest.slice(0, limit()).join(''));
      rest = rest.slice(limit());
    }
    current = rest.join('');
  }
  if (current !== '' || lines.length === 0) lines.push(current);
  return lines.map((line, i) => (i === 0 ? line : `${pad}${line}`));
}

/** Lines of at most `width` columns (wrapped; `isWide` keeps each as it is). */
export function fitLines(lines: readonly string[], options: FitOptions = {}, hangingIndent = 2): string {
  const width = options.width ?? DEFAULT_TABLE_WIDTH;
  const out = lines.flatMap((line) => {
    if (options.isWide === true) return [line];
    const indent = /^ */.exec(line)?.[0].length ?? 0;
    return wrapText(line.slice(indent), width - indent, hangingIndent).map((l) => `${' '.repeat(indent)}${l}`);
  });
  return out.map((l) => `${l}\n`).join('');
}

/** Below this a droppable column (`minWidth: 0`) is left out rather than shown as a stub. */
const DROPPABLE_FLOOR = 12;

/**
 * Natural widths shrunk until the row fits `available`: highest rank first, within a rank the widest first. A
 * droppable column shrinks to `DROPPABLE_FLOOR` (or its header), then goes (width 0, its gap freed too).
 */
function shrinkWidths(columns: readonly FitColumn[], natural: readonly number[], available: number): number[] {
  const widths = [...natural];
  let excess = widths.reduce((a, b) => a + b, 0) - available;
  const floorOf = (i: number): number => {
    const c = columns[i];
    const min = c?.minWidth === 0 ? Math.max(DROPPABLE_FLOOR, textWidth(c.header)) : (c?.minWidth ?? Math.max(4, textWidth(c?.header ?? '')));
    return Math.min(natural[i] ?? 0, min);
  };
  const ranks = [...new Set(columns.map((c) => c.shrinkRank ?? 0).filter((r) => r > 0))].sort((a, b) => b - a);
  for (const rank of ranks) {
    const members = columns.map((c, i) => ((c.shrinkRank ?? 0) === rank ? i : -1)).filter((i) => i >= 0);
    while (excess > 0) {
      const open = members.filter((i) => (widths[i] ?? 0) > floorOf(i));
      if (open.length === 0) break;
      const widest = open.reduce((a, b) => ((widths[b] ?? 0) > (widths[a] ?? 0) ? b : a));
      widths[widest] = (widths[widest] ?? 0) - 1;
      excess -= 1;
    }
    for (const i of members) {
      if (excess <= 0 || columns[i]?.minWidth !== 0 || widths[i] === 0) continue;
      excess -= (widths[i] ?? 0) + GAP.length;
      widths[i] = 0;
    }
    if (excess <= 0) break;
  }
  return widths;
}

function renderRow(cells: readonly string[], widths: readonly number[], columns: readonly FitColumn[], isWide: boolean): string {
  return cells
    .flatMap((cell, i) => {
      const width = widths[i] ?? 0;
      if (width === 0) return [];
      const text = isWide ? cell : truncateText(cell, width);
      const pad = ' '.repeat(Math.max(0, width - textWidth(text)));
      return [columns[i]?.isNumeric === true ? `${pad}${text}` : `${text}${pad}`];
    })
    .join(GAP)
    .trimEnd();
}

/**
 * An aligned table in at most `width` columns (default 120): when the natural widths do not fit, the shrinking
 * columns give up width (see `FitColumn.shrinkRank`) and their cells are cut with "…"; a line that still does not
 * fit (columns that may not shrink) is cut as a whole. `isWide` prints everything uncut.
 */
export function fitTable(columns: readonly FitColumn[], rows: readonly FitRow[], options: FitOptions = {}): string {
  const width = options.width ?? DEFAULT_TABLE_WIDTH;
  const isWide = options.isWide === true;
  const indent = ' '.repeat(options.indent ?? 0);
  const cellRows = rows.filter((r): r is readonly FitCell[] => !isLine(r)).map((r) => columns.map((_, i) => cellText(r[i] ?? null)));
  const natural = columns.map((c, i) => Math.max(textWidth(c.header), ...cellRows.map((r) => textWidth(r[i] ?? ''))));
  const available = width - indent.length - GAP.length * Math.max(0, columns.length - 1);
  const widths = isWide ? natural : shrinkWidths(columns, natural, available);
  let isCut = false;
  const fit = (line: string): string => {
    const text = isWide ? line : truncateText(line, width);
    isCut ||= text !== line;
    return text;
  };
  isCut = !isWide && widths.some((w, i) => w < (natural[i] ?? 0));
  // Only headings and notes (nothing measured to line up): a header row would label nothing.
  const lines = cellRows.length === 0 ? [] : [fit(indent + renderRow(columns.map((c) => c.header), widths, columns, isWide))];
  let next = 0;
  for (const row of rows) {
    if (isLine(row)) {
      lines.push(fit(`${' '.repeat(row.indent ?? 0)}${row.line}`));
      continue;
    }
    lines.push(fit(indent + renderRow(cellRows[next] ?? [], widths, columns, isWide)));
    next += 1;
  }
  if (isCut && options.cutNote !== undefined) lines.push(...wrapText(options.cutNote, width));
  return lines.map((l) => `${l}\n`).join('');
}
