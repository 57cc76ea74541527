import type { ReactNode } from 'react';
import type { ApiError } from '../../../shared/api/contract';
import type { CallState } from '../api/use-call';

export function Loading({ what }: { what: string }): ReactNode {
  return (
    <p className="state state-loading" role="status">
      <span className="spinner" aria-hidden="true" />
      Loading {what}…
    </p>
  );
}

/** An API error with its message (and code), plus a retry where one makes sense. */
export function ErrorNotice({ error, title, onRetry }: { error: ApiError; title?: string; onRetry?: () => void }): ReactNode {
  return (
    <div className="state state-error" role="alert">
      <p>
        <strong>{title ?? 'Something went wrong'}</strong>
        <span className="error-code">{error.code}</span>
      </p>
      <p className="error-message">{error.message}</p>
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
