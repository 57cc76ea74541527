import type { ReferenceRecord, SourceKind } from '../../shared/domain/reference';

const SOURCE_KIND_RANK: Readonly<Record<SourceKind, number>> = { primary: 0, 'primary(mirror)': 1, secondary: 2 };

/**
 * The README rule for several figures of one card and workload: primary before secondary source, newest first
 * (undated last; a less precise date sorts before a more precise one of the same period), then source-file order
 * so the order is total and stable.
 */
export function compareProvenance(a: ReferenceRecord, b: ReferenceRecord): number {
  const kind = SOURCE_KIND_RANK[a.sourceKind] - SOURCE_KIND_RANK[b.sourceKind];
  if (kind !== 0) return kind;
  const dateA = a.publishedOn ?? '';
  const dateB = b.publishedOn ?? '';
  if (dateA !== dateB) return dateA < dateB ? 1 : -1;
  return a.sourceIndex - b.sourceIndex;
}

/** `compareProvenance`, after putting figures flagged `suspect-value` last. */
export function compareFigures(a: ReferenceRecord, b: ReferenceRecord): number {
  const suspect = Number(isSuspect(a)) - Number(isSuspect(b));
  return suspect !== 0 ? suspect : compareProvenance(a, b);
}

function isSuspect(record: ReferenceRecord): boolean {
  return record.workload.flags.includes('suspect-value');
}
