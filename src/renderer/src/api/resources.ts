import type { ChannelInput, ChannelOutput } from '../../../shared/api/contract';
import { useRunLive } from './live-run-context';
import { useCall } from './use-call';
import type { CallState } from './use-call';

/** Small typed hooks per resource; each is one `useCall` with the reload rule that resource needs. */

export function useAppInfo(): CallState<ChannelOutput<'app:info'>> {
  return useCall('app:info', {});
}

/** The system snapshot; a `detectCount` above 0 asks core to detect again rather than reuse its snapshot. */
export function useSystem(detectCount = 0): CallState<ChannelOutput<'system:get'>> {
  return useCall('system:get', detectCount > 0 ? { refresh: true } : {}, detectCount);
}

export function useBenchmarks(): CallState<ChannelOutput<'benchmarks:list'>> {
  return useCall('benchmarks:list', {});
}

/** Runs, newest first; reloads by itself whenever a run finishes. */
export function useRuns(limit?: number): CallState<ChannelOutput<'runs:list'>> {
  const { state } = useRunLive();
  return useCall('runs:list', limit === undefined ? {} : { limit }, state.finishedRunCount);
}

/** One run's detail; while that run is live it reloads as each benchmark finishes. */
export function useRun(runId: number | null): CallState<ChannelOutput<'runs:get'>> {
  const { state } = useRunLive();
  const live = runId === null ? undefined : state.runs[runId];
  const finishedInstances = live?.instances.filter((i) => i.fraction >= 1).length ?? 0;
  return useCall('runs:get', runId === null ? null : { runId }, `${finishedInstances}/${live?.status ?? ''}`);
}

export function useHistory(benchmarkId: string | null): CallState<ChannelOutput<'runs:history'>> {
  const { state } = useRunLive();
  return useCall('runs:history', benchmarkId === null ? null : { benchmarkId }, state.finishedRunCount);
}

/** The planned instances and their estimate for what the Run page has selected (null = nothing selected). */
export function usePlan(request: ChannelInput<'runs:plan'> | null): CallState<ChannelOutput<'runs:plan'>> {
  return useCall('runs:plan', request);
}

/** What core's checks say about the selection before it starts (VRAM fit, busy CPU, missing engines…). */
export function usePreflight(request: ChannelInput<'runs:preflight'> | null): CallState<ChannelOutput<'runs:preflight'>> {
  return useCall('runs:preflight', request);
}
