/**
 * The app's Content-Security-Policy, one string for the web-mode server (response header), the Electron session
 * (header) and the page's meta tag (which must equal it minus `frame-ancestors`, a directive meta tags cannot
 * carry). Why each part:
 * - `script-src 'self'`: no inline or remote script, so injected markup cannot run code;
 * - `style-src 'unsafe-inline'`: React `style` props and ECharts set inline styles, which cannot run code;
 * - `img-src data:`: ECharts exports charts as data: URLs;
 * - `connect-src 'self'`: the app is offline; only its own origin (web mode's API) is reachable from the page;
 * - `object-src`, `base-uri`, `frame-ancestors`, `form-action` closed: no plugins, no base hijack, no framing
 *   (clickjacking of the web-mode page), no form posts anywhere.
 */
export const CONTENT_SECURITY_POLICY = /* @__PURE__ */ cspString(false);

/**
 * The policy under a Vite dev server only (`npm run dev`): React Fast Refresh injects one inline module script and
 * HMR talks over a loopback WebSocket. Never sent by a built app or by `rigmark serve`.
 */
export const DEV_CONTENT_SECURITY_POLICY = /* @__PURE__ */ cspString(true);

function cspString(isDev: boolean): string {
  return [
    "default-src 'self'",
    isDev ? "script-src 'self' 'unsafe-inline'" : "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    isDev ? "connect-src 'self' ws://localhost:* ws://127.0.0.1:*" : "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * The same policies as a page's `<meta http-equiv="Content-Security-Policy">` carries them: `frame-ancestors` is
 * dropped because browsers ignore it in a meta tag (and warn); the header versions above still carry it.
 */
export function metaPolicy(policy: string): string {
  return policy
    .split('; ')
    .filter((directive) => !directive.startsWith('frame-ancestors'))
    .join('; ');
}
