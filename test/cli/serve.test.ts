import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../helpers/temp-dir';
import { startCli } from './run-cli';

const stops: (() => void)[] = [];
afterEach(() => stops.splice(0).forEach((s) => s()));

describe('rigmark serve (real process, real HTTP on loopback)', () => {
  // Needs the built UI (`npm run build`; `npm test` builds first): serve refuses to start without it.
  it('prints a token URL; the page answers 200, the API 401 without the token', async () => {
    const tmp = makeTempDir('rigmark-serve-');
    const child = startCli(['serve', '--port', '0'], { RIGMARK_DATA_DIR: tmp.dir });
    stops.push(() => child.kill('SIGTERM'), tmp.cleanup);
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout?.on('data', (c: Buffer) => {
        out += c.toString();
        const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(out);
        if (m?.[1]) resolve(m[1]);
      });
      child.on('exit', (code) => reject(new Error(`serve exited (${code}) before printing a URL: ${out}`)));
    });
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    const origin = new URL(url).origin;
    const noToken = await fetch(`${origin}/api/call/system:get`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(noToken.status).toBe(401);
    const token = new URL(url).searchParams.get('token')!;
    const withToken = await fetch(`${origin}/api/call/app:info`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: '{}' });
    expect(withToken.status).toBe(200);
    expect(((await withToken.json()) as { value: { mode: string } }).value.mode).toBe('web');
  });
});
