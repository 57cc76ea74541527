import { useState } from 'react';
import type { ReactNode } from 'react';
import { SOURCE_KIND_LABELS } from '../lib/labels';

interface SourceTextProps {
  title: string;
  url: string;
  kind?: string;
  publishedOn?: string | null;
}

/**
 * Where a figure was published: title and address as selectable text with a copy button. Deliberately not a link:
 * the app is offline and never opens the network itself; the user copies the address into a browser if they wish.
 */
export function SourceText({ title, url, kind, publishedOn }: SourceTextProps): ReactNode {
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const onCopy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(url);
      setCopyState('copied');
    } catch {
      setCopyState('failed');
    }
  };
  const meta = [kind === undefined ? null : (SOURCE_KIND_LABELS[kind] ?? kind), publishedOn ? `published ${publishedOn}` : null].filter(Boolean);
  return (
    <div className="source">
      <p className="source-title">{title}</p>
      <p className="source-address">
        <code className="source-url">{url}</code>
        <button type="button" className="button button-ghost button-small" onClick={() => void onCopy()} aria-label={`Copy address ${url}`}>
          {copyState === 'copied' ? 'Copied' : 'Copy'}
        </button>
      </p>
      {copyState === 'failed' ? <p className="small muted">Copy is not allowed here; select the address instead.</p> : null}
      {meta.length === 0 ? null : <p className="small muted">{meta.join(' · ')}</p>}
    </div>
  );
}
