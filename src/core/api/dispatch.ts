import type { z } from 'zod';
import { isApiChannel } from '../../shared/api/channels';
import { apiContract } from '../../shared/api/contract';
import type { ApiContract, ApiResponse, Channel, ChannelInput, ChannelOutput } from '../../shared/api/contract';
import type { RigmarkCore } from '../app/rigmark-core';
import { ApiFailure, toApiError } from './errors';
import { exportFileMeta } from './export-meta';

/** What the shell tells the dispatcher about itself (reported by `app:info`). */
export interface DispatcherOptions {
  mode: 'desktop' | 'web';
  /** Rigmark's version (package.json). */
  version: string;
  /** `process.versions.electron` in the desktop app, `null` elsewhere. */
  electronVersion: string | null;
  /**
   * Parse every output with the channel's output schema and answer `INTERNAL` when core breaks the contract.
   * Defaults to on except when `NODE_ENV` is `production`: a dev assertion that also strips undeclared fields.
   */
  validateOutput?: boolean;
}

/**
 * Calls one channel with untrusted input. Never rejects: every failure is an `ApiResponse` with
 * `ok: false` — `NOT_FOUND` for an unknown channel or missing record, `BAD_INPUT` when the input does not match the
 * channel's schema, the thrown error's API code when it has one, `INTERNAL` otherwise.
 */
export type Dispatch = (channel: string, rawInput: unknown) => Promise<ApiResponse<unknown>>;

type ParsedInput<C extends Channel> = z.output<ApiContract[C]['input']>;
type Handlers = { [C in Channel]: (input: ParsedInput<C>) => Promise<ChannelOutput<C>> | ChannelOutput<C> };
/** Any handler, callable only with an argument the caller has proven right (the parsed input). */
type AnyHandler = (input: never) => unknown;

function createHandlers(core: RigmarkCore, options: DispatcherOptions): Handlers {
  return {
    'app:info': () => ({
      version: options.version,
      dataDir: core.dataDir,
      node: process.versions.node,
      electron: options.electronVersion,
      mode: options.mode,
    }),
    'system:get': (input) => core.getSystem(input),
    'benchmarks:list': (input) => core.listBenchmarks(input),
    'runs:plan': (input) => core.planRun(input),
    'runs:start': (input) => core.startRun(input),
    'runs:cancel': (input) => ({ isCancelled: core.cancelRun(input.runId) }),
    'runs:list': (input) => core.listRuns(input),
    'runs:get': (input) => {
      const detail = core.getRun(input.runId);
      if (detail === null) throw new ApiFailure('NOT_FOUND', `run ${input.runId} not found`);
      return detail;
    },
    'runs:export': (input) => ({
      ...exportFileMeta(input.runId, input.format),
      content: core.exportRun(input.runId, input.format),
    }),
    'runs:import': (input) => core.importRun(input.content),
    'runs:history': (input) => core.history(input.benchmarkId, { limit: input.limit }),
    'runs:telemetry': (input) => core.resultTelemetry(input.resultId),
    'runs:preflight': (input) => core.preflight(input),
    'settings:get': () => core.getSettings(),
    'settings:update': (input) => core.updateSettings(input),
    'compare:run': (input) => core.compareRun(input),
    'compare:cards': (input) => core.compareCards(input),
    'compare:export': (input) => core.exportComparison(input),
    'compare:upgrade': (input) => core.upgradeGain(input),
    'runs:headline': (input) => core.headline(input),
    'reference:cards': () => core.referenceCards(),
    'reference:figures': (input) => core.referenceFigures(input.gpuKey),
    'reference:files': () => core.referenceFiles(),
    'reference:add': (input) => core.addReference(input),
    'reference:remove': (input) => {
      core.removeReference(input.name);
      return { isRemoved: true as const };
    },
    'models:list': () => core.listModels(),
    'models:generate': (input) => core.generateModel(input.name),
  };
}

/** Zod issues as one readable line: `runId: Invalid input: expected number, received string; …`. */
export function formatIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

/**
 * Builds the transport-independent dispatcher that the Electron IPC handler and the web-mode server both call.
 * Input is parsed with the contract's schema before core sees it, so core only ever receives well-formed data.
 */
export function createDispatcher(core: RigmarkCore, options: DispatcherOptions): Dispatch {
  const handlers = createHandlers(core, options);
  const shouldValidateOutput = options.validateOutput ?? process.env['NODE_ENV'] !== 'production';

  return async (channel, rawInput) => {
    // A Set lookup, not `channel in apiContract`: `__proto__` or `constructor` must not reach a handler.
    if (!isApiChannel(channel)) return { ok: false, error: { code: 'NOT_FOUND', message: `unknown channel: ${channel}` } };
    const contract = apiContract[channel];
    const parsed = contract.input.safeParse(rawInput);
    if (!parsed.success) {
      return { ok: false, error: { code: 'BAD_INPUT', message: `invalid input for ${channel}: ${formatIssues(parsed.error)}` } };
    }
    try {
      const handler: AnyHandler = handlers[channel];
      const value: unknown = await handler(parsed.data as never);
      if (!shouldValidateOutput) return { ok: true, value };
      const checked = contract.output.safeParse(value);
      if (checked.success) return { ok: true, value: checked.data };
      const message = `core returned an invalid ${channel} output: ${formatIssues(checked.error)}`;
      return { ok: false, error: { code: 'INTERNAL', message } };
    } catch (error) {
      return { ok: false, error: toApiError(error) };
    }
  };
}

/**
 * Calls the dispatcher with a typed channel and input, for in-process callers (the Electron menu, the CLI). The
 * value's type is the channel's output: every handler is typed against the contract, and the dispatcher adds no
 * other values.
 */
export async function invoke<C extends Channel>(dispatch: Dispatch, channel: C, input: ChannelInput<C>): Promise<ApiResponse<ChannelOutput<C>>> {
  return (await dispatch(channel, input)) as ApiResponse<ChannelOutput<C>>;
}
