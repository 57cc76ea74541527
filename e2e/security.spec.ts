import { CONTENT_SECURITY_POLICY, metaPolicy } from '../src/shared/api/csp';
import { HTTP_CALL_PREFIX, HTTP_EVENTS_PATH } from '../src/shared/api/transport';
import { expect, openApp, test } from './fixtures';

test('an API call without the token is refused with 401', async ({ request, rig }) => {
  const response = await request.post(`${rig.origin}${HTTP_CALL_PREFIX}runs:list`, { data: {} });
  expect(response.status()).toBe(401);
  expect(await response.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
  const wrong = await request.post(`${rig.origin}${HTTP_CALL_PREFIX}runs:list`, { data: {}, headers: { Authorization: 'Bearer nope' } });
  expect(wrong.status()).toBe(401);
  const events = await request.get(`${rig.origin}${HTTP_EVENTS_PATH}`);
  expect(events.status()).toBe(401);
});

test('an API call from a foreign Origin is refused with 403, even with the token', async ({ request, rig }) => {
  const response = await request.post(`${rig.origin}${HTTP_CALL_PREFIX}runs:list`, {
    data: {},
    headers: { Authorization: `Bearer ${rig.token}`, Origin: 'http://evil.example' },
  });
  expect(response.status()).toBe(403);
  expect(await response.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  const sameOrigin = await request.post(`${rig.origin}${HTTP_CALL_PREFIX}runs:list`, {
    data: {},
    headers: { Authorization: `Bearer ${rig.token}`, Origin: rig.origin },
  });
  expect(sameOrigin.status()).toBe(200);
});

test('the page is served with the app CSP, and its meta tag says the same', async ({ request, rig }) => {
  const response = await request.get(`${rig.origin}/`);
  expect(response.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(await response.text())?.[1];
  // A meta tag cannot carry frame-ancestors; everything else must match.
  expect(meta).toBe(metaPolicy(CONTENT_SECURITY_POLICY));
});

test('opened without the token, the page explains how to get in and calls nothing', async ({ page, rig }) => {
  const apiCalls: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/')) apiCalls.push(r.url());
  });
  await page.goto(`${rig.origin}/`);
  await expect(page.getByText('Rigmark needs its access token')).toBeVisible();
  expect(apiCalls).toEqual([]);
});

test('no request leaves 127.0.0.1 while every page is visited', async ({ page, rig }) => {
  // The offline guard fixture fails this (and every) test if any request goes elsewhere.
  await openApp(page, rig, '/machine');
  for (const name of ['Run', 'Results', 'History', 'Compare', 'Reference', 'Models', 'Settings', 'This machine']) {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  }
});
