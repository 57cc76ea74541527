import { useState } from 'react';
import type { ReactNode } from 'react';
import type { ApiError } from '../../../shared/api/contract';
import { useRunLive } from '../api/live-run-context';
import { useAction } from '../api/use-call';
import { useRunSetup } from '../api/use-run-setup';
import { Page } from '../components/Page';
import { RunProgress } from '../components/RunProgress';
import { RunSetupForm } from '../components/RunSetupForm';
import { ErrorNotice, Loading } from '../components/States';

/** Set up a run, or follow the one that is going (or just finished). */
export function RunPage(): ReactNode {
  const { state, focusRun, startRun, dismissFocus } = useRunLive();
  const setup = useRunSetup();
  const cancel = useAction('runs:cancel');
  // Cancelling takes until the worker stops; keep the button in its "Cancelling…" state until run-finished.
  const [cancelRequestedFor, setCancelRequestedFor] = useState<number | null>(null);
  const [start, setStart] = useState<{ isPending: boolean; error: ApiError | null }>({ isPending: false, error: null });

  const onStart = async (): Promise<void> => {
    if (setup.request === null) return;
    setStart({ isPending: true, error: null });
    const response = await startRun(setup.request);
    setStart({ isPending: false, error: response.ok ? null : response.error });
  };

  if (state.focusRunId !== null) {
    return (
      <Page title="Run" lead="Benchmarks run one at a time; samples appear as they are taken.">
        {focusRun === null ? (
          <Loading what={`run #${state.focusRunId}`} />
        ) : (
          <RunProgress
            run={focusRun}
            onCancel={() =>
              void cancel.run({ runId: focusRun.runId }).then((r) => {
                if (r.ok && r.value.isCancelled) setCancelRequestedFor(focusRun.runId);
              })
            }
            isCancelling={cancel.isPending || cancelRequestedFor === focusRun.runId}
            cancelError={cancel.error}
            onNewRun={dismissFocus}
          />
        )}
      </Page>
    );
  }
  return (
    <Page title="Run" lead="Choose what to measure. Close other heavy programs first: they skew the numbers.">
      {start.error === null ? null : <ErrorNotice error={start.error} title="Could not start the run" />}
      <RunSetupForm setup={setup} onStart={() => void onStart()} isStarting={start.isPending} />
    </Page>
  );
}
