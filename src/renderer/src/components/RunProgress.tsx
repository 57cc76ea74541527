import { useCallback } from 'react';
import type { ReactNode } from 'react';
import type { ApiError } from '../../../shared/api/contract';
import type { LiveInstance, LiveRun } from '../api/live-run';
import { samplesLabel, samplesOption } from '../charts/samples-option';
import type { ChartColors } from '../lib/echarts';
import { formatDuration, formatPercent, formatValue } from '../lib/format';
import { hrefFor } from '../lib/hash-route';
import { EChart } from './EChart';
import { ProgressBar } from './ProgressBar';
import { ErrorNotice } from './States';
import { StatusBadge } from './StatusBadge';

interface RunProgressProps {
  run: LiveRun;
  onCancel: () => void;
  isCancelling: boolean;
  cancelError: ApiError | null;
  onNewRun: () => void;
}

/** A run as it happens: overall bar and ETA, one row per benchmark with its phase and samples as they land. */
export function RunProgress({ run, onCancel, isCancelling, cancelError, onNewRun }: RunProgressProps): ReactNode {
  const isRunning = run.status === 'running';
  const done = run.instances.filter((i) => i.fraction >= 1).length;
  return (
    <div className="run-progress">
      <div className="card run-overall">
        <div className="run-overall-header">
          <div>
            <p className="card-title">
              Run #{run.runId} <StatusBadge status={run.status} />
            </p>
            <p className="muted num" aria-live="polite">
              {done} of {run.instances.length} benchmarks done · {formatPercent(run.overallFraction, 0)}
              {isRunning && run.etaMs !== null ? ` · about ${formatDuration(run.etaMs)} left` : ''}
            </p>
          </div>
          {isRunning ? (
            <button type="button" className="button button-danger" onClick={onCancel} disabled={isCancelling}>
              {isCancelling ? 'Cancelling…' : 'Cancel run'}
            </button>
          ) : (
            <div className="button-row">
              <a className="button button-primary" href={hrefFor(`/results/${run.runId}`)}>
                View result
              </a>
              <button type="button" className="button" onClick={onNewRun}>
                New run
              </button>
            </div>
          )}
        </div>
        <ProgressBar fraction={run.overallFraction} label="Overall progress" size="large" />
      </div>
      {cancelError === null ? null : <ErrorNotice error={cancelError} title="Could not cancel the run" />}
      <ol className="instance-list" aria-label="Benchmarks in this run">
        {run.instances.map((instance) => (
          <InstanceRow key={instance.resultId} instance={instance} />
        ))}
      </ol>
    </div>
  );
}

function InstanceRow({ instance }: { instance: LiveInstance }): ReactNode {
  const unit = instance.unit ?? '';
  const buildOption = useCallback(
    (colors: ChartColors) => samplesOption({ samples: instance.samples, unit, median: instance.median, isCompact: true }, colors),
    [instance.samples, unit, instance.median],
  );
  return (
    <li className={`card instance instance-${instance.status}`}>
      <div className="instance-header">
        <span className="instance-title">{instance.title}</span>
        <StatusBadge status={instance.status} />
        <span className="muted instance-phase">{describe(instance)}</span>
      </div>
      {instance.status === 'unavailable' || instance.status === 'failed' ? (
        <p className={instance.status === 'failed' ? 'text-danger' : 'muted'}>{instance.reason ?? 'No reason given.'}</p>
      ) : (
        <ProgressBar fraction={instance.fraction} label={`${instance.title} progress`} />
      )}
      {instance.samples.length > 0 ? (
        <EChart buildOption={buildOption} height={88} label={samplesLabel(instance.title, instance.samples, unit, instance.median)} />
      ) : null}
    </li>
  );
}

function describe(instance: LiveInstance): string {
  if (instance.status === 'running') {
    const counted = instance.samples.filter((s) => !s.isWarmup).length;
    return `${instance.phase ?? 'starting'}${counted > 0 ? ` · ${counted} sample${counted === 1 ? '' : 's'}` : ''}`;
  }
  if ((instance.status === 'passed' || instance.status === 'unstable') && instance.median !== null) {
    return `median ${formatValue(instance.median, instance.unit ?? '')}`;
  }
  if (instance.status === 'pending') return instance.estimatedMs > 0 ? `about ${formatDuration(instance.estimatedMs)}` : 'waiting';
  return '';
}
