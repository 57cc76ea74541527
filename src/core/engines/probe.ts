import { type EngineErrorCode } from './errors';
import { classifyFetchError, guardRequest } from './http';

/** Availability checks must answer quickly: a refused connection is instant, a silent server costs this long. */
export const PROBE_TIMEOUT_MS = 1500;

/** What a probe saw. `data` is the parsed JSON body when the answer was JSON, otherwise null. */
export type ProbeResult =
  | { isReachable: true; status: number; data: unknown; headers: Headers; elapsedMs: number }
  | { isReachable: false; code: EngineErrorCode; detail: string; elapsedMs: number };

/**
 * GETs `url` once, bounded as a whole by `timeoutMs` (default {@link PROBE_TIMEOUT_MS}), and reports whether
 * anything answered. Any HTTP status counts as reachable; the caller judges status and body. Never throws.
 */
export async function probeEndpoint(
  url: string,
  options: { timeoutMs?: number; signal?: AbortSignal } = {},
): Promise<ProbeResult> {
  const startedAt = performance.now();
  const elapsed = (): number => Math.round(performance.now() - startedAt);
  const guard = guardRequest(url, { timeoutMs: options.timeoutMs ?? PROBE_TIMEOUT_MS, signal: options.signal });
  try {
    const response = await fetch(url, { headers: { accept: 'application/json' }, signal: guard.signal });
    const text = await response.text();
    let data: unknown = null;
    try {
      data = JSON.parse(text) as unknown;
    } catch {
      // Not JSON: the caller sees data null and judges by status.
    }
    return { isReachable: true, status: response.status, data, headers: response.headers, elapsedMs: elapsed() };
  } catch (error) {
    const classified = classifyFetchError(error, url, guard.signal);
    return { isReachable: false, code: classified.code, detail: classified.detail, elapsedMs: elapsed() };
  } finally {
    guard.dispose();
  }
}
