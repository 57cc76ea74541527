import type { ReactNode } from 'react';
import type { Result } from '../../../shared/domain/results';
import { formatNumber } from '../lib/format';

type Limit = NonNullable<Result['physicalLimit']>;

const WHAT: Record<Limit['kind'], string> = {
  'memory-bandwidth': 'memory-bandwidth limit',
  'peak-compute': 'peak-compute limit',
};

/** "72 % of the card's memory-bandwidth limit", with the formula and the spec's source as text (the app is offline). */
export function PhysicalLimitNote({ limit, unit }: { limit: Limit; unit: string }): ReactNode {
  return (
    <p className="callout callout-neutral physical-limit">
      {limit.pctOfLimit === null ? (
        <>No physical limit for this card: {limit.reason}.</>
      ) : (
        <>
          <strong>{formatNumber(limit.pctOfLimit)} %</strong> of this card&apos;s {WHAT[limit.kind]} (
          {formatNumber(limit.limit)} {unit}; {limit.formula}).
        </>
      )}
      {limit.specSource ? <span className="muted small"> Spec: {limit.specSource}</span> : null}
    </p>
  );
}
