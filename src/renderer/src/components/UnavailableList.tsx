import type { ReactNode } from 'react';
import { availabilityReasonText, howToEnableText } from '../../../shared/format/diagnostic-text';
import { DiagnosticDetails } from './Explained';
import { StatusBadge } from './StatusBadge';

export interface UnavailableItem {
  key: string | number;
  title: string;
  reason: string | null;
  howToEnable: string | null;
}

/**
 * Benchmarks that cannot run here, apart from the ones that will, each with why and how to enable it (never with a
 * time estimate: they take none). Core's reason is said in words; its diagnostic (the probe chain, the socket error)
 * is behind "Details". `headingLevel` fits the list into the page's outline.
 */
export function UnavailableList({ items, headingId, headingLevel = 3 }: { items: UnavailableItem[]; headingId: string; headingLevel?: 3 | 4 }): ReactNode {
  if (items.length === 0) return null;
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <section className="unavailable" aria-labelledby={headingId}>
      <Heading id={headingId} className="unavailable-heading">
        Cannot run on this machine ({items.length})
      </Heading>
      <ul className="plan-list unavailable-list">
        {items.map((item) => {
          const why = availabilityReasonText(item.reason);
          const enable = hint(item);
          return (
            <li key={item.key} className="plan-item">
              <span className="plan-title">{item.title}</span>
              <StatusBadge status="unavailable" />
              <div className="plan-reason">
                <span className="muted">{why.sentence}</span>
                {enable === null ? null : <span className="unavailable-hint">How to enable: {enable}</span>}
                <DiagnosticDetails detail={why.detail} />
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** The how-to-enable line in words, unless core already put it into the reason ("reason — how to enable"). */
function hint(item: UnavailableItem): string | null {
  if (item.howToEnable === null || item.howToEnable === '') return null;
  return item.reason?.includes(item.howToEnable) === true ? null : howToEnableText(item.howToEnable);
}
