import { describe, expect, it } from 'vitest';
import { PerfLogCollector, perfTokensPerSec } from './perf-log';

/** What llama_perf_context_print logs, one line per call of node-llama-cpp's logger. */
const REPORT = [
  'llama_perf_context_print:        load time =     105.00 ms',
  'llama_perf_context_print: prompt eval time =    2731.20 ms /   512 tokens (    5.33 ms per token,   187.46 tokens per second)',
  'llama_perf_context_print:        eval time =       0.00 ms /     1 runs   (    0.00 ms per token,      inf tokens per second)',
  'llama_perf_context_print:       total time =    2800.00 ms /   513 tokens',
];

describe('PerfLogCollector', () => {
  it("reads llama.cpp's prompt and generation counters and resets after each take", () => {
    const collector = new PerfLogCollector();
    for (const line of REPORT) collector.onLog('info', line);
    expect(collector.take()).toEqual({ promptMs: 2731.2, promptTokens: 512, evalMs: 0, evalRuns: 1 });
    expect(collector.take()).toBeNull();
  });

  it('forwards other log lines and splits multi-line messages', () => {
    const forwarded: string[] = [];
    const collector = new PerfLogCollector((level, message) => forwarded.push(`${level}:${message}`));
    collector.onLog('warn', 'first\nsecond\n');
    collector.onLog('info', REPORT.join('\n'));
    expect(forwarded).toEqual(['warn:first', 'warn:second']);
    expect(collector.take()?.promptTokens).toBe(512);
  });

  it('returns null for an incomplete report', () => {
    const collector = new PerfLogCollector();
    collector.onLog('info', REPORT[1] ?? '');
    expect(collector.take()).toBeNull();
  });
});

describe('perfTokensPerSec', () => {
  it('turns counters into tokens per second for the phase measured', () => {
    const counters = { promptMs: 2000, promptTokens: 512, evalMs: 3200, evalRuns: 128 };
    expect(perfTokensPerSec(counters, 'prompt')).toBeCloseTo(256);
    expect(perfTokensPerSec(counters, 'generation')).toBeCloseTo(40);
    expect(perfTokensPerSec({ ...counters, evalRuns: 0 }, 'generation')).toBeNull();
  });
});
