import type { ReactNode } from 'react';
import type { CardSummary } from '../../../shared/domain/reference';
import { VENDOR_LABELS } from '../lib/labels';

/** `compare:run` takes at most this many cards (the contract's limit). */
export const MAX_CARDS = 8;

interface CardChooserProps {
  /** The cards the comparison on screen uses. */
  current: ReadonlyArray<{ key: string; displayName: string }>;
  all: readonly CardSummary[] | undefined;
  isDefault: boolean;
  /** The new card list, or null for core's default choice. */
  onChange: (keys: string[] | null) => void;
}

/** The chosen reference cards as removable chips, a select to add one (grouped by vendor), and a way back to the default. */
export function CardChooser({ current, all, isDefault, onChange }: CardChooserProps): ReactNode {
  const keys = current.map((c) => c.key);
  const addable = (all ?? []).filter((c) => !keys.includes(c.key) && c.figureCount > 0);
  const vendors = [...new Set(addable.map((c) => c.vendor))].sort();
  const isFull = keys.length >= MAX_CARDS;
  return (
    <div className="card-chooser" role="group" aria-label="Reference cards">
      <ul className="chips">
        {current.map((card) => (
          <li key={card.key} className="chip">
            {card.displayName}
            <button
              type="button"
              className="chip-remove"
              aria-label={`Remove ${card.displayName}`}
              disabled={keys.length <= 1}
              onClick={() => onChange(keys.filter((k) => k !== card.key))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <div className="button-row">
        <label className="visually-hidden" htmlFor="add-card">
          Add a reference card
        </label>
        <select
          id="add-card"
          className="input input-select"
          value=""
          disabled={isFull || all === undefined}
          onChange={(e) => {
            if (e.target.value !== '') onChange([...keys, e.target.value]);
          }}
        >
          <option value="">{isFull ? `At most ${MAX_CARDS} cards` : 'Add a card…'}</option>
          {vendors.map((vendor) => (
            <optgroup key={vendor} label={VENDOR_LABELS[vendor]}>
              {addable
                .filter((c) => c.vendor === vendor)
                .map((c) => (
                  <option key={c.key} value={c.key}>
                    {c.displayName} ({c.figureCount} figures)
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
        {isDefault ? (
          <span className="small muted">Default: A100, RTX 4090 and the card nearest to your run.</span>
        ) : (
          <button type="button" className="button button-ghost" onClick={() => onChange(null)}>
            Back to the default cards
          </button>
        )}
      </div>
    </div>
  );
}
