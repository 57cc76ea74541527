import type { RawFigure } from './raw-figure';

/** A figure's publication date as precisely as its source states it, and where that came from. */
export interface PublishedOn {
  publishedOn: string | null;
  publishedOnBasis: string;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.?';

type Field = 'source title' | 'note' | 'settings' | 'source URL';
type Finder = (text: string) => { date: string; text: string } | null;

function monthNumber(name: string): string {
  return String(MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1).padStart(2, '0');
}

const isoDate: Finder = (text) => {
  const m = /\b(\d{4}-\d{2}-\d{2})\b/.exec(text);
  return m?.[1] ? { date: m[1], text: m[1] } : null;
};

const monthDayYear: Finder = (text) => {
  const m = new RegExp(`\\b${MONTH} (\\d{1,2}), (\\d{4})\\b`).exec(text);
  if (!m?.[1] || !m[2] || !m[3]) return null;
  return { date: `${m[3]}-${monthNumber(m[1])}-${m[2].padStart(2, '0')}`, text: m[0] };
};

const monthDayShortYear: Finder = (text) => {
  const m = new RegExp(`\\b${MONTH} (\\d{1,2}) '(\\d{2})\\b`).exec(text);
  if (!m?.[1] || !m[2] || !m[3]) return null;
  return { date: `20${m[3]}-${monthNumber(m[1])}-${m[2].padStart(2, '0')}`, text: m[0] };
};

const monthYear: Finder = (text) => {
  const m = new RegExp(`\\b${MONTH},? (\\d{4})\\b`).exec(text);
  if (!m?.[1] || !m[2]) return null;
  return { date: `${m[2]}-${monthNumber(m[1])}`, text: m[0] };
};

const urlYearMonth: Finder = (text) => {
  const m = /\/(20\d{2})\/(\d{2})\//.exec(text);
  return m?.[1] && m[2] ? { date: `${m[1]}-${m[2]}`, text: m[0] } : null;
};

const yearInTitle: Finder = (text) => {
  const m = /\bin (20\d{2})\b/.exec(text);
  return m?.[1] ? { date: m[1], text: m[0] } : null;
};

/**
 * Rules in order, most precise and most trustworthy first. The first hit wins. Sources state dates in many ways
 * (a title, "Recipe date …" in a note, "snapshots May 2024" in settings, a /2026/01/ URL); none is invented.
 */
const RULES: ReadonlyArray<readonly [Field, Finder]> = [
  ['source title', isoDate],
  ['note', monthDayYear],
  ['settings', isoDate],
  ['source title', monthDayYear],
  ['note', monthDayShortYear],
  ['settings', monthYear],
  ['note', monthYear],
  ['source title', monthYear],
  ['source URL', urlYearMonth],
  ['source title', yearInTitle],
];

function fieldText(raw: RawFigure, field: Field): string {
  switch (field) {
    case 'source title':
      return raw.source_title;
    case 'note':
      return raw.note;
    case 'settings':
      return raw.settings;
    case 'source URL':
      return raw.source_url;
  }
}

/** The publication date stated anywhere in a record, or null with "not stated by the source". */
export function derivePublishedOn(raw: RawFigure): PublishedOn {
  for (const [field, find] of RULES) {
    const hit = find(fieldText(raw, field));
    if (hit) return { publishedOn: hit.date, publishedOnBasis: `${field} states '${hit.text}'` };
  }
  return { publishedOn: null, publishedOnBasis: 'not stated by the source' };
}
