import { z } from 'zod';

/** How much a preflight finding matters: `blocker` means the run (or that benchmark) would fail as planned. */
export const PreflightSeveritySchema = z.enum(['info', 'warning', 'blocker']);
export type PreflightSeverity = z.infer<typeof PreflightSeveritySchema>;

/** One finding of the checks run before a benchmark run starts, shown by the UI and the CLI alike. */
export const PreflightCheckSchema = z.object({
  /** Stable id of the check, suffixed with the benchmark it concerns where it is per benchmark (`vram-fit:llamacpp.tg128`). */
  id: z.string(),
  severity: PreflightSeveritySchema,
  /** What was found, in one or two plain sentences. */
  message: z.string(),
  /** What the user can do about it. */
  fix: z.string(),
});
export type PreflightCheck = z.infer<typeof PreflightCheckSchema>;
