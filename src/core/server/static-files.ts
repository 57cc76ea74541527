import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, isAbsolute, join, relative, resolve } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../shared/api/csp';

/** MIME types of what a Vite build emits. Anything else goes out as an opaque download (`nosniff` is set). */
const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** MIME type for a file name, by extension. */
export function mimeTypeOf(fileName: string): string {
  return MIME_TYPES[extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

/** True when `child` is `root` or inside it (both absolute, already normalised). */
function isInside(root: string, child: string): boolean {
  const rel = relative(root, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * Maps a URL path to a file under `root`, or `null` when it is not a servable file. Traversal is impossible
 * by construction: the decoded path is joined and normalised, must stay under `root`, and is checked again after
 * resolving symlinks (a link inside the build pointing outside it is refused). Dot-files are never served.
 */
export async function resolveStaticFile(root: string, urlPath: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.split(/[\\/]/).some((part) => part.startsWith('.') && part.length > 0)) return null;
  const rootResolved = resolve(root);
  const candidate = join(rootResolved, decoded);
  if (!isInside(rootResolved, candidate)) return null;
  try {
    const [realRoot, realFile] = await Promise.all([realpath(rootResolved), realpath(candidate)]);
    if (!isInside(realRoot, realFile) || !(await stat(realFile)).isFile()) return null;
    return realFile;
  } catch {
    return null;
  }
}

/** Headers every HTML page gets: the app's CSP (also sent by the Electron session and as a meta tag). */
function htmlHeaders(): Record<string, string> {
  return { 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'Cache-Control': 'no-cache' };
}

async function sendFile(req: IncomingMessage, res: ServerResponse, file: string): Promise<void> {
  const { size } = await stat(file);
  const type = mimeTypeOf(file);
  res.writeHead(200, {
    'Content-Type': type,
    'Content-Length': String(size),
    ...(type.startsWith('text/html') ? htmlHeaders() : { 'Cache-Control': 'no-cache' }),
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}

/**
 * Serves the built renderer from `root`. A path with no extension that is not a file (a client-side route such
 * as `/runs/3`) gets `index.html`; a missing asset is a plain 404.
 */
export async function serveStatic(req: IncomingMessage, res: ServerResponse, root: string, urlPath: string): Promise<void> {
  const file = await resolveStaticFile(root, urlPath === '/' ? '/index.html' : urlPath);
  if (file !== null) return sendFile(req, res, file);
  const lastSegment = urlPath.split('/').pop() ?? '';
  const index = extname(lastSegment) === '' ? await resolveStaticFile(root, '/index.html') : null;
  if (index !== null) return sendFile(req, res, index);
  const message = extname(lastSegment) === '' ? 'renderer not built: run “npm run build” first' : 'not found';
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end(message);
}
