import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { TOKEN_HEADER, TOKEN_QUERY_PARAM } from '../../shared/api/transport';

/** A fresh web-mode token: 32 random bytes, base64url (43 characters, safe in a URL without escaping). */
export function generateToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * A caller-supplied token must be as hard to guess as a generated one and URL-safe, because it is printed in a
 * URL and typed into headers verbatim.
 */
export function assertStrongToken(token: string): void {
  if (!/^[A-Za-z0-9_-]{32,256}$/.test(token)) {
    throw new Error('web-mode token must be 32–256 characters of A–Z, a–z, 0–9, "-" or "_"');
  }
}

/**
 * Compares two secrets in time independent of where they differ. Both sides are hashed first so that
 * `timingSafeEqual` gets equal lengths and the length of the real token does not leak either.
 */
export function tokensEqual(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** The hosts a page served by us may be addressed as; anything else is a DNS-rebinding attempt. */
export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

/**
 * DNS rebinding: a hostile site can point its own name at 127.0.0.1 and then read our answers as same-origin.
 * The browser still sends that name in `Host`, so only our two loopback spellings are accepted.
 */
export function isHostAllowed(req: IncomingMessage, port: number): boolean {
  const host = req.headers.host?.toLowerCase();
  return host !== undefined && allowedHosts(port).includes(host);
}

/**
 * Browsers send `Origin` on cross-origin requests (and on same-origin POSTs). If present it must be our own
 * origin: that stops other sites (and `Origin: null` from sandboxed frames or file:// pages) from driving the API
 * even when they manage to send a request. Absent `Origin` (curl, same-origin GET) is fine; the token still guards.
 */
export function isOriginAllowed(req: IncomingMessage, port: number): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  return allowedHosts(port).some((host) => origin.toLowerCase() === `http://${host}`);
}

/**
 * Reads the token a request presents: `Authorization: Bearer <token>` or `x-rigmark-token`; the `?token=` query
 * parameter only where `allowQuery` (the SSE endpoint, because `EventSource` cannot set headers).
 */
export function presentedToken(req: IncomingMessage, url: URL, allowQuery: boolean): string | null {
  const auth = req.headers.authorization;
  const bearer = auth !== undefined ? /^Bearer\s+(\S+)\s*$/i.exec(auth)?.[1] : undefined;
  if (bearer !== undefined) return bearer;
  const header = req.headers[TOKEN_HEADER];
  if (typeof header === 'string') return header;
  return allowQuery ? url.searchParams.get(TOKEN_QUERY_PARAM) : null;
}
