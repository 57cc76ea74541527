import type { ChannelOutput } from '../../../shared/api/contract';
import { useRunLive } from './live-run-context';
import { useCall } from './use-call';
import type { CallState } from './use-call';

/** A run's headline (score and card ratios); while that run is live it reloads as each benchmark finishes. */
export function useHeadline(runId: number): CallState<ChannelOutput<'runs:headline'>> {
  const { state } = useRunLive();
  const live = state.runs[runId];
  const finishedInstances = live?.instances.filter((i) => i.fraction >= 1).length ?? 0;
  return useCall('runs:headline', { runId }, `${finishedInstances}/${live?.status ?? ''}`);
}
