import { describe, expect, it } from 'vitest';
import { decodeThrottleReasons, isThrottlingReason, parseThrottleMask, throttlingReasons } from './throttle-reasons';

describe('throttle reasons', () => {
  it('parses the 64-bit hex mask nvidia-smi prints', () => {
    expect(parseThrottleMask('0x0000000000000004')).toBe(4);
    expect(parseThrottleMask('0x0000000000000124')).toBe(0x124);
    expect(parseThrottleMask('[N/A]')).toBeNull();
    expect(parseThrottleMask('[Not Supported]')).toBeNull();
    expect(parseThrottleMask(null)).toBeNull();
  });

  it('decodes every documented bit by name', () => {
    expect(decodeThrottleReasons(0x1ff)).toEqual([
      'gpu_idle',
      'applications_clocks_setting',
      'sw_power_cap',
      'hw_slowdown',
      'sync_boost',
      'sw_thermal_slowdown',
      'hw_thermal_slowdown',
      'hw_power_brake_slowdown',
      'display_clock_setting',
    ]);
    expect(decodeThrottleReasons(0)).toEqual([]);
    expect(decodeThrottleReasons(null)).toEqual([]);
  });

  it('names bits newer drivers may add instead of dropping them, up to bit 31', () => {
    expect(decodeThrottleReasons(0x204)).toEqual(['sw_power_cap', 'unknown_0x200']);
    expect(decodeThrottleReasons(parseThrottleMask('0x0000000080000000'))).toEqual(['unknown_0x80000000']);
  });

  it('does not count idle clocks or application clocks as throttling', () => {
    expect(isThrottlingReason('gpu_idle')).toBe(false);
    expect(isThrottlingReason('applications_clocks_setting')).toBe(false);
    expect(throttlingReasons(0x3)).toEqual([]);
    expect(throttlingReasons(0x45)).toEqual(['sw_power_cap', 'hw_thermal_slowdown']);
  });
});
