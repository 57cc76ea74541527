import { useCallback } from 'react';
import type { ReactNode } from 'react';
import type { Result } from '../../../shared/domain/results';
import { samplesLabel, samplesOption } from '../charts/samples-option';
import type { ChartColors } from '../lib/echarts';
import { modelText } from '../../../shared/format/workload';
import { formatPercent, formatValue } from '../lib/format';
import { CATEGORY_LABELS } from '../lib/labels';
import { STAT_LABELS, STATUS_MEANINGS, explainUnstable, reasonMessage } from '../lib/status-text';
import { EChart } from './EChart';
import { DiagnosticDetails } from './Explained';
import { Figure } from './Figure';
import { KeyValues } from './KeyValues';
import { StatusBadge } from './StatusBadge';
import { PhysicalLimitNote } from './PhysicalLimitNote';
import { TelemetrySection } from './TelemetrySection';

/** One benchmark's result: headline median, spread, samples chart, telemetry and the workload identity. */
export function ResultCard({ result }: { result: Result }): ReactNode {
  const buildOption = useCallback(
    (colors: ChartColors) => samplesOption({ samples: result.samples, unit: result.unit, median: result.stats.median }, colors),
    [result.samples, result.unit, result.stats.median],
  );
  const secondary = Object.entries(result.metrics);
  return (
    <section className="card result-card" id={`result-${result.id}`} tabIndex={-1} aria-labelledby={`result-${result.id}-title`}>
      <header className="result-header">
        <div>
          <h3 id={`result-${result.id}-title`}>{result.title}</h3>
          <p className="muted small">
            {[modelText(result.identity), CATEGORY_LABELS[result.category], result.higherIsBetter ? 'higher is better' : 'lower is better'].filter(Boolean).join(' · ')}
          </p>
        </div>
        <StatusBadge status={result.status} />
      </header>
      <StatusNote result={result} />
      {result.identity['isSoftwareAdapter'] === true ? (
        <p className="callout callout-neutral">
          <span>
            <strong>Software adapter. </strong>
            Measured on {typeof result.identity['adapterDescription'] === 'string' ? result.identity['adapterDescription'] : 'a software WebGPU adapter'}, which runs on the CPU: never compared with GPU figures.
          </span>
        </p>
      ) : null}
      {result.stderrTail === null || result.stderrTail === '' ? null : (
        <details className="details">
          <summary>Worker output</summary>
          <pre className="pre">{result.stderrTail}</pre>
        </details>
      )}
      {result.stats.median === null ? null : (
        <div className="figures">
          <Figure label="Median" value={formatValue(result.stats.median, result.unit)} isLarge />
          <Figure label={STAT_LABELS.spread.label} hint={STAT_LABELS.spread.hint} value={formatPercent(result.stats.cv)} tone={result.status === 'unstable' ? 'warn' : undefined} />
          <Figure label="Min" value={formatValue(result.stats.min, result.unit)} />
          <Figure label="Max" value={formatValue(result.stats.max, result.unit)} />
          <Figure label={STAT_LABELS.samples.label} hint={STAT_LABELS.samples.hint} value={String(result.stats.count)} />
          {secondary.map(([name, m]) => (
            <Figure key={name} label={humanizeMetric(name)} value={formatValue(m.stats.median, m.unit)} />
          ))}
        </div>
      )}
      {result.physicalLimit ? <PhysicalLimitNote limit={result.physicalLimit} unit={result.unit} /> : null}
      {result.samples.length === 0 ? null : (
        <EChart buildOption={buildOption} height={220} label={samplesLabel(result.title, result.samples, result.unit, result.stats.median)} />
      )}
      {result.telemetry === null ? null : <TelemetrySection resultId={result.id} title={result.title} telemetry={result.telemetry} />}
      {Object.keys(result.identity).length === 0 ? null : (
        <details className="details">
          <summary>Workload identity</summary>
          <KeyValues items={Object.entries(result.identity).map(([k, v]) => [k, v === null ? '—' : String(v)])} />
          <p className="muted small">
            hash <code>{result.identityHash}</code>
          </p>
        </details>
      )}
    </section>
  );
}

const NOTE_PREFIX: Partial<Record<Result['status'], string>> = { failed: 'Failed: ', unavailable: 'Unavailable: ', cancelled: 'Cancelled: ', interrupted: 'Interrupted: ' };

/**
 * What the status means for this result, in words: an unstable one says its spread, the rule and what to do; the
 * others say core's reason (failed, unavailable) or the plain meaning of the word (cancelled, interrupted).
 */
function StatusNote({ result }: { result: Result }): ReactNode {
  if (result.status === 'unstable') {
    return (
      <div className="callout callout-warn">
        <p className="callout-title">Unstable: the median is shown, but a rerun may differ</p>
        <p>{explainUnstable(result.stats.cv, result.stats.count, result.reason)}</p>
      </div>
    );
  }
  const isInterruption = result.status === 'cancelled' || result.status === 'interrupted';
  if (result.reason === null && !isInterruption) return null;
  const message = reasonMessage(result);
  return (
    <div className={`callout ${result.status === 'failed' ? 'callout-danger' : 'callout-neutral'}`}>
      <span>
        <strong>{NOTE_PREFIX[result.status] ?? ''}</strong>
        {message?.sentence ?? STATUS_MEANINGS[result.status]}
      </span>
      {isInterruption && result.reason !== null ? <span className="muted small">{STATUS_MEANINGS[result.status]}</span> : null}
      <DiagnosticDetails detail={message?.detail ?? null} />
    </div>
  );
}

/** `allCoresGBps` → "all cores": metric keys carry their unit in the name (STYLE.md), the value shows it already. */
export function humanizeMetric(key: string): string {
  const withoutUnit = key.replace(/(GBps|MBps|GFlops|Ms|Pct|W|C|PerS)$/, '');
  return (withoutUnit === '' ? key : withoutUnit).replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}
