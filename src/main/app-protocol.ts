import { lstat, readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { CustomScheme, Protocol } from 'electron';
import { mimeTypeOf } from '../core/server/static-files';
import { CONTENT_SECURITY_POLICY } from '../shared/api/csp';

/**
 * The built page is served from `rigmark://app/…` instead of `file://` (Electron's security checklist, item 18): a
 * file:// page can read any other file:// URL the user can, while this origin reaches nothing but the built
 * renderer folder. `standard` gives it a real origin (relative URLs, storage), `secure` a secure context, and
 * `supportFetchAPI` lets the page fetch its own files. No `bypassCSP`, no `corsEnabled`: nothing else may read it.
 */
export const APP_SCHEME = 'rigmark';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_PAGE_URL = `${APP_ORIGIN}/index.html`;

export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

/** The content type of a served file, by extension: the same table web mode serves the renderer with. */
export const contentTypeOf = mimeTypeOf;

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' } });
}

/**
 * The file under `rootDir` that an app URL names, or null when it names none: another scheme or host, a path
 * that is not valid percent-encoding, or one that decodes to a NUL, a backslash (a Windows separator the URL
 * parser did not see), or a place outside `rootDir` (`..%2f`, `%2f..`, a drive letter). `/` means index.html.
 */
export function resolveAppFile(rootDir: string, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.includes('\\')) return null;
  const inside = path.replace(/^\/+/, '');
  const root = resolve(rootDir);
  const file = resolve(root, inside === '' || inside.endsWith('/') ? `${inside}index.html` : inside);
  const rel = relative(root, file);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return null;
  return file;
}

/**
 * The `protocol.handle` handler for {@link APP_SCHEME}: GET/HEAD of regular files under `rootDir` (the built
 * renderer folder, inside app.asar when packaged — Electron's fs reads from it), with their content type and the
 * app's CSP as a header. Everything else is 404 (405 for other methods); symlinks are not followed, so a link
 * dropped into the folder cannot expose what it points to. Files are read whole: the built assets are small.
 */
export function createAppProtocolHandler(rootDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('Method not allowed', { status: 405, headers: { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' } });
    }
    const file = resolveAppFile(rootDir, request.url);
    if (file === null) return notFound();
    try {
      if (!(await lstat(file)).isFile()) return notFound();
      const body = await readFile(file);
      const headers = {
        'Content-Type': contentTypeOf(file),
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
        // Rebuilt files keep their names (index.html): always revalidate rather than show a stale page.
        'Cache-Control': 'no-cache',
      };
      return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers });
    } catch {
      return notFound();
    }
  };
}

/** Must run before `app` is ready (Electron refuses later): the scheme's privileges are fixed at startup. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
}

/** After `ready`, before the window loads: serves the built renderer folder on {@link APP_ORIGIN}. */
export function serveAppProtocol(protocol: Pick<Protocol, 'handle'>, rootDir: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rootDir));
}
