import type { ReactNode } from 'react';
import type { BenchmarkInfo, Category } from '../../../shared/domain/benchmark';
import { availabilityReasonText, howToEnableText } from '../../../shared/format/diagnostic-text';
import { CATEGORY_LABELS } from '../lib/labels';
import { DiagnosticDetails } from './Explained';
import { StatusBadge } from './StatusBadge';

interface BenchmarkPickerProps {
  benchmarks: BenchmarkInfo[];
  selected: ReadonlySet<string>;
  onToggle: (benchmarkId: string) => void;
}

/**
 * Every benchmark as a checkbox by its title, grouped by category, those that can run here first; one that cannot
 * is disabled and says why (in words, the diagnostic behind "Details") and how to enable it.
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
            const reason = b.availability.isAvailable ? null : availabilityReasonText(b.availability.reason);
            const enable = b.availability.isAvailable ? null : howToEnableText(b.availability.howToEnable);
            const why = reason === null ? undefined : unavailableText(reason.sentence, enable);
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
                  <span className="muted picker-unit">{b.unit}</span>
                </label>
                {reason === null ? null : (
                  <div className="picker-reason">
                    <p id={reasonId}>
                      <StatusBadge status="unavailable" /> {reason.sentence}
                      {enable === null ? null : <span className="unavailable-hint">How to enable: {enable}</span>}
                    </p>
                    <DiagnosticDetails detail={reason.detail} />
                  </div>
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
function unavailableText(reason: string, howToEnable: string | null): string {
  return howToEnable === null ? `Cannot run here. ${reason}` : `Cannot run here. ${reason} How to enable: ${howToEnable}`;
}
