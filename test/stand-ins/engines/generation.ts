import { dropConnection, stallUntilAborted, type FaultOptions, type RouteContext } from './stand-in-http';
import type { GenerationStats, TokenSource } from './token-source';

/**
 * Runs one generation on `source`, handing each piece to `onPiece` (stream it, or collect it), and plays the
 * mid-generation faults: after half of `maxTokens`, `dropHalfway` destroys the socket and `stall` stops sending
 * while keeping it open. Returns null when the response was cut or the client left: the handler sends nothing more.
 */
export async function generateWithFaults(
  source: TokenSource,
  request: { prompt: string; maxTokens: number },
  ctx: RouteContext,
  fault: FaultOptions,
  onPiece: (piece: string) => Promise<void>,
): Promise<GenerationStats | null> {
  const half = Math.max(1, Math.floor(request.maxTokens / 2));
  let produced = 0;
  let isCut = false;
  const stats = await source.generate({
    prompt: request.prompt,
    maxTokens: request.maxTokens,
    signal: ctx.signal,
    onToken: async (piece) => {
      if (isCut) return;
      await onPiece(piece);
      produced += 1;
      if (produced < half) return;
      if (fault.fault === 'dropHalfway') {
        isCut = true;
        dropConnection(ctx.res);
      } else if (fault.fault === 'stall') {
        isCut = true;
        await stallUntilAborted(ctx.signal);
      }
    },
  });
  return isCut || ctx.signal.aborted ? null : stats;
}

/** Milliseconds → integer nanoseconds, as Ollama reports durations. */
export function toNs(ms: number): number {
  return Math.max(1, Math.round(ms * 1e6));
}
