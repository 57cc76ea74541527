import { z } from 'zod';

/** Export formats; one field list drives all of them (core/report/fields.ts). */
export const ExportFormatSchema = z.enum(['json', 'csv', 'md']);
export type ExportFormat = z.infer<typeof ExportFormatSchema>;

/** Comparison export formats; one column list drives both (core/compare/export.ts). */
export const ComparisonExportFormatSchema = z.enum(['md', 'csv']);
export type ComparisonExportFormat = z.infer<typeof ComparisonExportFormatSchema>;

/**
 * Which comparison to export: a run against cards (as `compare:run` takes them) or one card against another (as
 * `compare:cards`). Core builds the file; the UI only hands it to the user.
 */
export type ComparisonExportRequest =
  | { kind: 'run'; runId?: number; cards?: string[]; format: ComparisonExportFormat }
  | { kind: 'cards'; ref: string; vs: string; format: ComparisonExportFormat };

/** A text file built by core, as the export channels return it. */
export const ExportFileSchema = z.object({ fileName: z.string(), mimeType: z.string(), content: z.string() });
export type ExportFile = z.infer<typeof ExportFileSchema>;

/** The largest Rigmark run export (JSON text, in characters) that `runs:import` accepts: 50 MiB. */
export const MAX_RUN_IMPORT_CHARS = 50 * 1024 * 1024;
