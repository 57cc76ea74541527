import { useState } from 'react';
import type { ReactNode } from 'react';
import type { CardSummary, SpecField } from '../../../shared/domain/reference';
import { formatPublished } from '../lib/format';
import { hrefFor } from '../lib/hash-route';
import { SPEC_LABELS, VENDOR_LABELS } from '../lib/labels';
import { TableScroll } from './TableScroll';

const COLUMNS: SpecField[] = ['vramGB', 'memoryBandwidthGBps', 'fp32Tflops'];

/**
 * Every reference card with its figure count and headline specs, in core's order (vendor, then newest generation
 * first); the name opens the card with sources.
 */
export function CardTable({ cards }: { cards: readonly CardSummary[] }): ReactNode {
  const [filter, setFilter] = useState('');
  const needle = filter.trim().toLowerCase();
  const shown = needle === '' ? cards : cards.filter((c) => `${c.displayName} ${c.key} ${c.vendor}`.toLowerCase().includes(needle));
  return (
    <div className="section">
      <div className="field field-inline">
        <label htmlFor="card-filter">Find a card</label>
        <input id="card-filter" className="input" type="search" value={filter} placeholder="e.g. 4090, A100, Radeon" onChange={(e) => setFilter(e.target.value)} />
        <span className="small muted" aria-live="polite">
          {shown.length} of {cards.length}
        </span>
      </div>
      <TableScroll label="Reference cards">
        <table className="table card-table">
          <caption className="visually-hidden">Reference cards</caption>
          <thead>
            <tr>
              <th scope="col">Card</th>
              <th scope="col">Vendor</th>
              <th scope="col" className="num end">Figures</th>
              {COLUMNS.map((field) => (
                <th key={field} scope="col" className="num end">
                  {SPEC_LABELS[field]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((card) => (
              <tr key={card.key}>
                <th scope="row">
                  <a href={hrefFor(`/reference/${card.key}`)}>{card.displayName}</a>
                  {card.gpuCount > 1 ? <p className="cell-note muted">{card.gpuCount} GPUs together</p> : null}
                </th>
                <td>{VENDOR_LABELS[card.vendor]}</td>
                <td className="num end">{card.figureCount}</td>
                {COLUMNS.map((field) => {
                  const spec = card.specs[field];
                  return (
                    <td key={field} className="num end">
                      {spec === null ? '—' : formatPublished(spec.value, spec.unit)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <p className="small muted">Specs are vendor or board figures; open a card to see each one’s source and the variant it applies to.</p>
    </div>
  );
}
