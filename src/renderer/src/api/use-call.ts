import { useCallback, useEffect, useState } from 'react';
import type { ApiError, ApiResponse, Channel, ChannelInput, ChannelOutput } from '../../../shared/api/contract';
import { useApi } from './api-context';

type Settled<T> = { status: 'ok'; value: T; error?: undefined } | { status: 'error'; value?: undefined; error: ApiError };

export type CallState<T> = ({ status: 'loading'; value?: undefined; error?: undefined } | Settled<T>) & {
  /** True while a reload runs and the previous answer for the same input is still shown. */
  isRefreshing: boolean;
  reload: () => void;
};

/**
 * Calls a read channel and keeps its answer. `input: null` skips the call (nothing to ask yet). The call runs again
 * when the input (compared by value) or `refreshKey` changes, or on `reload()`; while it does, the last answer for
 * the same input stays on screen instead of flashing a loading state.
 */
export function useCall<C extends Channel>(
  channel: C,
  input: ChannelInput<C> | null,
  refreshKey: string | number = 0,
): CallState<ChannelOutput<C>> {
  const api = useApi();
  const [version, setVersion] = useState(0);
  const inputJson = input === null ? null : JSON.stringify(input);
  const requestKey = `${channel} ${inputJson ?? ''}`;
  const fetchKey = `${requestKey} #${version} ${refreshKey}`;
  const [settled, setSettled] = useState<{ requestKey: string; fetchKey: string; state: Settled<ChannelOutput<C>> } | null>(null);

  useEffect(() => {
    if (inputJson === null) return undefined;
    let isCurrent = true;
    void api.call(channel, JSON.parse(inputJson) as ChannelInput<C>).then((response) => {
      if (!isCurrent) return;
      setSettled({ requestKey, fetchKey, state: toSettled(response) });
    });
    return () => {
      isCurrent = false;
    };
  }, [api, channel, inputJson, requestKey, fetchKey]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  if (settled === null || settled.requestKey !== requestKey) return { status: 'loading', isRefreshing: false, reload };
  return { ...settled.state, isRefreshing: settled.fetchKey !== fetchKey, reload };
}

function toSettled<T>(response: ApiResponse<T>): Settled<T> {
  return response.ok ? { status: 'ok', value: response.value } : { status: 'error', error: response.error };
}

export interface ActionState<C extends Channel> {
  run: (input: ChannelInput<C>) => Promise<ApiResponse<ChannelOutput<C>>>;
  isPending: boolean;
  error: ApiError | null;
}

/** A write channel (start, cancel, export, save) triggered by the user, with its pending flag and last error. */
export function useAction<C extends Channel>(channel: C): ActionState<C> {
  const api = useApi();
  const [state, setState] = useState<{ isPending: boolean; error: ApiError | null }>({ isPending: false, error: null });
  const run = useCallback(
    async (input: ChannelInput<C>) => {
      setState({ isPending: true, error: null });
      const response = await api.call(channel, input);
      setState({ isPending: false, error: response.ok ? null : response.error });
      return response;
    },
    [api, channel],
  );
  return { ...state, run };
}
