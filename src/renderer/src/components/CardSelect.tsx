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

/**
 * The catalogue's cards as `<option>`s grouped by vendor, for any card `<select>`. Vendors and cards keep the order
 * core lists them in (NVIDIA, AMD, Intel, Apple, other; newest generation first), so every select agrees with the CLI.
 */
export function CardOptions({ cards }: { cards: readonly CardSummary[] }): ReactNode {
  const vendors = [...new Set(cards.map((c) => c.vendor))];
  return vendors.map((vendor) => (
    <optgroup key={vendor} label={VENDOR_LABELS[vendor]}>
      {cards
        .filter((c) => c.vendor === vendor)
        .map((c) => (
          <option key={c.key} value={c.key}>
            {c.displayName}
          </option>
        ))}
    </optgroup>
  ));
}

/** One reference card from the catalogue, grouped by vendor (native select: type-ahead and keyboard for free). */
export function CardSelect({ id, label, cards, value, onChange }: CardSelectProps): ReactNode {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} className="input input-select" value={value} onChange={(e) => onChange(e.target.value)}>
        <CardOptions cards={cards} />
      </select>
    </div>
  );
}
