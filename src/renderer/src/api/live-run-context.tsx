import { createContext, useCallback, useContext, useEffect, useMemo, useReducer } from 'react';
import type { ReactNode } from 'react';
import type { ApiResponse, ChannelOutput } from '../../../shared/api/contract';
import type { RunRequest } from '../../../shared/domain/run';
import { useApi } from './api-context';
import { initialLiveState, liveReducer } from './live-run';
import type { LiveRun, LiveState } from './live-run';

interface LiveRunContextValue {
  state: LiveState;
  /** The run the Run page follows, once its first event or its stored detail arrived. */
  focusRun: LiveRun | null;
  startRun: (request: RunRequest) => Promise<ApiResponse<ChannelOutput<'runs:start'>>>;
  /** Stops following a finished run, so the Run page offers a new one. */
  dismissFocus: () => void;
}

const LiveRunContext = createContext<LiveRunContextValue | null>(null);

/**
 * Listens to run events once for the whole app, so a run keeps being followed while the user moves between pages.
 * On start it also picks up a run that was already going (the window was reloaded, or the CLI started it).
 */
export function LiveRunProvider({ children }: { children: ReactNode }): ReactNode {
  const api = useApi();
  const [state, dispatch] = useReducer(liveReducer, initialLiveState);

  useEffect(() => api.onEvent((event) => dispatch({ type: 'event', event })), [api]);

  useEffect(() => {
    let isCurrent = true;
    void (async () => {
      const runs = await api.call('runs:list', { limit: 1 });
      const latest = runs.ok ? runs.value[0] : undefined;
      if (latest === undefined || latest.status !== 'running') return;
      const detail = await api.call('runs:get', { runId: latest.id });
      if (!isCurrent || !detail.ok) return;
      dispatch({ type: 'seed', detail: detail.value });
      dispatch({ type: 'focus', runId: latest.id });
    })();
    return () => {
      isCurrent = false;
    };
  }, [api]);

  const startRun = useCallback(
    async (request: RunRequest) => {
      const response = await api.call('runs:start', request);
      if (response.ok) dispatch({ type: 'focus', runId: response.value.runId });
      return response;
    },
    [api],
  );
  const dismissFocus = useCallback(() => dispatch({ type: 'focus', runId: null }), []);

  const value = useMemo<LiveRunContextValue>(() => {
    const focusRun = state.focusRunId === null ? null : (state.runs[state.focusRunId] ?? null);
    return { state, focusRun, startRun, dismissFocus };
  }, [state, startRun, dismissFocus]);
  return <LiveRunContext.Provider value={value}>{children}</LiveRunContext.Provider>;
}

/** Live run state merged from events (progress, samples, statuses) plus start and dismiss. */
export function useRunLive(): LiveRunContextValue {
  const value = useContext(LiveRunContext);
  if (value === null) throw new Error('useRunLive() needs a <LiveRunProvider> above it');
  return value;
}
