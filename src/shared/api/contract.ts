import { z } from 'zod';
import { BenchmarkInfoSchema } from '../domain/benchmark';
import { CardComparisonSchema, RunComparisonViewSchema, UpgradeGainSchema } from '../domain/compare';
import { ComparisonExportFormatSchema, ExportFileSchema, ExportFormatSchema, MAX_RUN_IMPORT_CHARS } from '../domain/export';
import { HeadlineSchema } from '../domain/headline';
import { ModelsViewSchema } from '../domain/models';
import { PreflightCheckSchema } from '../domain/preflight';
import { CardSummarySchema, ReferenceRecordSchema } from '../domain/reference';
import { HistoryPointSchema, ResultTelemetrySchema, RunDetailSchema, RunSummarySchema } from '../domain/results';
import { CoreEventSchema } from '../domain/events';
import { PlannedInstanceSchema, RunRequestSchema } from '../domain/run';
import { SettingsSchema } from '../domain/settings';
import { SystemSnapshotSchema } from '../domain/system';
import { MAX_USER_REFERENCE_CHARS, UserReferenceFileInfoSchema, UserReferenceNameSchema } from '../domain/user-reference';
import type { ApiChannelName } from './channels';

const RunIdSchema = z.object({ runId: z.number().int().positive() });
const Empty = z.object({}).strict();
/** Reference card keys are short kebab-case ids (`a100`, `rtx-4090`). */
const CardKeySchema = z.string().regex(/^[a-z0-9][a-z0-9.-]{0,63}$/, 'expected a card key such as a100 or rtx-4090');

/**
 * The one API contract between the UI and core. The Electron preload (IPC) and web mode (HTTP + SSE) both carry
 * exactly these channels; every input is parsed with its schema on the core side before anything runs.
 * Channel names are `noun:verb`.
 */
export const apiContract = {
  'app:info': {
    input: Empty,
    output: z.object({
      version: z.string(),
      dataDir: z.string(),
      node: z.string(),
      electron: z.string().nullable(),
      mode: z.enum(['desktop', 'web']),
    }),
  },
  'system:get': { input: z.object({ refresh: z.boolean().optional() }).strict(), output: SystemSnapshotSchema },
  'benchmarks:list': {
    input: z.object({ model: z.string().max(4096).optional() }).strict(),
    output: z.array(BenchmarkInfoSchema),
  },
  'runs:plan': { input: RunRequestSchema, output: z.array(PlannedInstanceSchema) },
  'runs:start': { input: RunRequestSchema, output: RunIdSchema },
  'runs:cancel': { input: RunIdSchema.strict(), output: z.object({ isCancelled: z.boolean() }) },
  'runs:list': {
    input: z.object({ limit: z.number().int().min(1).max(1000).optional() }).strict(),
    output: z.array(RunSummarySchema),
  },
  'runs:get': { input: RunIdSchema.strict(), output: RunDetailSchema },
  'runs:export': {
    input: z.object({ runId: z.number().int().positive(), format: ExportFormatSchema }).strict(),
    output: ExportFileSchema,
  },
  // A JSON run export (`runs:export` format json) stored back as a new run.
  'runs:import': {
    input: z.object({ content: z.string().max(MAX_RUN_IMPORT_CHARS, 'export too large: the limit is 50 MiB') }).strict(),
    output: RunIdSchema,
  },
  'runs:history': {
    input: z.object({ benchmarkId: z.string().min(1).max(100), limit: z.number().int().min(1).max(1000).optional() }).strict(),
    output: z.array(HistoryPointSchema),
  },
  // One result's telemetry timeline (rows thinned to a cap, throttle reasons decoded), read when its chart is shown.
  'runs:telemetry': { input: z.object({ resultId: z.number().int().positive() }).strict(), output: ResultTelemetrySchema },
  'runs:preflight': { input: RunRequestSchema, output: z.array(PreflightCheckSchema) },
  'settings:get': { input: Empty, output: SettingsSchema },
  'settings:update': { input: SettingsSchema.partial().strict(), output: SettingsSchema },
  'compare:run': {
    input: z.object({ runId: z.number().int().positive().optional(), cards: z.array(CardKeySchema).max(8).optional() }).strict(),
    output: RunComparisonViewSchema,
  },
  'compare:cards': { input: z.object({ ref: CardKeySchema, vs: CardKeySchema }).strict(), output: CardComparisonSchema },
  // A comparison as a Markdown or CSV file, built by core from the same comparison `compare:run` / `compare:cards` give.
  'compare:export': {
    input: z.discriminatedUnion('kind', [
      z
        .object({
          kind: z.literal('run'),
          runId: z.number().int().positive().optional(),
          cards: z.array(CardKeySchema).max(8).optional(),
          format: ComparisonExportFormatSchema,
        })
        .strict(),
      z.object({ kind: z.literal('cards'), ref: CardKeySchema, vs: CardKeySchema, format: ComparisonExportFormatSchema }).strict(),
    ]),
    output: ExportFileSchema,
  },
  // A run's headline (default: the latest with results): Rigmark Score and the ratio against each default card.
  'runs:headline': { input: z.object({ runId: z.number().int().positive().optional() }).strict(), output: HeadlineSchema },
  'compare:upgrade': {
    input: z.object({ runId: z.number().int().positive().optional(), target: CardKeySchema }).strict(),
    output: UpgradeGainSchema,
  },
  'reference:cards': { input: Empty, output: z.array(CardSummarySchema) },
  'reference:figures': { input: z.object({ gpuKey: CardKeySchema }).strict(), output: z.array(ReferenceRecordSchema) },
  // The user's own reference files (<dataDir>/reference/): listed, added (validated whole, then kept), removed.
  'reference:files': { input: Empty, output: z.array(UserReferenceFileInfoSchema) },
  'reference:add': {
    input: z
      .object({
        fileName: UserReferenceNameSchema,
        content: z.string().max(MAX_USER_REFERENCE_CHARS, 'reference file too large: the limit is 8 MiB'),
        replace: z.boolean().optional(),
      })
      .strict(),
    output: UserReferenceFileInfoSchema,
  },
  'reference:remove': { input: z.object({ name: UserReferenceNameSchema }).strict(), output: z.object({ isRemoved: z.literal(true) }) },
  'models:list': { input: Empty, output: ModelsViewSchema },
  'models:generate': {
    input: z.object({ name: z.string().min(1).max(64) }).strict(),
    output: z.object({ path: z.string(), isReused: z.boolean() }),
  },
  // `satisfies Record<ApiChannelName, …>`: every name in channels.ts has a schema pair and no other key exists.
} as const satisfies Record<ApiChannelName, { input: z.ZodType; output: z.ZodType }>;

export type ApiContract = typeof apiContract;
export type Channel = keyof ApiContract;
export type ChannelInput<C extends Channel> = z.input<ApiContract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.infer<ApiContract[C]['output']>;

/** Events pushed from core to the UI (IPC `api:event`, SSE `/api/events`). */
export const apiEventSchema = CoreEventSchema;
export type ApiEvent = z.infer<typeof apiEventSchema>;

/** How an error crosses any boundary: serialisable, never a raw Error or stack. */
// UNAVAILABLE: the request is well formed but nothing it asks for can run here (no usable model, no engine); STORE: the
// database could not be written (locked by another program, disk full).
export const ApiErrorCodeSchema = z.enum(['BAD_INPUT', 'FORBIDDEN', 'NOT_FOUND', 'UNAUTHORIZED', 'CONFLICT', 'UNAVAILABLE', 'STORE', 'INTERNAL']);
export type ApiErrorCode = z.infer<typeof ApiErrorCodeSchema>;
export const ApiErrorSchema = z.object({ code: ApiErrorCodeSchema, message: z.string() });
export type ApiError = z.infer<typeof ApiErrorSchema>;
export type ApiResponse<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** The typed client the renderer uses; implemented by the preload (IPC) and by the web transport (HTTP). */
export interface RigmarkApi {
  call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ApiResponse<ChannelOutput<C>>>;
  onEvent(listener: (event: ApiEvent) => void): () => void;
}
