import type { ReactNode } from 'react';

/** A label/value list (a <dl>), laid out as a grid. */
export function KeyValues({ items }: { items: Array<[label: string, value: ReactNode]> }): ReactNode {
  return (
    <dl className="kv">
      {items.map(([label, value]) => (
        <div className="kv-row" key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
