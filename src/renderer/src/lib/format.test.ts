import { describe, expect, it } from 'vitest';
import { deltaTone, formatBytes, formatEnergy, formatPublished, formatDeltaPct, formatDuration, formatMiB, formatNumber, formatParameters, formatPercent, formatValue } from './format';

describe('format', () => {
  it('shows measured numbers with precision that shrinks as they grow', () => {
    expect(['12345.6', '123.45', '12.345', '0.012345', '0'].map((v) => formatNumber(Number(v)))).toEqual(['12,346', '123.5', '12.35', '0.0123', '0']);
    expect(formatNumber(null)).toBe('—');
    expect(formatNumber(Number.NaN)).toBe('—');
  });

  it('shows energy with the SI prefix that keeps it readable', () => {
    expect([12, 0.412, 2.09e-5, 2.09e-8, 0].map(formatEnergy)).toEqual(['12.00\u00a0J', '412.0\u00a0mJ', '20.90\u00a0µJ', '20.90\u00a0nJ', '0\u00a0J']);
    expect(formatEnergy(null)).toBe('—');
  });

  it('keeps a unit with its number and shows none for a missing value', () => {
    expect(formatValue(1234.5, 'MB/s')).toBe('1,235\u00a0MB/s');
    expect(formatValue(null, 'MB/s')).toBe('—');
  });

  it('shows fractions as percentages, durations and memory sizes in readable units', () => {
    expect(formatPercent(0.0213)).toBe('2.1\u00a0%');
    expect(formatDuration(850)).toBe('850\u00a0ms');
    expect(formatDuration(42_000)).toBe('42\u00a0s');
    expect(formatDuration(185_000)).toBe('3\u00a0min 05\u00a0s');
    expect(formatDuration(3_720_000)).toBe('1\u00a0h 02\u00a0min');
    expect(formatMiB(24_576)).toBe('24.0\u00a0GiB');
    expect(formatMiB(512)).toBe('512\u00a0MiB');
  });

  it('shows a comparison difference with its sign (a true minus) and calls a difference that rounds to zero even', () => {
    expect([17.0, -18.03, 286.666, 0.04, -0.04].map((v) => formatDeltaPct(v))).toEqual(['+17.0\u00a0%', '\u221218.0\u00a0%', '+286.7\u00a0%', '0.0\u00a0%', '0.0\u00a0%']);
    expect(formatDeltaPct(null)).toBe('—');
    expect([17, -18, 0.01, null].map((v) => deltaTone(v))).toEqual(['faster', 'slower', 'even', 'none']);
  });

  it('shows file sizes in decimal units and parameter counts in millions or billions', () => {
    expect([512, 2_097_152, 3_825_065_984].map(formatBytes)).toEqual(['512\u00a0B', '2.10\u00a0MB', '3.83\u00a0GB']);
    expect([6_738_415_616, 1_235_814_400, 180_000_000].map(formatParameters)).toEqual(['6.74\u00a0B', '1.24\u00a0B', '180\u00a0M']);
  });

  it('quotes a published figure at the precision it was published with', () => {
    expect([formatPublished(15, 's/image'), formatPublished(186.21, 'tokens/s'), formatPublished(2039, 'GB/s')]).toEqual(['15\u00a0s/image', '186.21\u00a0tokens/s', '2,039\u00a0GB/s']);
  });
});
