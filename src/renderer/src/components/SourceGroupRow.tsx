import type { ReactNode } from 'react';
import { SourceText } from './SourceText';

export interface GroupSource {
  /** Whose source this is, when two cards' figures come from different sources ("A100"); null for one source. */
  label: string | null;
  title: string;
  url: string;
  kind: string;
  publishedOn: string | null;
}

/** A text the group's figures share, for one card's side or (label null) for all of them. */
export interface GroupText {
  label: string | null;
  /** What every figure's text says ('' when the source states nothing shared). */
  shared: string;
  /** What single figures add to it ("test tg512"), each listed once. */
  extras: readonly string[];
}

interface SourceGroupRowProps {
  columnCount: number;
  sources: readonly GroupSource[];
  count: number;
  settings: readonly GroupText[];
  notes: readonly GroupText[];
}

/** Drops texts with nothing to say, so an empty disclosure is never shown. */
function said(texts: readonly GroupText[]): GroupText[] {
  return texts.filter((t) => t.shared !== '' || t.extras.length > 0);
}

function GroupTexts({ summary, texts, extrasLead }: { summary: string; texts: readonly GroupText[]; extrasLead: string }): ReactNode {
  if (texts.length === 0) return null;
  return (
    <details className="details source-how">
      <summary>{summary}</summary>
      {texts.map((t) => (
        <div key={t.label ?? ''} className="source-how-text">
          {t.shared === '' ? null : (
            <p className="small">
              {t.label === null ? null : <span className="strong">{t.label}: </span>}
              {t.shared}
            </p>
          )}
          {t.extras.length === 0 ? null : (
            <p className="small">
              {t.label === null || t.shared !== '' ? null : <span className="strong">{t.label}: </span>}
              {extrasLead} {t.extras.join(' / ')}
            </p>
          )}
        </div>
      ))}
    </details>
  );
}

/**
 * The first row of a table's group of figures from one source: title and address as text (never a link: the app
 * is offline), how many figures follow, and the source's settings text and note once, behind disclosures.
 */
export function SourceGroupRow({ columnCount, sources, count, settings, notes }: SourceGroupRowProps): ReactNode {
  return (
    <tr className="source-group-row">
      <th scope="rowgroup" colSpan={columnCount}>
        <div className="source-group">
          <div className="source-group-sources">
            {sources.map((source) => (
              <div key={`${source.label ?? ''}${source.url}`} className="source-group-source">
                {source.label === null ? null : <p className="small strong">{source.label}</p>}
                <SourceText title={source.title} url={source.url} kind={source.kind} publishedOn={source.publishedOn} />
              </div>
            ))}
          </div>
          {count === 1 ? null : <p className="small muted source-group-count">{count} figures from this source</p>}
          <div className="source-group-disclosures">
            <GroupTexts summary="How it was run" texts={said(settings)} extrasLead="Each figure adds its own:" />
            <GroupTexts summary="Source note" texts={said(notes.map((n) => ({ ...n, extras: [] })))} extrasLead="" />
          </div>
        </div>
      </th>
    </tr>
  );
}
