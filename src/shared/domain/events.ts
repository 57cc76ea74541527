import { z } from 'zod';
import { RunEventSchema } from './run';

/** Generation of a synthetic model (Models page, `rigmark models generate`): long work, so it reports progress. */
export const ModelEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('model-progress'), name: z.string(), fraction: z.number() }),
  z.object({ type: z.literal('model-finished'), name: z.string(), isOk: z.boolean(), message: z.string().nullable() }),
]);
export type ModelEvent = z.infer<typeof ModelEventSchema>;

/** Everything core pushes to its shells: run events and model events. */
export const CoreEventSchema = z.discriminatedUnion('type', [...RunEventSchema.options, ...ModelEventSchema.options]);
export type CoreEvent = z.infer<typeof CoreEventSchema>;
