import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Protocol } from 'electron';
import { makeTempDir } from '../../test/helpers/temp-dir';
import { app, asElectron, protocol } from '../../test/stand-ins/electron';
import { CONTENT_SECURITY_POLICY } from '../shared/api/csp';
import { APP_PAGE_URL, APP_SCHEME, createAppProtocolHandler, registerAppScheme, resolveAppFile, serveAppProtocol } from './app-protocol';

const PAGE = '<!doctype html><title>Rigmark</title>';
const SCRIPT = 'console.log("app");';

/**
 * A built renderer folder (`root/renderer`) with a secret next to it (`root/secret.txt`) and one above the temp
 * dir's parent reachable only by traversal, as a page or an injected script would try.
 */
describe('rigmark:// protocol handler (real files in a temp dir)', () => {
  let temp: { dir: string; cleanup: () => void };
  let rendererDir: string;
  let fetchApp: (url: string, init?: RequestInit) => Promise<Response>;

  beforeEach(() => {
    temp = makeTempDir('rigmark-protocol-');
    rendererDir = join(temp.dir, 'renderer');
    mkdirSync(join(rendererDir, 'assets'), { recursive: true });
    writeFileSync(join(rendererDir, 'index.html'), PAGE);
    writeFileSync(join(rendererDir, 'assets', 'index-3f2a.js'), SCRIPT);
    writeFileSync(join(rendererDir, 'assets', 'index-3f2a.css'), 'body{}');
    writeFileSync(join(rendererDir, 'assets', 'blob.xyz'), 'bytes');
    writeFileSync(join(temp.dir, 'secret.txt'), 'SECRET');
    symlinkSync(join(temp.dir, 'secret.txt'), join(rendererDir, 'link.txt'));
    const handler = createAppProtocolHandler(rendererDir);
    fetchApp = (url, init) => handler(new Request(url, init));
  });
  afterEach(() => temp.cleanup());

  it('serves the page with its content type, the strict CSP and nosniff', async () => {
    const response = await fetchApp(APP_PAGE_URL);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(PAGE);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves index.html for the origin root, and assets with their MIME types', async () => {
    expect(await (await fetchApp('rigmark://app/')).text()).toBe(PAGE);
    const script = await fetchApp('rigmark://app/assets/index-3f2a.js?v=1#x');
    expect([script.status, script.headers.get('content-type'), await script.text()]).toEqual([200, 'text/javascript; charset=utf-8', SCRIPT]);
    expect((await fetchApp('rigmark://app/assets/index-3f2a.css')).headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect((await fetchApp('rigmark://app/assets/blob.xyz')).headers.get('content-type')).toBe('application/octet-stream');
    expect((await fetchApp('rigmark://app/assets%2Findex-3f2a.js')).status).toBe(200);
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await fetchApp(APP_PAGE_URL, { method: 'HEAD' });
    expect([head.status, await head.text()]).toEqual([200, '']);
    const post = await fetchApp(APP_PAGE_URL, { method: 'POST', body: 'x' });
    expect([post.status, post.headers.get('allow')]).toEqual([405, 'GET, HEAD']);
  });

  it('answers 404 to every way out of the renderer folder', async () => {
    const attempts = [
      'rigmark://app/..%2fsecret.txt',
      'rigmark://app/assets/..%2f..%2fsecret.txt',
      'rigmark://app/%2e%2e%2fsecret.txt',
      'rigmark://app/..%5csecret.txt',
      `rigmark://app/${encodeURIComponent(join(temp.dir, 'secret.txt'))}`,
      `rigmark://app/${join(temp.dir, 'secret.txt')}`,
      `rigmark://app//${join(temp.dir, 'secret.txt')}`,
      'rigmark://app/%2Fetc%2Fpasswd',
      'rigmark://app/C:%2FWindows%2Fwin.ini',
      'rigmark://app/link.txt',
    ];
    for (const url of attempts) {
      const response = await fetchApp(url);
      expect(response.status, url).toBe(404);
      expect(await response.text(), url).not.toContain('SECRET');
    }
  });

  it('answers 404 to encoded NULs, malformed escapes, unknown files, folders, and other hosts or schemes', async () => {
    for (const url of [
      'rigmark://app/index.html%00.js',
      'rigmark://app/%E0%A4%A',
      'rigmark://app/missing.js',
      'rigmark://app/assets',
      'rigmark://app/assets/',
      'rigmark://other/index.html',
      'file:///etc/passwd',
    ]) {
      expect((await fetchApp(url)).status, url).toBe(404);
    }
  });

  it('maps URLs to files strictly inside the folder', () => {
    expect(resolveAppFile(rendererDir, 'rigmark://app/assets/index-3f2a.js')).toBe(join(rendererDir, 'assets', 'index-3f2a.js'));
    expect(resolveAppFile(rendererDir, 'rigmark://app/..%2fsecret.txt')).toBeNull();
    expect(resolveAppFile(rendererDir, 'rigmark://app/a%00b')).toBeNull();
  });
});

describe('rigmark:// registration (stand-in protocol)', () => {
  beforeEach(() => protocol.reset());

  it('registers the scheme as standard, secure and fetch-capable, and nothing more, before ready', () => {
    registerAppScheme(asElectron<Protocol>(protocol));
    expect(protocol.privilegedSchemes).toEqual([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  });

  it('serves the given folder once handled', async () => {
    const temp = makeTempDir('rigmark-protocol-');
    try {
      writeFileSync(join(temp.dir, 'index.html'), PAGE);
      serveAppProtocol(asElectron<Protocol>(protocol), temp.dir);
      expect(protocol.isProtocolHandled(APP_SCHEME)).toBe(true);
      expect(await (await protocol.simulateRequest(APP_PAGE_URL)).text()).toBe(PAGE);
    } finally {
      temp.cleanup();
    }
  });

  it('is refused after ready, as Electron refuses it (so the main entry must register it first)', async () => {
    await app.whenReady();
    try {
      expect(() => registerAppScheme(asElectron<Protocol>(protocol))).toThrow(/before app is ready/);
    } finally {
      app.isReadyNow = false;
    }
  });
});
