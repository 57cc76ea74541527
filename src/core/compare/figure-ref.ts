import type { FigureRef } from '../../shared/domain/compare';
import type { ReferenceRecord } from '../../shared/domain/reference';
import { settingsSummary } from '../../shared/format/workload';

/** The provenance of a record as comparison outputs carry it (source one click away). */
export function toFigureRef(record: ReferenceRecord): FigureRef {
  return {
    recordId: record.id,
    gpuKey: record.gpuKey,
    gpu: record.gpu,
    gpuVariant: record.gpuVariant,
    value: record.value,
    unit: record.unit,
    valueAsPublished: record.valueAsPublished,
    settings: record.settings,
    settingsSummary: settingsSummary(record.workload),
    sourceTitle: record.sourceTitle,
    sourceUrl: record.sourceUrl,
    sourceKind: record.sourceKind,
    publishedOn: record.publishedOn,
    note: record.note,
  };
}
