import { useRef } from 'react';
import type { ReactNode } from 'react';
import type { UserReferenceFileInfo } from '../../../shared/domain/user-reference';
import { useReferenceFiles } from '../api/use-reference-files';
import { Section } from './Page';
import { Async, ErrorNotice } from './States';
import './UserReferenceFiles.css';

/**
 * Reference figures of the user's own (a fleet's measurements, an event's scoreboard), added from a JSON file in
 * the bundled format. Core checks the whole file first: a malformed one is refused with the record and field named.
 */
export function UserReferenceFiles({ onChange }: { onChange: () => void }): ReactNode {
  const state = useReferenceFiles(onChange);
  const input = useRef<HTMLInputElement>(null);
  const onPick = (files: FileList | null): void => {
    const file = files?.[0];
    if (input.current) input.current.value = '';
    if (file) void state.add(file);
  };
  return (
    <Section
      title="Your reference files"
      actions={
        <>
          <input ref={input} type="file" accept=".json,application/json" hidden onChange={(e) => onPick(e.target.files)} aria-label="Reference file" />
          <button type="button" className="button" onClick={() => input.current?.click()} disabled={state.isPending}>
            {state.isPending ? 'Adding…' : 'Add reference figures…'}
          </button>
        </>
      }
    >
      <p className="small muted">
        A JSON file in the bundled format (<code>figures.json</code> records, optional <code>cards</code> for cards of your own). Its figures are
        compared like the bundled ones and always shown as “your file: NAME”.
      </p>
      {state.error === null ? null : <ErrorNotice error={state.error} title="The file was not added" />}
      {state.conflictFile === null ? null : (
        <button type="button" className="button" onClick={() => state.conflictFile && void state.add(state.conflictFile, { replace: true })}>
          Replace {state.conflictFile.name}
        </button>
      )}
      <Async state={state.files} what="your reference files">
        {(files) => (files.length === 0 ? <p className="muted">None added yet.</p> : <FileList files={files} onRemove={(name) => void state.remove(name)} />)}
      </Async>
    </Section>
  );
}

function FileList({ files, onRemove }: { files: UserReferenceFileInfo[]; onRemove: (name: string) => void }): ReactNode {
  return (
    <ul className="user-reference-list" aria-label="Your reference files">
      {files.map((f) => (
        <li key={f.name} className="card">
          <p className="card-title">
            {f.name} <span className={f.status === 'loaded' ? 'small muted' : 'small text-danger'}>{f.status}</span>
          </p>
          {f.problem === null ? (
            <p className="small">
              {f.recordCount} figure{f.recordCount === 1 ? '' : 's'} for {f.cardKeys.join(', ')}
              {f.newCardKeys.length > 0 ? ` (cards of its own: ${f.newCardKeys.join(', ')})` : ''}
              {f.sourceText === null ? '' : ` · ${f.sourceText}`}
            </p>
          ) : (
            <p className="small text-danger">{f.problem}</p>
          )}
          <button type="button" className="button button-ghost button-small" onClick={() => onRemove(f.name)} aria-label={`Remove ${f.name}`}>
            Remove
          </button>
        </li>
      ))}
    </ul>
  );
}
