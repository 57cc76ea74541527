import { describe, expect, it } from 'vitest';
import { canonicalJson, hashSnapshot } from './snapshot-hash';
import { rtx4090Snapshot } from '../../../test/fixtures/hardware/snapshots';

describe('hashSnapshot', () => {
  it('is a sha256 hex digest that ignores when it was taken, free memory and the current power source', () => {
    const a = rtx4090Snapshot();
    const b = rtx4090Snapshot({
      capturedAt: '2027-06-01T00:00:00.000Z',
      memory: { totalMiB: 65536, availableMiB: 1024 },
      power: { hasBattery: false, isOnBattery: null },
    });
    expect(hashSnapshot(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashSnapshot(b)).toBe(hashSnapshot(a));
  });

  it('does not depend on the order keys were built in', () => {
    const a = rtx4090Snapshot();
    const reordered = Object.fromEntries(Object.entries(a).reverse()) as typeof a;
    reordered.os = { arch: 'x64', kernel: '6.8.0-45-generic', release: '24.04', distro: 'Ubuntu', platform: 'linux' };
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(a));
    expect(hashSnapshot(reordered)).toBe(hashSnapshot(a));
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: undefined } })).toBe('{"a":{"d":[2,{"e":0,"f":1}]},"b":1}');
  });

  it('changes when the hardware, driver, total memory or Rigmark version changes', () => {
    const base = hashSnapshot(rtx4090Snapshot());
    const [gpu] = rtx4090Snapshot().gpus;
    if (!gpu) throw new Error('fixture has a GPU');
    const variants = [
      rtx4090Snapshot({ gpus: [{ ...gpu, driver: '560.35.03' }] }),
      rtx4090Snapshot({ gpus: [] }),
      rtx4090Snapshot({ memory: { totalMiB: 131072, availableMiB: 51200 } }),
      rtx4090Snapshot({ runtime: { node: '22.11.0', electron: null, rigmark: '0.2.0' } }),
      rtx4090Snapshot({ power: { hasBattery: true, isOnBattery: false } }),
    ];
    const hashes = variants.map(hashSnapshot);
    expect(new Set([base, ...hashes]).size).toBe(variants.length + 1);
  });
});
