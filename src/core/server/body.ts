import type { IncomingMessage } from 'node:http';

/** Why a body could not be read. */
export type BodyError = { kind: 'too-large' } | { kind: 'aborted' };

/**
 * Reads a request body as UTF-8, refusing more than `limitBytes`. A declared `Content-Length` over the limit is
 * refused before reading a byte; a chunked body is cut off as soon as it crosses the limit, so a client cannot
 * make the server buffer an unbounded amount.
 */
export function readBody(req: IncomingMessage, limitBytes: number): Promise<{ ok: true; text: string } | { ok: false; error: BodyError }> {
  return new Promise((resolve) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limitBytes) {
      resolve({ ok: false, error: { kind: 'too-large' } });
      return;
    }
    const chunks: Buffer[] = [];
    let received = 0;
    let isDone = false;
    const finish = (result: { ok: true; text: string } | { ok: false; error: BodyError }): void => {
      if (isDone) return;
      isDone = true;
      resolve(result);
    };
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > limitBytes) {
        chunks.length = 0;
        finish({ ok: false, error: { kind: 'too-large' } });
        return;
      }
      if (!isDone) chunks.push(chunk);
    });
    req.on('end', () => finish({ ok: true, text: Buffer.concat(chunks).toString('utf8') }));
    req.on('error', () => finish({ ok: false, error: { kind: 'aborted' } }));
    req.on('close', () => finish({ ok: false, error: { kind: 'aborted' } }));
  });
}
