import type { ReactNode } from 'react';
import type { BenchmarkInfo, Category } from '../../../shared/domain/benchmark';
import { CATEGORY_LABELS } from '../lib/labels';
import { StatusBadge } from './StatusBadge';

interface BenchmarkPickerProps {
  benchmarks: BenchmarkInfo[];
  selected: ReadonlySet<string>;
  onToggle: (benchmarkId: string) => void;
}

/**
 * Every benchmark as a checkbox, grouped by category, those that can run here first; one that cannot is disabled
 * and says why and how to enable it.
 */
export function BenchmarkPicker({ benchmarks, selected, onToggle }: BenchmarkPickerProps): ReactNode {
  const groups = new Map<Category, BenchmarkInfo[]>();
  for (const b of benchmarks) groups.set(b.category, [...(groups.get(b.category) ?? []), b]);
  return (
    <div className="picker">
      {[...groups].map(([category, items]) => (
        <fieldset key={category} className="picker-group">
          <legend>{CATEGORY_LABELS[category]}</legend>
          {[...items.filter((b) => b.availability.isAvailable), ...items.filter((b) => !b.availability.isAvailable)].map((b) => {
            const inputId = `bench-${b.id}`;
            const reasonId = `${inputId}-reason`;
            const isAvailable = b.availability.isAvailable;
            const why = b.availability.isAvailable ? undefined : unavailableText(b.availability.reason, b.availability.howToEnable);
            return (
              // The tooltip sits on the row: a disabled checkbox gets no pointer events, so a title on it never shows.
              <div key={b.id} className={`picker-item${isAvailable ? '' : ' is-unavailable'}`} title={why}>
                <input
                  type="checkbox"
                  id={inputId}
                  checked={selected.has(b.id)}
                  disabled={!isAvailable}
                  onChange={() => onToggle(b.id)}
                  aria-describedby={isAvailable ? undefined : reasonId}
                />
                <label htmlFor={inputId}>
                  <span className="picker-title">{b.title}</span>
                  <code className="picker-id">{b.id}</code>
                  <span className="muted picker-unit">{b.unit}</span>
                </label>
                {b.availability.isAvailable ? null : (
                  <p className="picker-reason" id={reasonId}>
                    <StatusBadge status="unavailable" /> {b.availability.reason}
                    {b.availability.howToEnable === undefined ? null : <span className="unavailable-hint">How to enable: {b.availability.howToEnable}</span>}
                  </p>
                )}
              </div>
            );
          })}
        </fieldset>
      ))}
    </div>
  );
}

/** The reason and how to enable it, in one line for the row's tooltip. */
function unavailableText(reason: string, howToEnable: string | undefined): string {
  return howToEnable ? `Cannot run here: ${reason}. How to enable: ${howToEnable}` : `Cannot run here: ${reason}`;
}
