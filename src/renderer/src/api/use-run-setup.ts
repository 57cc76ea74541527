import { useMemo, useState } from 'react';
import type { Suite } from '../../../shared/domain/benchmark';
import type { RunRequest } from '../../../shared/domain/run';

export type SetupMode = { kind: 'suite'; suite: Suite } | { kind: 'custom' };

export interface RunSetup {
  mode: SetupMode;
  setMode: (mode: SetupMode) => void;
  selected: ReadonlySet<string>;
  toggle: (benchmarkId: string) => void;
  /** As typed; empty means each benchmark's default. */
  repetitions: string;
  setRepetitions: (text: string) => void;
  repetitionsError: string | null;
  /** The model for the llama.cpp benchmarks (`synthetic:NAME` or a GGUF path); empty = each benchmark's default. */
  model: string;
  setModel: (model: string) => void;
  /** The request to plan and start, or null while the selection cannot run. */
  request: RunRequest | null;
}

export const MAX_REPETITIONS = 100;

/** The Run page's form state and the `RunRequest` it amounts to. */
export function useRunSetup(): RunSetup {
  const [mode, setMode] = useState<SetupMode>({ kind: 'suite', suite: 'quick' });
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [repetitions, setRepetitions] = useState('');
  const [model, setModel] = useState('');

  const parsedReps = repetitions.trim() === '' ? undefined : Number(repetitions);
  const repetitionsError =
    parsedReps === undefined || (Number.isInteger(parsedReps) && parsedReps >= 1 && parsedReps <= MAX_REPETITIONS)
      ? null
      : `Enter a whole number from 1 to ${MAX_REPETITIONS}, or leave empty for the defaults.`;

  const request = useMemo<RunRequest | null>(() => {
    if (repetitionsError !== null) return null;
    const extra = { ...(parsedReps === undefined ? {} : { repetitions: parsedReps }), ...(model === '' ? {} : { model }) };
    if (mode.kind === 'suite') return { suite: mode.suite, ...extra };
    if (selected.size === 0) return null;
    return { benchmarkIds: [...selected].sort(), ...extra };
  }, [mode, selected, parsedReps, repetitionsError, model]);

  const toggle = (benchmarkId: string): void =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(benchmarkId)) next.delete(benchmarkId);
      else next.add(benchmarkId);
      return next;
    });

  return { mode, setMode, selected, toggle, repetitions, setRepetitions, repetitionsError, model, setModel, request };
}
