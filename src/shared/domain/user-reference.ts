import { z } from 'zod';

/**
 * A user's own reference figures (a fleet's measurements, an event's scoreboard): one JSON file in the bundled
 * format, kept in `<dataDir>/reference/` and loaded beside the bundled dataset.
 */

/** A reference file is text; 8 MiB holds ~5,000 records (the bundled 670 take 1.1 MB). */
export const MAX_USER_REFERENCE_CHARS = 8 * 1024 * 1024;

/** Plain file names only, so a name can never leave `<dataDir>/reference/` (no separators, no `..`). */
export const UserReferenceNameSchema = z
  .string()
  .max(100)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*\.json$/, 'expected a file name such as fleet.json (letters, digits, . _ -, ending in .json)')
  .refine((name) => !name.includes('..'), 'a file name may not contain ".."');

/**
 * The file: `resources/reference/figures.json`'s format (every record a full `ReferenceRecord`, workload included),
 * with the envelope fields optional and an optional `cards` list in `cards.json`'s format for cards the bundled
 * catalogue lacks. Records are validated one by one afterwards, so an error names the record index and field.
 */
export const UserReferenceFileSchema = z.object({
  datasetVersion: z.string().optional(),
  generatedAt: z.string().optional(),
  /** Where the figures come from, in the user's words (shown on the Reference page). */
  sourceFile: z.string().optional(),
  sourceSha256: z.string().optional(),
  records: z.array(z.unknown()).min(1, 'a reference file needs at least one record'),
  cards: z.array(z.unknown()).optional(),
});

/** Prefix of every figure's source title from a user's file: the file is always named where the figure shows. */
export function userReferenceLabel(fileName: string): string {
  return `your file: ${fileName}`;
}

/** One file in `<dataDir>/reference/`, loaded or refused. */
export const UserReferenceFileInfoSchema = z.object({
  name: z.string(),
  /** "your file: fleet.json" — put before each figure's own source title. */
  sourceLabel: z.string(),
  /** The file's own `sourceFile` text, or null when it has none. */
  sourceText: z.string().nullable(),
  status: z.enum(['loaded', 'refused']),
  /** Why a file on disk was refused (edited by hand, or clashing with another file); null when loaded. */
  problem: z.string().nullable(),
  recordCount: z.number().int().nonnegative(),
  /** Cards the file has figures for. */
  cardKeys: z.array(z.string()),
  /** Cards the file defines itself (not in the bundled catalogue). */
  newCardKeys: z.array(z.string()),
  sizeBytes: z.number().int().nonnegative(),
});
export type UserReferenceFileInfo = z.infer<typeof UserReferenceFileInfoSchema>;
