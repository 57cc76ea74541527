import { useCallback, useEffect, useState } from 'react';
import { useApi } from './api-context';

export type GenerationState =
  | { phase: 'running'; fraction: number }
  | { phase: 'done'; message: string | null }
  | { phase: 'failed'; message: string };

export interface ModelGeneration {
  /** Per synthetic model name, what this window knows of its generation. */
  states: Readonly<Record<string, GenerationState>>;
  generate: (name: string) => Promise<void>;
}

/**
 * Generates synthetic models and follows them through `model-progress` / `model-finished` events. The call itself
 * answers only when the file is written, so progress comes from the events; `onSettled` runs after each generation
 * (to reload the model list).
 */
export function useModelGeneration(onSettled: () => void): ModelGeneration {
  const api = useApi();
  const [states, setStates] = useState<Record<string, GenerationState>>({});

  useEffect(
    () =>
      api.onEvent((event) => {
        if (event.type === 'model-progress') {
          // Events and the call's answer travel separately (SSE vs HTTP): a progress event that arrives after the
          // outcome is stale and must not turn a finished row back into a running one.
          setStates((s) => (s[event.name] === undefined || s[event.name]?.phase === 'running' ? { ...s, [event.name]: { phase: 'running', fraction: event.fraction } } : s));
        } else if (event.type === 'model-finished') {
          const next: GenerationState = event.isOk ? { phase: 'done', message: event.message } : { phase: 'failed', message: event.message ?? 'generation failed' };
          setStates((s) => ({ ...s, [event.name]: next }));
        }
      }),
    [api],
  );

  const generate = useCallback(
    async (name: string) => {
      setStates((s) => ({ ...s, [name]: { phase: 'running', fraction: 0 } }));
      const response = await api.call('models:generate', { name });
      setStates((s) => {
        if (!response.ok) return { ...s, [name]: { phase: 'failed', message: response.error.message } };
        // The model-finished event may have said it first (with its message); keep that.
        if (s[name]?.phase === 'done') return s;
        return { ...s, [name]: { phase: 'done', message: response.value.isReused ? 'already generated' : null } };
      });
      onSettled();
    },
    [api, onSettled],
  );

  return { states, generate };
}
