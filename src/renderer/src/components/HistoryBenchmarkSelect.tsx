import type { ReactNode } from 'react';
import type { BenchmarkInfo } from '../../../shared/domain/benchmark';
import { workloadTitle } from '../../../shared/format/workload';
import { navigate } from '../lib/hash-route';
import { CATEGORY_LABELS } from '../lib/labels';
import type { LatestBenchmark } from './HistoryLatestRun';

/**
 * The benchmark whose history is shown, kept in the address (`#/history/<id>`). What the latest run measured is
 * listed first; every other benchmark of the catalogue follows by category. A benchmark only an imported run knows
 * (not in this catalogue) is still listed, under its own title, so the select never shows an empty choice.
 */
export function HistoryBenchmarkSelect({
  catalogue,
  latest,
  value,
  valueTitle,
}: {
  catalogue: readonly BenchmarkInfo[];
  latest: readonly LatestBenchmark[];
  value: string;
  valueTitle: string;
}): ReactNode {
  const inLatest = new Set(latest.map((b) => b.id));
  const rest = catalogue.filter((b) => !inLatest.has(b.id));
  const categories = [...new Set(rest.map((b) => b.category))];
  const isListed = inLatest.has(value) || catalogue.some((b) => b.id === value);
  return (
    <div className="field field-inline">
      <label htmlFor="history-benchmark">Benchmark</label>
      <select id="history-benchmark" className="input" value={value} onChange={(e) => navigate(`/history/${encodeURIComponent(e.target.value)}`)}>
        {isListed ? null : <option value={value}>{valueTitle}</option>}
        {latest.length === 0 ? null : (
          <optgroup label="In the latest run">
            {latest.map((b) => (
              <option key={b.id} value={b.id}>
                {b.title}
              </option>
            ))}
          </optgroup>
        )}
        {categories.map((category) => (
          <optgroup key={category} label={CATEGORY_LABELS[category]}>
            {rest
              .filter((b) => b.category === category)
              .map((b) => (
                <option key={b.id} value={b.id}>
                  {workloadTitle(b.id, {}, b.title)}
                </option>
              ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}
