import { useCallback, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { RunComparisonView } from '../../../shared/domain/compare';
import { useBenchmarks, useReferenceCards, useRuns } from '../api/resources';
import { hasAnyMatch, useCompare } from '../api/use-compare';
import { rowWorkload, rowWorkloadName, runComparisonGroups } from '../charts/comparison-groups';
import { ratioBarsHeight, ratioBarsLabel, ratioBarsOption } from '../charts/ratio-bars-option';
import { BenchmarkComparison } from '../components/BenchmarkComparison';
import { CardChooser } from '../components/CardChooser';
import { CompareSummary } from '../components/CompareSummary';
import { EChart } from '../components/EChart';
import { NoMatches } from '../components/NoMatches';
import { Page, Section } from '../components/Page';
import { EmptyState, ErrorNotice, Loading } from '../components/States';
import { Tabs } from '../components/Tabs';
import { TextExportButtons } from '../components/TextExportButtons';
import { UpgradeView } from '../components/UpgradeView';
import type { ChartColors } from '../lib/echarts';
import { formatDateTime } from '../lib/format';
import { hrefFor, navigate } from '../lib/hash-route';

type TabId = 'comparison' | 'upgrade';
const TABS: ReadonlyArray<{ id: TabId; label: string }> = [
  { id: 'comparison', label: 'Comparison' },
  { id: 'upgrade', label: 'Upgrade' },
];

/** A run (default: the latest with results) against reference cards the user chooses, and the upgrade estimate. */
export function ComparePage({ runId }: { runId: number | null }): ReactNode {
  const isValidId = runId === null || (Number.isInteger(runId) && runId > 0);
  if (!isValidId) {
    return (
      <Page title="Run not found">
        <EmptyState title="That is not a run number." />
      </Page>
    );
  }
  return <CompareContent runId={runId} />;
}

function CompareContent({ runId }: { runId: number | null }): ReactNode {
  const compare = useCompare(runId);
  const cards = useReferenceCards();
  const benchmarks = useBenchmarks();
  const [tab, setTab] = useState<TabId>('comparison');
  const title = useCallback((id: string) => benchmarks.value?.find((b) => b.id === id)?.title ?? id, [benchmarks.value]);
  const cardName = useCallback((key: string) => cards.value?.find((c) => c.key === key)?.displayName ?? key, [cards.value]);
  const { view } = compare;

  return (
    <Page
      title={runId === null ? 'Compare' : `Compare run #${runId}`}
      lead="Your measured results against published figures for reference cards. Every figure shows its source."
      actions={
        view === undefined ? undefined : (
          <TextExportButtons label="Export comparison" target={{ kind: 'run', runId: view.runId, cards: view.comparison.cards.map((c) => c.key) }} />
        )
      }
    >
      {view === undefined ? (
        compare.error === undefined ? (
          <Loading what="the comparison" />
        ) : compare.error.code === 'NOT_FOUND' && runId === null ? (
          <EmptyState title="No run with results yet">
            <p className="muted">
              Comparisons need a measured run. <a href={hrefFor('/run')}>Start a run</a>
            </p>
          </EmptyState>
        ) : (
          <ErrorNotice error={compare.error} title="Could not compare" onRetry={compare.reload} />
        )
      ) : (
        <>
          <Section title="Compared with" actions={<RunPicker runId={view.runId} />}>
            <CardChooser current={view.comparison.cards} all={cards.value} isDefault={compare.chosenCards === null} onChange={compare.setChosenCards} />
            {compare.isUpdating ? <Loading what="the new comparison" /> : null}
            {compare.error === undefined ? null : <ErrorNotice error={compare.error} title="Could not compare with those cards" onRetry={compare.reload} />}
          </Section>
          <Tabs tabs={TABS} selected={tab} onSelect={setTab} label="Compare views">
            {tab === 'comparison' ? (
              <ComparisonView view={view} title={title} cardName={cardName} />
            ) : (
              <UpgradeView runId={view.runId} cards={cards.value} title={title} ownCardKey={view.yourGpu.referenceKey} />
            )}
          </Tabs>
        </>
      )}
    </Page>
  );
}

interface ComparisonViewProps {
  view: RunComparisonView;
  title: (benchmarkId: string) => string;
  cardName: (key: string) => string;
}

function ComparisonView({ view, title, cardName }: ComparisonViewProps): ReactNode {
  const groups = useMemo(() => runComparisonGroups(view.comparison, title), [view.comparison, title]);
  const chartLabel = ratioBarsLabel(`Run #${view.runId} against reference cards, per workload: how many times faster or slower yours is`, groups);
  const buildOption = useCallback((colors: ChartColors) => ratioBarsOption(groups, colors, { subject: 'Yours', hasLegend: true }), [groups]);
  if (!hasAnyMatch(view)) return <NoMatches view={view} title={title} />;
  const matched = view.comparison.rows.filter((row) => row.cards.some((cell) => cell.picked !== null));
  const unmatched = view.comparison.rows.filter((row) => !matched.includes(row));
  return (
    <div className="compare-view">
      <CompareSummary view={view} cardName={cardName} />
      <Section title="Per workload">
        <p className="small muted">
          How many times faster or slower your run is than each card, on a log scale: bars left of “same” are slower, right are faster. For units where
          lower is better (s/image) the ratio is already turned round, so “faster” always means faster.
        </p>
        <EChart buildOption={buildOption} label={chartLabel} height={ratioBarsHeight(groups, true)} exportFileName={`rigmark-compare-run-${view.runId}.png`} />
      </Section>
      <Section title="Figures and sources">
        <p className="small muted">Per card Rigmark picks an exact match before a close one, then the newest primary figure; the others are listed under it.</p>
        <div className="result-list">
          {matched.map((row, index) => (
            <BenchmarkComparison key={`${row.benchmarkId}:${index}`} row={row} title={rowWorkload(row, title).label} cardName={cardName} />
          ))}
        </div>
        {unmatched.length === 0 ? null : (
          <p className="small muted">
            No published figures for the chosen cards: {unmatched.map((r) => rowWorkloadName(r, title)).join(', ')}.
          </p>
        )}
      </Section>
    </div>
  );
}

/** Another run to compare; each run has its own address (`#/compare/7`). */
function RunPicker({ runId }: { runId: number }): ReactNode {
  const runs = useRuns(50);
  const list = runs.value ?? [];
  return (
    <div className="field-inline">
      <label htmlFor="compare-run" className="small muted">
        Run
      </label>
      <select id="compare-run" className="input input-select" value={runId} onChange={(e) => navigate(`/compare/${e.target.value}`)}>
        {list.some((r) => r.id === runId) ? null : <option value={runId}>Run #{runId}</option>}
        {list.map((r) => (
          <option key={r.id} value={r.id}>
            Run #{r.id} · {formatDateTime(r.startedAt)} · {r.suite}
          </option>
        ))}
      </select>
    </div>
  );
}
