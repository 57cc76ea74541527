import type { ApiError, ApiEvent, ApiResponse, Channel, ChannelInput, ChannelOutput, RigmarkApi } from '../../../shared/api/contract';
import { DEFAULT_SETTINGS } from '../../../shared/domain/settings';

/**
 * A stand-in for core, named as such: the renderer's only dependency is a `RigmarkApi`, so component tests give it
 * this object instead of IPC or HTTP. Each channel answers from a handler; a handler returning `{ error }` answers
 * `{ ok: false }`. `emit` pushes a run event as core would.
 */
export type FakeHandlers = {
  [C in Channel]?: (input: ChannelInput<C>) => ChannelOutput<C> | { error: ApiError } | Promise<ChannelOutput<C> | { error: ApiError }>;
};

export interface FakeApi extends RigmarkApi {
  emit: (event: ApiEvent) => void;
  calls: Array<{ channel: Channel; input: unknown }>;
  callsTo: (channel: Channel) => unknown[];
}

const DEFAULTS: FakeHandlers = {
  'app:info': () => ({ version: '0.1.0', dataDir: '/home/test/.local/share/rigmark', node: '20.20.2', electron: null, mode: 'web' }),
  'settings:get': () => DEFAULT_SETTINGS,
  'settings:update': (patch) => ({ ...DEFAULT_SETTINGS, ...patch }),
  'runs:list': () => [],
  'benchmarks:list': () => [],
  'runs:plan': () => [],
  'runs:preflight': () => [],
  'models:list': () => ({ models: [], synthetic: [], modelsDir: '/home/test/.local/share/rigmark/models' }),
  // Core builds comparison files; the fake answers with core's file names and a placeholder body (no columns).
  'compare:export': (input) => ({
    fileName: input.kind === 'run' ? `rigmark-compare-run-${input.runId ?? 1}.${input.format}` : `rigmark-${input.ref}-vs-${input.vs}.${input.format}`,
    mimeType: input.format === 'csv' ? 'text/csv' : 'text/markdown',
    content: `fake ${input.kind} comparison export\n`,
  }),
};

export function createFakeApi(handlers: FakeHandlers = {}): FakeApi {
  const listeners = new Set<(event: ApiEvent) => void>();
  const calls: FakeApi['calls'] = [];
  const all: FakeHandlers = { ...DEFAULTS, ...handlers };
  return {
    calls,
    callsTo: (channel) => calls.filter((c) => c.channel === channel).map((c) => c.input),
    async call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ApiResponse<ChannelOutput<C>>> {
      calls.push({ channel, input });
      const handler = all[channel] as ((i: ChannelInput<C>) => unknown) | undefined;
      if (handler === undefined) return { ok: false, error: { code: 'NOT_FOUND', message: `fake api: no handler for ${channel}` } };
      const answer = await handler(input);
      if (typeof answer === 'object' && answer !== null && 'error' in answer) return { ok: false, error: (answer as { error: ApiError }).error };
      return { ok: true, value: answer as ChannelOutput<C> };
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    emit(event) {
      for (const listener of listeners) listener(event);
    },
  };
}
