import { describe, expect, it } from 'vitest';
import type { Session, WebContents } from 'electron';
import { asElectron, standIn } from '../../test/stand-ins/electron';
import { CONTENT_SECURITY_POLICY, DEV_CONTENT_SECURITY_POLICY } from '../shared/api/csp';
import type { RendererEntry } from './app-paths';
import { createAppUrlPolicy, createRequestPolicy, hardenSession, hardenWebContents } from './security';

const APP_URL = 'rigmark://app/index.html';
const APP_ENTRY: RendererEntry = { kind: 'app', rootDir: '/opt/Rigmark/resources/app.asar/out/renderer', url: APP_URL };
const DEV_ENTRY: RendererEntry = { kind: 'dev', url: 'http://localhost:5173' };
// Where the built page used to be loaded from: now refused like any other file.
const BUILT_FILE_URL = 'file:///opt/Rigmark/resources/app.asar/out/renderer/index.html';

describe('createAppUrlPolicy', () => {
  it('accepts rigmark://app/index.html with any hash or query, and no file:// URL at all', () => {
    const isAppUrl = createAppUrlPolicy(APP_ENTRY);
    expect(isAppUrl(APP_URL)).toBe(true);
    expect(isAppUrl(`${APP_URL}#/runs/3`)).toBe(true);
    expect(isAppUrl(`${APP_URL}?x=1`)).toBe(true);
    expect(isAppUrl(BUILT_FILE_URL)).toBe(false);
    expect(isAppUrl('file:///etc/passwd')).toBe(false);
    expect(isAppUrl('rigmark://app/other.html')).toBe(false);
    expect(isAppUrl('rigmark://evil/index.html')).toBe(false);
    expect(isAppUrl('https://example.com/')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });

  it('accepts only the dev server origin under npm run dev', () => {
    const isAppUrl = createAppUrlPolicy(DEV_ENTRY);
    expect(isAppUrl('http://localhost:5173/#/settings')).toBe(true);
    expect(isAppUrl('http://localhost:5174/')).toBe(false);
    expect(isAppUrl('http://evil.localhost:5173/')).toBe(false);
  });
});

describe('hardenWebContents', () => {
  const harden = (): InstanceType<typeof standIn.FakeWebContents> => {
    const contents = new standIn.FakeWebContents(new standIn.FakeSession());
    hardenWebContents(asElectron<WebContents>(contents), createAppUrlPolicy(APP_ENTRY));
    return contents;
  };

  it('prevents navigation and redirects to a foreign URL in any frame', () => {
    const contents = harden();
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect'] as const) {
      expect(contents.simulateNavigation('https://evil.example/phish', event), event).toBe(true);
      expect(contents.simulateNavigation('file:///home/user/.ssh/id_rsa', event), event).toBe(true);
      expect(contents.simulateNavigation(BUILT_FILE_URL, event), event).toBe(true);
    }
  });

  it('lets the page navigate within itself', () => {
    expect(harden().simulateNavigation(`${APP_URL}#/compare`)).toBe(false);
  });

  it('denies window.open whatever the URL', () => {
    const contents = harden();
    expect(contents.simulateWindowOpen('https://evil.example/')).toBe('deny');
    expect(contents.simulateWindowOpen(APP_URL)).toBe('deny');
  });

  it('refuses to attach a <webview>', () => {
    const contents = harden();
    const event = { defaultPrevented: false, preventDefault: () => void (event.defaultPrevented = true) };
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.defaultPrevented).toBe(true);
  });
});

describe('hardenSession', () => {
  const harden = (entry: RendererEntry): InstanceType<typeof standIn.FakeSession> => {
    const ses = new standIn.FakeSession();
    hardenSession(asElectron<Session>(ses), entry);
    return ses;
  };

  it('denies every permission request and check', async () => {
    const ses = harden(APP_ENTRY);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'hid', 'openExternal']) {
      expect(await ses.simulatePermissionRequest(permission), permission).toBe(false);
    }
    const check = ses.permissionCheckHandler as () => boolean;
    const device = ses.devicePermissionHandler as () => boolean;
    expect([check(), device()]).toEqual([false, false]);
  });

  it('replaces any CSP header with the strict policy (the dev policy under the dev server)', () => {
    for (const [entry, expected] of [[APP_ENTRY, CONTENT_SECURITY_POLICY], [DEV_ENTRY, DEV_CONTENT_SECURITY_POLICY]] as const) {
      const listener = harden(entry).webRequest.headersReceived as (d: object, cb: (r: { responseHeaders: Record<string, string[]> }) => void) => void;
      let headers: Record<string, string[]> = {};
      listener({ url: 'http://localhost:5173/', responseHeaders: { 'content-security-policy': ['default-src *'], 'X-Other': ['1'] } }, (r) => (headers = r.responseHeaders));
      expect(headers).toEqual({ 'X-Other': ['1'], 'Content-Security-Policy': [expected] });
    }
  });

  it('cancels requests that leave the app\'s origin: the network, and any file: URL (offline, and no disk reads)', () => {
    const cancels = (entry: RendererEntry, url: string): boolean => {
      const listener = harden(entry).webRequest.beforeRequest as (d: { url: string }, cb: (r: { cancel: boolean }) => void) => void;
      let cancel = false;
      listener({ url }, (r) => (cancel = r.cancel));
      return cancel;
    };
    expect(cancels(APP_ENTRY, APP_URL)).toBe(false);
    expect(cancels(APP_ENTRY, 'rigmark://app/assets/index-3f2a.js')).toBe(false);
    expect(cancels(APP_ENTRY, 'rigmark://other/x.js')).toBe(true);
    expect(cancels(APP_ENTRY, BUILT_FILE_URL)).toBe(true);
    expect(cancels(APP_ENTRY, 'file:///etc/passwd')).toBe(true);
    expect(cancels(APP_ENTRY, 'https://telemetry.example/collect')).toBe(true);
    expect(cancels(APP_ENTRY, 'http://127.0.0.1:11434/api/tags')).toBe(true);
    expect(cancels(DEV_ENTRY, 'http://localhost:5173/src/main.tsx')).toBe(false);
    expect(cancels(DEV_ENTRY, 'ws://localhost:5173/')).toBe(false);
    expect(cancels(DEV_ENTRY, 'http://localhost:8080/')).toBe(true);
    expect(cancels(DEV_ENTRY, 'file:///etc/passwd')).toBe(true);
  });

  it('exposes the same decision as createRequestPolicy', () => {
    expect(createRequestPolicy(APP_ENTRY)('data:image/png;base64,AAAA')).toBe(true);
  });
});
