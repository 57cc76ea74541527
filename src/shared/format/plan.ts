import type { ModelGeneration, PlannedInstance } from '../domain/run';

/**
 * The one-time generation step an instance starts with, in words: "first generates synthetic Llama 3 8B Q4_K_M,
 * once (4.9 GB, about 25 s)". `duration` is the caller's formatter (the CLI's and the renderer's differ).
 */
export function generationStepText(g: ModelGeneration, duration: (ms: number) => string): string {
  return `first generates synthetic ${g.displayName}, once (${(g.bytes / 1e9).toFixed(1)} GB, about ${duration(g.estimatedMs)})`;
}

/** Why an instance cannot run here, and how to enable it when known: "no WebGPU adapter: … — install a driver". */
export function unavailableText(i: Pick<PlannedInstance, 'reason' | 'howToEnable'>): string {
  return [i.reason ?? 'cannot run here', i.howToEnable].filter(Boolean).join(' — ');
}
