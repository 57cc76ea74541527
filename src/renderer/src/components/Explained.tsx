import type { ReactNode } from 'react';
import type { PlainMessage } from '../../../shared/format/diagnostic-text';

/**
 * The raw diagnostic behind a sentence (a tool chain, a socket error, an error code), closed by default: people read
 * the sentence, and whoever files a bug report opens "Details". Renders nothing without a detail.
 */
export function DiagnosticDetails({ detail }: { detail: string | null }): ReactNode {
  if (detail === null || detail === '') return null;
  return (
    <details className="diagnostic">
      <summary>Details</summary>
      <span className="diagnostic-text">{detail}</span>
    </details>
  );
}

/**
 * A message for a person (shared/format/diagnostic-text.ts) and, when there is one, its diagnostic behind "Details".
 * A <div>, not a <p>: a <details> may not sit inside a paragraph.
 */
export function Explained({ message, className }: { message: PlainMessage; className?: string }): ReactNode {
  return (
    <div className={className === undefined ? 'explained' : `explained ${className}`}>
      <span className="explained-sentence">{message.sentence}</span>
      <DiagnosticDetails detail={message.detail} />
    </div>
  );
}
