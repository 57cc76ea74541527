import { useState } from 'react';
import type { ReactNode } from 'react';
import type { ApiError } from '../../../shared/api/contract';
import { useRunLive } from '../api/live-run-context';
import { useSystem } from '../api/resources';
import { LastRun } from '../components/LastRun';
import { Page } from '../components/Page';
import { Async, ErrorNotice } from '../components/States';
import { SystemView } from '../components/SystemView';
import { formatDateTime } from '../lib/format';
import { navigate } from '../lib/hash-route';

/** What Rigmark detected here, the last run, and the one-click quick benchmark. */
export function MachinePage(): ReactNode {
  // Each "Detect again" asks core for a fresh snapshot instead of the cached one.
  const [detectCount, setDetectCount] = useState(0);
  const system = useSystem(detectCount);
  const isDetecting = system.status === 'loading' || system.isRefreshing;
  const { startRun, focusRun } = useRunLive();
  const [startError, setStartError] = useState<ApiError | null>(null);
  const [isStarting, setIsStarting] = useState(false);
  const isRunning = focusRun?.status === 'running';

  const onQuickRun = async (): Promise<void> => {
    setIsStarting(true);
    setStartError(null);
    const response = await startRun({ suite: 'quick' });
    setIsStarting(false);
    if (response.ok) navigate('/run');
    else setStartError(response.error);
  };

  return (
    <Page
      title="This machine"
      lead="What Rigmark detected on this computer, and how it did last time."
      actions={
        <>
          <button type="button" className="button" onClick={() => setDetectCount((n) => n + 1)} disabled={isDetecting}>
            {isDetecting ? 'Detecting…' : 'Detect again'}
          </button>
          {isRunning ? (
            <a className="button button-primary button-large" href="#/run">
              View running benchmark
            </a>
          ) : (
            <button type="button" className="button button-primary button-large" onClick={() => void onQuickRun()} disabled={isStarting}>
              {isStarting ? 'Starting…' : 'Run quick benchmark'}
            </button>
          )}
        </>
      }
    >
      {startError === null ? null : <ErrorNotice error={startError} title="Could not start the quick benchmark" />}
      <Async state={system} what="the system">
        {(snapshot) => (
          <>
            <SystemView system={snapshot} lastRun={<LastRun />} />
            <p className="muted small">Detected {formatDateTime(snapshot.capturedAt)}</p>
          </>
        )}
      </Async>
    </Page>
  );
}
