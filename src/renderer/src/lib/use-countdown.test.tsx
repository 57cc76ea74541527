// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useCountdown } from './use-countdown';

function Shown({ etaMs, isRunning }: { etaMs: number | null; isRunning: boolean }) {
  const left = useCountdown(etaMs, isRunning);
  return <p>{left === null ? 'none' : `${Math.round(left / 1000)} s`}</p>;
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('useCountdown', () => {
  it('counts the last ETA down with real time, restarts from each new one, and never shows less than a second', () => {
    const { rerender } = render(<Shown etaMs={65_000} isRunning />);
    expect(screen.getByText('65 s')).toBeTruthy();
    act(() => vi.advanceTimersByTime(10_000));
    expect(screen.getByText('55 s')).toBeTruthy();
    rerender(<Shown etaMs={40_000} isRunning />);
    expect(screen.getByText('40 s')).toBeTruthy();
    act(() => vi.advanceTimersByTime(120_000));
    expect(screen.getByText('1 s')).toBeTruthy();
  });

  it('shows nothing without an ETA', () => {
    render(<Shown etaMs={null} isRunning={false} />);
    expect(screen.getByText('none')).toBeTruthy();
  });
});
