import { EngineError } from './errors';

/**
 * The endpoint the user configured under `key` in settings, or `fallback` (a loopback URL) when unset. A
 * non-loopback endpoint is used only because the user typed it; Rigmark never picks one itself.
 * Trailing slashes are removed so paths can be appended.
 * @throws {EngineError} BAD_ENDPOINT when the setting is not an http(s) URL.
 */
export function endpointFromSettings(settings: Record<string, unknown>, key: string, fallback: string): string {
  const raw = settings[key];
  const value = typeof raw === 'string' && raw.trim() !== '' ? raw.trim() : fallback;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new EngineError('BAD_ENDPOINT', `the ${key} setting is not a valid URL`, value);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new EngineError('BAD_ENDPOINT', `the ${key} setting must be an http:// or https:// URL`, value);
  }
  return value.replace(/\/+$/, '');
}

/** `base` + `path` with exactly one slash between them. */
export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/** True when the URL's host is this machine (127.0.0.0/8, ::1, localhost). */
export function isLoopbackUrl(value: string): boolean {
  let host: string;
  try {
    host = new URL(value).hostname.toLowerCase();
  } catch {
    return false;
  }
  return host === 'localhost' || host === '[::1]' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** A note for results measured on an engine that is not on this machine (its GPU, not ours, did the work). */
export function remoteEndpointNote(endpoint: string): string[] {
  return isLoopbackUrl(endpoint)
    ? []
    : [`The engine at ${endpoint} is not on this machine: the figure measures that host's hardware and the network.`];
}
