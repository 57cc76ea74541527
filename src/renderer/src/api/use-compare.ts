import { useState } from 'react';
import type { ApiError } from '../../../shared/api/contract';
import type { RunComparisonView } from '../../../shared/domain/compare';
import { useRunComparison } from './resources';
import { useLastValue } from './use-last-value';

export interface CompareState {
  /** Cards the user chose, or null for core's default (A100, RTX 4090 and the nearest card). */
  chosenCards: readonly string[] | null;
  setChosenCards: (keys: string[] | null) => void;
  /** The comparison on screen: the latest answer, kept while a new card choice loads. */
  view: RunComparisonView | undefined;
  isUpdating: boolean;
  error: ApiError | undefined;
  reload: () => void;
}

/** The Compare page's state: which cards, and the comparison of the run (null = latest with results) against them. */
export function useCompare(runId: number | null): CompareState {
  const [chosenCards, setChosenCards] = useState<readonly string[] | null>(null);
  const state = useRunComparison(runId, chosenCards);
  const view = useLastValue(state.value);
  return {
    chosenCards,
    setChosenCards,
    view,
    isUpdating: view !== undefined && (state.status === 'loading' || state.isRefreshing),
    error: state.error,
    reload: state.reload,
  };
}

/** Whether any result of the run has a published figure for any chosen card. */
export function hasAnyMatch(view: RunComparisonView): boolean {
  return view.comparison.rows.some((row) => row.cards.some((cell) => cell.picked !== null));
}
