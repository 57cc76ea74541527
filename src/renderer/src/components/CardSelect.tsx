import type { ReactNode } from 'react';
import type { CardSummary } from '../../../shared/domain/reference';
import { VENDOR_LABELS } from '../lib/labels';

interface CardSelectProps {
  id: string;
  label: string;
  cards: readonly CardSummary[];
  value: string;
  onChange: (key: string) => void;
}

/** One reference card from the catalogue, grouped by vendor (native select: type-ahead and keyboard for free). */
export function CardSelect({ id, label, cards, value, onChange }: CardSelectProps): ReactNode {
  const vendors = [...new Set(cards.map((c) => c.vendor))].sort();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} className="input input-select" value={value} onChange={(e) => onChange(e.target.value)}>
        {vendors.map((vendor) => (
          <optgroup key={vendor} label={VENDOR_LABELS[vendor]}>
            {cards
              .filter((c) => c.vendor === vendor)
              .map((c) => (
                <option key={c.key} value={c.key}>
                  {c.displayName}
                </option>
              ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}
