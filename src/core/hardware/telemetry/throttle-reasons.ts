/**
 * NVIDIA clock event ("throttle") reasons, as `nvidia-smi --query-gpu=clocks_event_reasons.active` prints them:
 * a 64-bit hex mask such as `0x0000000000000004`. Bit values are NVML's `nvmlClocksEventReason*` constants
 * (nvml.h; `nvidia-smi --help-query-gpu` lists the same names).
 */
export const THROTTLE_REASON_BITS = [
  { bit: 0x1, name: 'gpu_idle' },
  { bit: 0x2, name: 'applications_clocks_setting' },
  { bit: 0x4, name: 'sw_power_cap' },
  { bit: 0x8, name: 'hw_slowdown' },
  { bit: 0x10, name: 'sync_boost' },
  { bit: 0x20, name: 'sw_thermal_slowdown' },
  { bit: 0x40, name: 'hw_thermal_slowdown' },
  { bit: 0x80, name: 'hw_power_brake_slowdown' },
  { bit: 0x100, name: 'display_clock_setting' },
] as const;

/** A reason name from {@link THROTTLE_REASON_BITS}, or `unknown_0x…` for a bit newer drivers may add. */
export type ThrottleReasonName = (typeof THROTTLE_REASON_BITS)[number]['name'] | `unknown_0x${string}`;

// Idle clocks and user-chosen application clocks are requested states, not the card holding itself back.
const NOT_THROTTLING = new Set<string>(['gpu_idle', 'applications_clocks_setting']);

/**
 * Parses the hex mask. Only the low 32 bits carry defined reasons, so the value fits a JS number exactly.
 * @returns null for `[N/A]`, `[Not Supported]`, empty or malformed text.
 */
export function parseThrottleMask(text: string | null | undefined): number | null {
  const m = text ? /^\s*0x([0-9a-f]{1,16})\s*$/i.exec(text) : null;
  if (!m?.[1]) return null;
  return Number(BigInt(`0x${m[1]}`) & 0xffffffffn);
}

/** Every reason whose bit is set, in bit order. */
export function decodeThrottleReasons(mask: number | null): ThrottleReasonName[] {
  if (mask === null || mask === 0) return [];
  const names: ThrottleReasonName[] = [];
  let known = 0;
  for (const { bit, name } of THROTTLE_REASON_BITS) {
    known |= bit;
    if (mask & bit) names.push(name);
  }
  // `>>> 0` keeps bit 31 positive; JS bitwise operators work on signed 32-bit integers.
  const unknown = (mask & ~known) >>> 0;
  for (let i = 0; i < 32; i++) {
    if ((unknown >>> i) & 1) names.push(`unknown_0x${(2 ** i).toString(16)}`);
  }
  return names;
}

/** True when a reason means the GPU ran below the clocks it would otherwise hold (not idle, not app clocks). */
export function isThrottlingReason(name: string): boolean {
  return !NOT_THROTTLING.has(name);
}

/** The reasons in a mask that count as throttling. */
export function throttlingReasons(mask: number | null): ThrottleReasonName[] {
  return decodeThrottleReasons(mask).filter(isThrottlingReason);
}
