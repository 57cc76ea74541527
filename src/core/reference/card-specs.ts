import type { CardSpecs, ReferenceRecord, SpecField, SpecValue } from '../../shared/domain/reference';
import { compareProvenance } from './figure-order';
import { variantFit } from './gpu-name';

/** Spec record ids per field, in tiers: a stated value beats a stated lower bound. */
const FIELD_TIERS: Readonly<Record<SpecField, readonly string[][]>> = {
  vramGB: [['spec.vram']],
  memoryBandwidthGBps: [['spec.memory-bandwidth'], ['spec.memory-bandwidth-min']],
  fp32Tflops: [['spec.fp32-tflops']],
  fp16TensorTflops: [['spec.fp16-tensor-tflops']],
  bf16TensorTflops: [['spec.bf16-tensor-tflops']],
  tdpW: [['spec.tdp']],
};

const UNITS: Readonly<Record<SpecField, string>> = {
  vramGB: 'GB',
  memoryBandwidthGBps: 'GB/s',
  fp32Tflops: 'TFLOPS',
  fp16TensorTflops: 'TFLOPS',
  bf16TensorTflops: 'TFLOPS',
  tdpW: 'W',
};

/** The rule, as shown to the user next to every spec value. */
export const SPEC_PICK_RULE =
  'requested variant first (form factor and memory size); a stated value before a stated lower bound, a spec ' +
  'record before a memory size read from a variant name; primary before secondary source; newest first; then ' +
  'source-file order';

interface Candidate {
  record: ReferenceRecord;
  value: number;
  basis: SpecValue['basis'];
  tier: number;
}

function specCandidates(records: readonly ReferenceRecord[], field: SpecField): Candidate[] {
  const tiers = FIELD_TIERS[field];
  const candidates: Candidate[] = [];
  for (const record of records) {
    const tier = tiers.findIndex((ids) => ids.includes(record.workload.rigmarkBenchmarkId ?? ''));
    if (record.suite !== 'spec' || tier < 0) continue;
    candidates.push({ record, value: record.value, basis: 'spec-record', tier });
  }
  if (field === 'vramGB') candidates.push(...variantMemoryCandidates(records, tiers.length));
  return candidates;
}

/** Memory size stated in a variant name ("48GB"), one candidate per distinct variant, citing its first record. */
function variantMemoryCandidates(records: readonly ReferenceRecord[], tier: number): Candidate[] {
  const seen = new Set<string>();
  const candidates: Candidate[] = [];
  for (const record of records) {
    const memory = /(\d+)\s*GB\b/i.exec(record.gpuVariant);
    if (!memory?.[1] || seen.has(record.gpuVariant)) continue;
    seen.add(record.gpuVariant);
    candidates.push({ record, value: Number(memory[1]), basis: 'variant-name', tier });
  }
  return candidates;
}

function compareCandidates(a: Candidate, b: Candidate, variant: string | null): number {
  const fit = variantFit(variant, b.record.gpuVariant) - variantFit(variant, a.record.gpuVariant);
  if (fit !== 0) return fit;
  if (a.tier !== b.tier) return a.tier - b.tier;
  return compareProvenance(a.record, b.record);
}

function toSpecValue(field: SpecField, picked: Candidate, others: Candidate[]): SpecValue {
  const { record } = picked;
  return {
    value: picked.value,
    unit: UNITS[field],
    basis: picked.basis,
    recordId: record.id,
    variant: record.gpuVariant,
    valueAsPublished: picked.basis === 'spec-record' ? record.valueAsPublished : record.gpuVariant,
    sourceTitle: record.sourceTitle,
    sourceUrl: record.sourceUrl,
    sourceKind: record.sourceKind,
    note: [record.note, ...record.workload.flags.map((flag) => `[${flag}]`)].filter((part) => part !== '').join(' '),
    rule: SPEC_PICK_RULE,
    alternatives: others.map((c) => ({
      recordId: c.record.id,
      value: c.value,
      variant: c.record.gpuVariant,
      sourceTitle: c.record.sourceTitle,
    })),
  };
}

/**
 * Spec figures of one card (its records), each from a cited record, picked by `SPEC_PICK_RULE`. Pass the
 * variant read from the detected name (`SXM 80GB`) to prefer that variant's figures. Fields without a
 * candidate are null.
 */
export function pickCardSpecs(records: readonly ReferenceRecord[], variant: string | null = null): CardSpecs {
  const pick = (field: SpecField): SpecValue | null => {
    const [best, ...others] = specCandidates(records, field).sort((a, b) => compareCandidates(a, b, variant));
    return best ? toSpecValue(field, best, others) : null;
  };
  return {
    vramGB: pick('vramGB'),
    memoryBandwidthGBps: pick('memoryBandwidthGBps'),
    fp32Tflops: pick('fp32Tflops'),
    fp16TensorTflops: pick('fp16TensorTflops'),
    bf16TensorTflops: pick('bf16TensorTflops'),
    tdpW: pick('tdpW'),
  };
}
