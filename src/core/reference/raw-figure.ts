import { z } from 'zod';
import { ReferenceSuiteSchema, SourceKindSchema } from '../../shared/domain/reference';

/**
 * One record of the raw `public-figures.json` (snake_case, as published in /shared/reference). Only the
 * conversion script reads this shape; the app reads the converted `figures.json`.
 */
export const RawFigureSchema = z.object({
  gpu: z.string(),
  gpu_variant: z.string(),
  gpu_key: z.string().min(1),
  suite: ReferenceSuiteSchema,
  benchmark_id: z.string().min(1),
  model: z.string(),
  settings: z.string(),
  metric: z.string(),
  unit: z.string().min(1),
  higher_is_better: z.boolean().nullable(),
  value: z.number(),
  value_as_published: z.string(),
  source_url: z.string().min(1),
  source_title: z.string(),
  source_kind: SourceKindSchema,
  note: z.string(),
});
export type RawFigure = z.infer<typeof RawFigureSchema>;
