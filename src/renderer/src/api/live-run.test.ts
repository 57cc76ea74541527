import { describe, expect, it } from 'vitest';
import type { ApiEvent } from '../../../shared/api/contract';
import { runDetail, sample } from '../test/fixtures';
import { initialLiveState, liveReducer, runCounts, shownFraction } from './live-run';
import type { LiveState } from './live-run';

const started: ApiEvent = {
  type: 'run-started',
  runId: 1,
  instances: [
    { resultId: 10, benchmarkId: 'system.cpu', title: 'CPU', status: 'pending', reason: null, estimatedMs: 1000 },
    { resultId: 11, benchmarkId: 'system.memory', title: 'Memory', status: 'pending', reason: null, estimatedMs: 1000 },
  ],
};

function apply(events: ApiEvent[], state: LiveState = initialLiveState): LiveState {
  return events.reduce((s, event) => liveReducer(s, { type: 'event', event }), state);
}

describe('live run reducer', () => {
  it('follows a new run and merges progress, samples and results into its instances', () => {
    const state = apply([
      started,
      { type: 'progress', runId: 1, resultId: 10, benchmarkId: 'system.cpu', phase: 'warm-up', fraction: 0.2, overallFraction: 0.1, etaMs: 9000 },
      { type: 'sample', runId: 1, resultId: 10, benchmarkId: 'system.cpu', sample: sample(1, 5) },
      { type: 'sample', runId: 1, resultId: 10, benchmarkId: 'system.cpu', sample: sample(0, 4, true) },
      { type: 'instance-finished', runId: 1, resultId: 10, benchmarkId: 'system.cpu', status: 'passed', median: 5, unit: 'MB/s', reason: null },
    ]);
    expect(state.focusRunId).toBe(1);
    const run = state.runs[1];
    expect(run?.overallFraction).toBe(0.1);
    expect(run?.etaMs).toBe(9000);
    expect(run?.instances[0]).toMatchObject({ status: 'passed', median: 5, unit: 'MB/s', fraction: 1, phase: null });
    expect(run?.instances[0]?.samples.map((s) => s.index)).toEqual([0, 1]);
    expect(run?.instances[1]?.status).toBe('pending');
  });

  it('ignores a sample it already has (seeded from the store, then sent live)', () => {
    const state = apply([started, ...[1, 1].map((): ApiEvent => ({ type: 'sample', runId: 1, resultId: 10, benchmarkId: 'system.cpu', sample: sample(1, 5) }))]);
    expect(state.runs[1]?.instances[0]?.samples).toHaveLength(1);
  });

  it('marks instances never reached as cancelled when the run is cancelled, and counts finished runs', () => {
    const state = apply([started, { type: 'run-finished', runId: 1, status: 'cancelled' }]);
    expect(state.runs[1]?.instances.map((i) => i.status)).toEqual(['cancelled', 'cancelled']);
    expect(state.runs[1]?.etaMs).toBeNull();
    expect(state.finishedRunCount).toBe(1);
  });

  it('clamps fractions and creates a placeholder for an instance it never heard of', () => {
    const state = apply([{ type: 'progress', runId: 2, resultId: 20, benchmarkId: 'gpu.bandwidth', phase: 'run', fraction: 1.7, overallFraction: -1, etaMs: null }]);
    expect(state.runs[2]?.instances[0]).toMatchObject({ title: 'gpu.bandwidth', status: 'running', fraction: 1 });
    expect(state.runs[2]?.overallFraction).toBe(0);
  });

  it('leaves run state alone for model generation events', () => {
    const before = apply([started]);
    expect(apply([{ type: 'model-progress', name: 'llama-3.2-1b', fraction: 0.5 }], before)).toBe(before);
  });

  it('seeds a run from its stored detail (window reloaded mid-run)', () => {
    const state = liveReducer(initialLiveState, { type: 'seed', detail: runDetail });
    const run = state.runs[7];
    expect(run?.instances.map((i) => i.status)).toEqual(['unstable', 'failed', 'unavailable']);
    expect(run?.instances[0]?.samples).toHaveLength(4);
    expect(run?.overallFraction).toBe(1);
  });

  it('counts only benchmarks that run: an unavailable one is neither done nor part of the total', () => {
    const unavailable = { resultId: 12, benchmarkId: 'gpu.webgpu', title: 'WebGPU', status: 'unavailable' as const, reason: 'no adapter', estimatedMs: 0, howToEnable: 'Install a Vulkan driver' };
    const state = apply([{ type: 'run-started', runId: 1, instances: [...(started.type === 'run-started' ? started.instances : []), unavailable] }]);
    const run = state.runs[1];
    const counts = runCounts(run?.instances ?? []);
    expect([counts.done, counts.total]).toEqual([0, 2]);
    expect(counts.unavailable.map((i) => [i.title, i.reason, i.howToEnable])).toEqual([['WebGPU', 'no adapter', 'Install a Vulkan driver']]);
  });

  it('seeds the overall fraction over measured benchmarks only (a reload mid-run does not count unavailable ones as done)', () => {
    const running = {
      ...runDetail,
      run: { ...runDetail.run, status: 'running' as const, finishedAt: null },
      results: runDetail.results.map((r) => (r.status === 'unstable' ? { ...r, status: 'running' as const } : r)),
    };
    // Left: CPU running, disk failed (done), Ollama unavailable (not work): one of two measured benchmarks done.
    expect(liveReducer(initialLiveState, { type: 'seed', detail: running }).runs[7]?.overallFraction).toBe(0.5);
  });

  it('holds the shown fraction at 99 % while the run goes on, and shows 100 % once it has finished', () => {
    const state = apply([started, { type: 'progress', runId: 1, resultId: 11, benchmarkId: 'system.memory', phase: 'measuring', fraction: 1, overallFraction: 1, etaMs: 0 }]);
    const running = state.runs[1];
    if (running === undefined) throw new Error('no run');
    expect(shownFraction(running)).toBe(0.99);
    const finished = apply([{ type: 'run-finished', runId: 1, status: 'completed' }], state).runs[1];
    expect(finished === undefined ? null : shownFraction(finished)).toBe(1);
  });
});
