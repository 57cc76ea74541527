import { useCallback, useRef } from 'react';
import type { ReactNode } from 'react';
import type { ApiError } from '../../../shared/api/contract';
import { runCounts, runningInstance, shownFraction } from '../api/live-run';
import type { LiveInstance, LiveRun } from '../api/live-run';
import { samplesLabel, samplesOption } from '../charts/samples-option';
import type { ChartColors } from '../lib/echarts';
import { formatDuration, formatPercent, formatValue } from '../lib/format';
import { asSentence } from '../../../shared/format/diagnostic-text';
import { hrefFor } from '../lib/hash-route';
import { explainUnstable, spreadOf } from '../lib/status-text';
import { useCountdown } from '../lib/use-countdown';
import { useKeepInView } from '../lib/use-keep-in-view';
import { EChart } from './EChart';
import { ProgressBar } from './ProgressBar';
import { HeadlineResult } from './HeadlineResult';
import { ErrorNotice } from './States';
import { StatusBadge } from './StatusBadge';
import { StatusLegend } from './StatusLegend';
import { UnavailableList } from './UnavailableList';

interface RunProgressProps {
  run: LiveRun;
  onCancel: () => void;
  isCancelling: boolean;
  cancelError: ApiError | null;
  onNewRun: () => void;
}

/**
 * A run as it happens: overall bar and ETA, one row per benchmark that runs with its phase and samples as they land
 * (the running one kept in view), and apart from them the benchmarks that cannot run here with why.
 */
export function RunProgress({ run, onCancel, isCancelling, cancelError, onNewRun }: RunProgressProps): ReactNode {
  const isRunning = run.status === 'running';
  const { measured, unavailable, done, total } = runCounts(run.instances);
  const fraction = shownFraction(run);
  const listRef = useRef<HTMLOListElement>(null);
  useKeepInView(listRef, runningInstance(run)?.resultId);
  const etaMs = useCountdown(isRunning ? run.etaMs : null, isRunning);
  return (
    <div className="run-progress">
      <div className="card run-overall">
        <div className="run-overall-header">
          <div>
            <p className="card-title">
              Run #{run.runId} <StatusBadge status={run.status} scope="run" />
            </p>
            <p className="muted num">
              {/* Announced when a benchmark finishes, not with every tick of the time left. */}
              <span aria-live="polite">{progressText(done, total, fraction)}</span>
              {total === 0 ? null : etaText(etaMs)}
            </p>
            {run.status === 'failed' && run.reason !== null ? <p className="text-danger">{asSentence(run.reason)}</p> : null}
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
        <ProgressBar fraction={fraction} label="Overall progress" size="large" />
      </div>
      {cancelError === null ? null : <ErrorNotice error={cancelError} title="Could not cancel the run" />}
      {isRunning ? null : <HeadlineResult runId={run.runId} />}
      {measured.length === 0 ? null : (
        <ol className="instance-list" aria-label="Benchmarks in this run" ref={listRef}>
          {measured.map((instance) => (
            <InstanceRow key={instance.resultId} instance={instance} />
          ))}
        </ol>
      )}
      <UnavailableList
        headingId={`run-${run.runId}-unavailable`}
        items={unavailable.map((i) => ({ key: i.resultId, title: i.title, reason: i.reason, howToEnable: i.howToEnable }))}
      />
      {/* A failed run is explained by its reason above; `failed` in the key is about a benchmark. */}
      <StatusLegend statuses={[...(run.status === 'failed' ? [] : [run.status]), ...run.instances.map((i) => i.status)]} />
    </div>
  );
}

/** "2 of 6 benchmarks done · 40 %": only benchmarks that run are counted. */
function progressText(done: number, total: number, fraction: number): string {
  if (total === 0) return 'No benchmark in this run can run on this machine.';
  return `${done} of ${total} benchmark${total === 1 ? '' : 's'} done · ${formatPercent(fraction, 0)}`;
}

/** " · about 1 min 05 s left" while a run goes on. */
function etaText(etaMs: number | null): string {
  if (etaMs === null) return '';
  return etaMs <= 1000 ? ' · finishing' : ` · about ${formatDuration(etaMs)} left`;
}

function InstanceRow({ instance }: { instance: LiveInstance }): ReactNode {
  const unit = instance.unit ?? '';
  const buildOption = useCallback(
    (colors: ChartColors) => samplesOption({ samples: instance.samples, unit, median: instance.median, isCompact: true }, colors),
    [instance.samples, unit, instance.median],
  );
  return (
    <li className={`card instance instance-${instance.status}`} data-follow-key={instance.resultId}>
      <div className="instance-header">
        <span className="instance-title">{instance.title}</span>
        <StatusBadge status={instance.status} />
        <span className="muted instance-phase">{describe(instance)}</span>
      </div>
      <InstanceNote instance={instance} />
      {instance.samples.length > 0 ? (
        <EChart buildOption={buildOption} height={88} label={samplesLabel(instance.title, instance.samples, unit, instance.median)} />
      ) : null}
    </li>
  );
}

/** The bar while it can still move; once finished, why it failed or was unstable, in words. */
function InstanceNote({ instance }: { instance: LiveInstance }): ReactNode {
  if (instance.status === 'failed') return <p className="text-danger">{instance.reason === null ? 'No reason given.' : asSentence(instance.reason)}</p>;
  if (instance.status === 'unstable') {
    const counted = instance.samples.filter((s) => !s.isWarmup).map((s) => s.value);
    return <p className="text-warn small">{explainUnstable(spreadOf(counted), counted.length, instance.reason)}</p>;
  }
  if (instance.status === 'cancelled' || instance.status === 'interrupted') return instance.reason === null ? null : <p className="muted small">{asSentence(instance.reason)}</p>;
  return <ProgressBar fraction={instance.fraction} label={`${instance.title} progress`} />;
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
