/**
 * Test helpers for the web-server suites: raw HTTP on loopback with full control of Host, Origin and body framing
 * (fetch would refuse to set Host).
 */
import { request } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface RawRequest {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Send the body in chunks without Content-Length (chunked encoding). */
  isChunked?: boolean;
  /** Leave the Host header out entirely. */
  omitHost?: boolean;
}

/** One request to 127.0.0.1:`port`; resolves with the whole answer, or `status: 0` when the socket was cut. */
export function send(port: number, options: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.body !== undefined && !options.isChunked) headers['content-length'] = String(Buffer.byteLength(options.body));
    const req = request(
      // agent: false — a fresh connection per request, so no pooled socket outlives a server under test.
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers, setHost: !options.omitHost, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ECONNRESET' || error.code === 'EPIPE') resolve({ status: 0, headers: {}, body: '' });
      else reject(error);
    });
    if (options.body !== undefined && options.isChunked) {
      const body = Buffer.from(options.body);
      for (let offset = 0; offset < body.length; offset += 64 * 1024) req.write(body.subarray(offset, offset + 64 * 1024));
    } else if (options.body !== undefined) {
      req.write(options.body);
    }
    req.end();
  });
}

/** Opens an SSE stream and collects its text until `until(text)` holds; resolves with the text so far. */
export function readStream(port: number, path: string, until: (text: string) => boolean, onOpen?: () => void): Promise<{ text: string; close: () => void; ended: Promise<void> }> {
  return new Promise((resolve, reject) => {
    let text = '';
    let isResolved = false;
    let endedResolve: () => void = () => undefined;
    const ended = new Promise<void>((r) => (endedResolve = r));
    const req = request({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      if (res.statusCode !== 200) reject(new Error(`status ${res.statusCode}`));
      res.setEncoding('utf8');
      onOpen?.();
      res.on('data', (chunk: string) => {
        text += chunk;
        if (!isResolved && until(text)) {
          isResolved = true;
          resolve({ text, close: () => req.destroy(), ended });
        }
      });
      res.on('end', endedResolve);
      res.on('close', endedResolve);
    });
    req.on('error', reject);
    req.end();
  });
}
