/**
 * The contract's channel names as a plain list, with no zod attached. The preload imports this (it may import
 * shared *types* only, and a sandboxed preload should stay tiny); `contract.ts` is checked against it at compile
 * time, so the two cannot drift.
 */
export const API_CHANNELS = [
  'app:info',
  'system:get',
  'benchmarks:list',
  'runs:plan',
  'runs:start',
  'runs:cancel',
  'runs:list',
  'runs:get',
  'runs:export',
  'runs:import',
  'runs:history',
  'runs:telemetry',
  'runs:preflight',
  'settings:get',
  'settings:update',
  'compare:run',
  'compare:cards',
  'compare:export',
  'runs:headline',
  'compare:upgrade',
  'reference:cards',
  'reference:figures',
  'reference:files',
  'reference:add',
  'reference:remove',
  'models:list',
  'models:generate',
] as const;

export type ApiChannelName = (typeof API_CHANNELS)[number];

const CHANNEL_SET: ReadonlySet<string> = new Set(API_CHANNELS);

/** True when `value` names a contract channel. Used to refuse anything else before it crosses a boundary. */
export function isApiChannel(value: unknown): value is ApiChannelName {
  return typeof value === 'string' && CHANNEL_SET.has(value);
}
