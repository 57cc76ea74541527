import type { ReactNode } from 'react';

/** A determinate bar with its value exposed to assistive tech. */
export function ProgressBar({ fraction, label, size = 'normal' }: { fraction: number; label: string; size?: 'normal' | 'large' }): ReactNode {
  const percent = Math.round(Math.min(1, Math.max(0, fraction)) * 100);
  return (
    <div
      className={`progress progress-${size}`}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
    >
      <div className="progress-fill" style={{ width: `${percent}%` }} />
    </div>
  );
}
