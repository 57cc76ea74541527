// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PhysicalLimitNote } from './PhysicalLimitNote';

describe('PhysicalLimitNote', () => {
  it('shows the share of the card\'s limit with the formula and the spec source as text', () => {
    render(
      <PhysicalLimitNote
        unit="tokens/s"
        limit={{ kind: 'memory-bandwidth', limit: 250, pctOfLimit: 72, reason: null, formula: 'bandwidth ÷ bytes per token', cardKey: 'rtx-4090', specSource: 'NVIDIA spec (https://example.invalid/spec)' }}
      />,
    );
    expect(screen.getByText(/72(\.0+)? %/)).toBeTruthy();
    expect(screen.getByText(/memory-bandwidth limit/)).toBeTruthy();
    expect(screen.getByText(/Spec: NVIDIA spec/)).toBeTruthy();
  });

  it('says why when there is no limit', () => {
    render(<PhysicalLimitNote unit="GB/s" limit={{ kind: 'peak-compute', limit: null, pctOfLimit: null, reason: 'peak TFLOPS unknown', formula: 'f', cardKey: 'x', specSource: '' }} />);
    expect(screen.getByText(/No physical limit for this card: peak TFLOPS unknown/)).toBeTruthy();
  });
});
