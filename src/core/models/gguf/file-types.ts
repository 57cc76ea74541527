/**
 * llama.cpp `enum llama_ftype` (include/llama.h), the value of `general.file_type`: the quantisation mix a file
 * was made with, named as llama-quantize names it. Ids 4-6 and 33-35 are removed formats.
 */
const FILE_TYPE_LABELS: Readonly<Record<number, string>> = {
  0: 'F32',
  1: 'F16',
  2: 'Q4_0',
  3: 'Q4_1',
  7: 'Q8_0',
  8: 'Q5_0',
  9: 'Q5_1',
  10: 'Q2_K',
  11: 'Q3_K_S',
  12: 'Q3_K_M',
  13: 'Q3_K_L',
  14: 'Q4_K_S',
  15: 'Q4_K_M',
  16: 'Q5_K_S',
  17: 'Q5_K_M',
  18: 'Q6_K',
  19: 'IQ2_XXS',
  20: 'IQ2_XS',
  21: 'Q2_K_S',
  22: 'IQ3_XS',
  23: 'IQ3_XXS',
  24: 'IQ1_S',
  25: 'IQ4_NL',
  26: 'IQ3_S',
  27: 'IQ3_M',
  28: 'IQ2_S',
  29: 'IQ2_M',
  30: 'IQ4_XS',
  31: 'IQ1_M',
  32: 'BF16',
  36: 'TQ1_0',
  37: 'TQ2_0',
  38: 'MXFP4_MOE',
};

/** llama.h `LLAMA_FTYPE_GUESSED`: set when the loader inferred the type rather than reading it. */
const FTYPE_GUESSED = 1024;

/** The llama-quantize label for a `general.file_type` value (`15` → `'Q4_K_M'`); `undefined` when unknown. */
export function fileTypeLabel(fileType: number): string | undefined {
  return FILE_TYPE_LABELS[fileType & ~FTYPE_GUESSED];
}

/** The `general.file_type` value for a label (`'Q4_K_M'` → `15`). Throws for an unknown label. */
export function fileTypeId(label: string): number {
  const entry = Object.entries(FILE_TYPE_LABELS).find(([, l]) => l === label);
  if (!entry) throw new Error(`Unknown file type label ${label}`);
  return Number(entry[0]);
}
