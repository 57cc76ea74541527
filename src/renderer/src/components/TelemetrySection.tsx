import { useCallback } from 'react';
import type { ReactNode } from 'react';
import type { ResultTelemetry, TelemetrySummary } from '../../../shared/domain/results';
import { useResultTelemetry } from '../api/resources';
import { telemetryLabel, telemetryOption } from '../charts/telemetry-option';
import type { ChartColors } from '../lib/echarts';
import { formatEnergy, formatValue } from '../lib/format';
import { throttleReasonText } from '../lib/labels';
import { useInView } from '../lib/use-in-view';
import { EChart } from './EChart';
import { Figure } from './Figure';
import { Async } from './States';

interface TelemetrySectionProps {
  resultId: number;
  title: string;
  telemetry: TelemetrySummary;
}

/**
 * A result's GPU telemetry: the summary figures, a THROTTLED badge with the reasons, and the timeline chart
 * (power and SM clock over time, throttled stretches shaded), whose rows are fetched once the section is shown.
 */
export function TelemetrySection({ resultId, title, telemetry: t }: TelemetrySectionProps): ReactNode {
  const [ref, isShown] = useInView<HTMLElement>();
  const timeline = useResultTelemetry(isShown ? resultId : null);
  const headingId = `result-${resultId}-telemetry`;
  return (
    <section className="telemetry" ref={ref} aria-labelledby={headingId} data-testid="telemetry-section">
      <header className="telemetry-header">
        <h4 id={headingId}>GPU telemetry</h4>
        {t.isThrottled ? <span className="badge badge-warn">THROTTLED</span> : <span className="badge badge-ok">not throttled</span>}
        {t.isThrottled ? <ThrottleReasons reasons={t.throttleReasons} /> : null}
      </header>
      <div className="figures">
        <Figure label="Avg power" value={formatValue(t.avgPowerW, 'W')} />
        <Figure label="Max temperature" value={formatValue(t.maxTempC, '°C')} />
        <Figure label="Clocks held" value={formatValue(t.clocksHeldPct, '%')} tone={t.isThrottled ? 'warn' : undefined} />
        <Figure label="Avg utilisation" value={formatValue(t.avgUtilPct, '%')} />
        {t.energyPerUnitJ === null ? null : <Figure label="Energy per unit" value={formatEnergy(t.energyPerUnitJ)} />}
        <Figure label="Readings" value={String(t.sampleCount)} />
      </div>
      <Async state={timeline} what="the telemetry timeline">
        {(value) => (value.rows.length === 0 ? <p className="muted small">No readings were stored for this result.</p> : <TelemetryChart title={title} value={value} />)}
      </Async>
    </section>
  );
}

function TelemetryChart({ title, value }: { title: string; value: ResultTelemetry }): ReactNode {
  const buildOption = useCallback((colors: ChartColors) => telemetryOption(value, colors), [value]);
  return <EChart buildOption={buildOption} height={240} label={telemetryLabel(`${title} GPU telemetry`, value)} exportFileName={`rigmark-telemetry-${value.resultId}.png`} />;
}

/**
 * NVIDIA's clock-event reasons in words first ("power limit reached"), the driver's own name after them in small
 * code type for whoever looks it up in NVIDIA's documentation.
 */
function ThrottleReasons({ reasons }: { reasons: string[] }): ReactNode {
  return (
    <span className="throttle-reasons">
      {reasons.length === 0
        ? 'no reason reported'
        : reasons.map((name, i) => {
            const text = throttleReasonText(name);
            return (
              <span key={name}>
                {i > 0 ? ', ' : ''}
                {text === null ? <code>{name}</code> : <>{text} (<code>{name}</code>)</>}
              </span>
            );
          })}
    </span>
  );
}
