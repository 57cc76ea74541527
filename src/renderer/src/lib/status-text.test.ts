import { describe, expect, it } from 'vitest';
import { explainUnstable, spreadOf, statusMeaning } from './status-text';

describe('status words in plain language', () => {
  it('explains an unstable result by its run-to-run spread, the 3.5 % rule and what to do, without the abbreviation CV', () => {
    expect(explainUnstable(0.133, 6)).toBe(
      'The run-to-run spread of 13.3\u00a0% stayed above 3.5\u00a0% after 6 repetitions. Close other programs, plug in power if on battery, and run it again.',
    );
  });

  it('explains a result with fewer than 3 repetitions by the count, never by a spread it does not have', () => {
    expect(explainUnstable(0, 1)).toBe('Only 1 repetition was measured: a spread needs at least 3. Run it with 3 or more repetitions.');
    expect(explainUnstable(null, 2)).toBe('Only 2 repetitions were measured: a spread needs at least 3. Run it with 3 or more repetitions.');
  });

  it('falls back to core\'s reason when neither rule explains it (e.g. an imported result)', () => {
    expect(explainUnstable(0.01, 5, 'the time budget cut the repetitions')).toBe('The time budget cut the repetitions.');
  });

  it('computes the spread as core does: sample standard deviation over the mean', () => {
    expect(spreadOf([1000, 1200, 1400])).toBeCloseTo(200 / 1200, 10);
    expect(spreadOf([5])).toBeNull();
  });

  it('says what a failed run means apart from a failed benchmark', () => {
    expect(statusMeaning('failed', 'run')).toMatch(/^The run could not go on/);
    expect(statusMeaning('failed')).toMatch(/^The benchmark stopped with an error/);
  });
});
