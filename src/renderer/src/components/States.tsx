import type { ReactNode } from 'react';
import type { ApiError } from '../../../shared/api/contract';
import { errorMessageText } from '../../../shared/format/diagnostic-text';
import type { CallState } from '../api/use-call';
import { DiagnosticDetails } from './Explained';

export function Loading({ what }: { what: string }): ReactNode {
  return (
    <p className="state state-loading" role="status">
      <span className="spinner" aria-hidden="true" />
      Loading {what}…
    </p>
  );
}

/**
 * An API error: what failed, core's message in words (a CLI hint turned into where to click), and behind "Details"
 * the error code and the message as core wrote it; plus a retry where one makes sense.
 */
export function ErrorNotice({ error, title, onRetry }: { error: ApiError; title?: string; onRetry?: () => void }): ReactNode {
  const message = errorMessageText(error.message);
  return (
    <div className="state state-error" role="alert">
      <p>
        <strong>{title ?? 'Something went wrong'}</strong>
      </p>
      <p className="error-message">{message.sentence}</p>
      <DiagnosticDetails detail={message.detail === null ? `Error code ${error.code}` : `Error code ${error.code}: ${message.detail}`} />
      {onRetry === undefined ? null : (
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }): ReactNode {
  return (
    <div className="state state-empty">
      <p className="state-title">{title}</p>
      {children}
    </div>
  );
}

/** Renders a `useCall` state: loading, the error with a retry, or `children(value)`. */
export function Async<T>({ state, what, children }: { state: CallState<T>; what: string; children: (value: T) => ReactNode }): ReactNode {
  if (state.status === 'loading') return <Loading what={what} />;
  if (state.status === 'error') return <ErrorNotice error={state.error} title={`Could not load ${what}`} onRetry={state.reload} />;
  return children(state.value);
}
