import { canonicalJson } from '../../hardware/snapshot-hash';

/**
 * The key a planned instance's history is looked up by: its benchmark id plus its params as canonical JSON (keys
 * sorted), so `{model, threads}` and `{threads, model}` are the same workload. Not the result's `identity_hash`:
 * the identity (engine version, resolved backend…) is reported by the worker after setup, so a plan does not have
 * it yet; the params are what the plan and the stored `params_json` share.
 */
export function paramsKey(params: Record<string, unknown>): string {
  return canonicalJson(params);
}

/** `paramsKey` of a stored `params_json`; null when the text is not a JSON object (never matches a plan). */
export function storedParamsKey(paramsJson: string): string | null {
  try {
    const parsed: unknown = JSON.parse(paramsJson);
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? canonicalJson(parsed) : null;
  } catch {
    return null;
  }
}
