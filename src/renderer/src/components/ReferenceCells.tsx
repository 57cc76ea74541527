import { Fragment } from 'react';
import type { ReactNode } from 'react';

/** A text one side (a card) or, with label null, every side of a row states. */
export interface LabelledText {
  label: string | null;
  text: string;
}

/** Own settings words up to this length stay in the row; longer ones go behind the row's disclosure. */
const INLINE_CHARS = 48;

/** A summary up to this long stays on one line, so a column of them reads down as one line per row. */
const ONE_LINE_CHARS = 40;

/**
 * "tg512 · CUDA · Q4_K_M · llama-bench": on one line when short, else wrapping only between its parts, so
 * "llama-bench" or "1 request at a time" is never broken in two; "not stated" when the source states none.
 */
export function SettingsSummaryText({ summary }: { summary: string }): ReactNode {
  if (summary === '') return <span className="muted">not stated</span>;
  const parts = summary.split(' · ');
  return (
    <span className={`settings-summary${summary.length <= ONE_LINE_CHARS ? ' nowrap' : ''}`}>
      {parts.map((part, i) => (
        <Fragment key={`${i}-${part}`}>
          {i === 0 ? null : ' · '}
          <span className="nowrap">{part}</span>
        </Fragment>
      ))}
    </span>
  );
}

/** Sides that say the same text are said once, unlabelled. */
export function mergeSides(texts: readonly LabelledText[]): LabelledText[] {
  const said = texts.filter((t) => t.text !== '');
  const first = said[0];
  if (first !== undefined && said.every((t) => t.text === first.text)) return [{ label: null, text: first.text }];
  return said;
}

function Lines({ texts, className }: { texts: readonly LabelledText[]; className: string }): ReactNode {
  return texts.map((t) => (
    <p key={t.label ?? ''} className={className}>
      {t.label === null ? null : <span className="strong">{t.label}: </span>}
      {t.text}
    </p>
  ));
}

/**
 * A row's own settings words beyond what its source's header says: short ones ("single stream") in the row, long
 * ones (a paragraph) behind "How it was run", so no row grows to a paragraph.
 */
export function OwnSettings({ texts }: { texts: readonly LabelledText[] }): ReactNode {
  if (texts.length === 0) return null;
  if (texts.every((t) => t.text.length <= INLINE_CHARS)) return <Lines texts={texts} className="cell-note muted" />;
  return (
    <details className="details figure-note">
      <summary>How it was run</summary>
      <Lines texts={texts} className="small" />
    </details>
  );
}

/** A row's own caveat (the source's note beyond what its header says), behind a disclosure. */
export function OwnNote({ texts }: { texts: readonly LabelledText[] }): ReactNode {
  if (texts.length === 0) return null;
  return (
    <details className="details figure-note">
      <summary>Note</summary>
      <Lines texts={texts} className="small" />
    </details>
  );
}
