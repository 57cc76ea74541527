import { describe, expect, it } from 'vitest';
import type { ResolvedConfig } from 'vite';
import config, { contentSecurityPolicy } from '../electron.vite.config';
import { CONTENT_SECURITY_POLICY, DEV_CONTENT_SECURITY_POLICY, metaPolicy } from '../src/shared/api/csp';

type HtmlHook = { handler: (html: string) => string };

function transform(command: 'build' | 'serve', html: string): string {
  const plugin = contentSecurityPolicy();
  (plugin.configResolved as (c: Pick<ResolvedConfig, 'command'>) => void)({ command });
  return (plugin.transformIndexHtml as HtmlHook).handler(html);
}

describe('electron.vite.config', () => {
  it('builds main as ESM with the worker entry, and the preload as CommonJS (sandboxed preloads need it)', () => {
    const main = config.main?.build?.rolldownOptions;
    const preload = config.preload?.build?.rolldownOptions;
    expect(Object.keys(main?.input as Record<string, string>)).toEqual(['index', 'worker-entry']);
    expect(main?.output).toMatchObject({ format: 'es' });
    expect(preload?.output).toMatchObject({ format: 'cjs', entryFileNames: '[name].cjs' });
  });

  it('builds the renderer with relative asset URLs, for file:// and web mode alike', () => {
    expect(config.renderer?.base).toBe('./');
  });

  it('writes the strict CSP into the built page, replacing or adding the meta tag', () => {
    const strict = `content="${metaPolicy(CONTENT_SECURITY_POLICY)}"`;
    expect(transform('build', `<head><meta http-equiv="Content-Security-Policy" content="default-src *"></head>`)).toContain(strict);
    expect(transform('build', '<html><head><title>x</title></head>')).toContain(strict);
    expect(metaPolicy(CONTENT_SECURITY_POLICY)).not.toContain('frame-ancestors');
  });

  it('relaxes the policy only for the dev server', () => {
    expect(transform('serve', '<head></head>')).toContain(`content="${metaPolicy(DEV_CONTENT_SECURITY_POLICY)}"`);
  });
});
