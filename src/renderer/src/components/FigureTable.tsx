import type { ReactNode } from 'react';
import type { ReferenceRecord } from '../../../shared/domain/reference';
import { ReferenceSuiteSchema } from '../../../shared/domain/reference';
import { formatPublished } from '../lib/format';
import { REFERENCE_SUITE_LABELS } from '../lib/labels';
import { SourceText } from './SourceText';

/** A card's published figures, one table per suite, each row with what was run and where it was published. */
export function FigureTable({ figures }: { figures: readonly ReferenceRecord[] }): ReactNode {
  const suites = ReferenceSuiteSchema.options.filter((s) => figures.some((f) => f.suite === s));
  return (
    <div className="result-list">
      {suites.map((suite) => {
        const rows = figures.filter((f) => f.suite === suite);
        return (
          <div key={suite} className="section">
            <h3>
              {REFERENCE_SUITE_LABELS[suite]} <span className="muted small">({rows.length})</span>
            </h3>
            <div className="table-wrap">
              <table className="table figure-table">
                <caption className="visually-hidden">{`${REFERENCE_SUITE_LABELS[suite]} figures`}</caption>
                <thead>
                  <tr>
                    <th scope="col">Model and metric</th>
                    <th scope="col" className="num end">Value</th>
                    <th scope="col">Settings</th>
                    <th scope="col">Source</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((f) => (
                    <FigureRow key={f.id} figure={f} />
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        );
      })}
    </div>
  );
}

function FigureRow({ figure: f }: { figure: ReferenceRecord }): ReactNode {
  return (
    <tr>
      <th scope="row">
        {f.model === '' ? f.metric : f.model}
        <p className="cell-note muted">
          {f.model === '' ? null : `${f.metric} · `}
          {f.gpu}
          {f.gpuVariant === '' || f.gpu.includes(f.gpuVariant) ? '' : ` ${f.gpuVariant}`}
        </p>
      </th>
      <td className="num end">
        <span className="strong">{formatPublished(f.value, f.unit)}</span>
        {f.higherIsBetter === false ? <p className="cell-note muted">lower is better</p> : null}
      </td>
      <td className="figure-settings small">
        {f.settings}
        {f.note === '' ? null : (
          <details className="details">
            <summary>Note</summary>
            <p className="small">{f.note}</p>
          </details>
        )}
      </td>
      <td className="source-cell">
        <SourceText title={f.sourceTitle} url={f.sourceUrl} kind={f.sourceKind} publishedOn={f.publishedOn} />
      </td>
    </tr>
  );
}
