import { z } from 'zod';

/** Export formats; one field list drives all of them (core/report/fields.ts). */
export const ExportFormatSchema = z.enum(['json', 'csv', 'md']);
export type ExportFormat = z.infer<typeof ExportFormatSchema>;
