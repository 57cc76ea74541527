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

/** The catalogue with availability; `model` (the Run page's model choice) changes what the LLM benchmarks can do. */
export function useBenchmarks(model?: string): CallState<ChannelOutput<'benchmarks:list'>> {
  return useCall('benchmarks:list', model === undefined ? {} : { model });
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

/**
 * A run against reference cards. `runId` null = the latest run with results; `cards` null = core's default choice
 * (A100, RTX 4090 and the card nearest to the run). Reloads when a run finishes, so "latest" stays the latest.
 */
export function useRunComparison(runId: number | null, cards: readonly string[] | null): CallState<ChannelOutput<'compare:run'>> {
  const { state } = useRunLive();
  const input: ChannelInput<'compare:run'> = {
    ...(runId === null ? {} : { runId }),
    ...(cards === null ? {} : { cards: [...cards] }),
  };
  return useCall('compare:run', input, runId === null ? state.finishedRunCount : 0);
}

/** Expected change from a run (null = the latest with results) to a target card; nothing asked while none is chosen. */
export function useUpgradeGain(runId: number | null, target: string | null): CallState<ChannelOutput<'compare:upgrade'>> {
  return useCall('compare:upgrade', target === null ? null : { ...(runId === null ? {} : { runId }), target });
}

export function useReferenceCards(): CallState<ChannelOutput<'reference:cards'>> {
  return useCall('reference:cards', {});
}

export function useReferenceFigures(gpuKey: string | null): CallState<ChannelOutput<'reference:figures'>> {
  return useCall('reference:figures', gpuKey === null ? null : { gpuKey });
}

/** Two cards from published figures only (positive = `ref` faster). */
export function useCardComparison(ref: string, vs: string): CallState<ChannelOutput<'compare:cards'>> {
  return useCall('compare:cards', { ref, vs });
}

/** Models found on disk and the synthetic shapes; `refreshKey` changes after a generation to show the new file. */
export function useModels(refreshKey: string | number = 0): CallState<ChannelOutput<'models:list'>> {
  return useCall('models:list', {}, refreshKey);
}

/** One result's telemetry timeline; `null` waits (the section is not shown yet). Stored once the result is done. */
export function useResultTelemetry(resultId: number | null): CallState<ChannelOutput<'runs:telemetry'>> {
  return useCall('runs:telemetry', resultId === null ? null : { resultId });
}
