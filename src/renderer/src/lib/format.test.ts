import { describe, expect, it } from 'vitest';
import { formatDuration, formatMiB, formatNumber, formatPercent, formatValue } from './format';

describe('format', () => {
  it('shows measured numbers with precision that shrinks as they grow', () => {
    expect(['12345.6', '123.45', '12.345', '0.012345', '0'].map((v) => formatNumber(Number(v)))).toEqual(['12,346', '123.5', '12.35', '0.0123', '0']);
    expect(formatNumber(null)).toBe('—');
    expect(formatNumber(Number.NaN)).toBe('—');
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
});
