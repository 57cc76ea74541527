import type { AvailabilityContext } from '../../src/core/bench/definition';
import type { SystemSnapshot } from '../../src/shared/domain/system';

/** An availability context for engine adapters, which read only settings and params (no snapshot needed). */
export function engineAvailabilityContext(settings: Record<string, unknown>, params: Record<string, unknown> = {}): AvailabilityContext {
  return { snapshot: {} as SystemSnapshot, dataDir: '/tmp', settings, params };
}
