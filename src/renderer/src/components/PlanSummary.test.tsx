// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { PlannedInstance } from '../../../shared/domain/run';
import { PlanSummary } from './PlanSummary';

afterEach(cleanup);

const NO_ADAPTER = 'no WebGPU adapter: Dawn found none (tried vulkan, default)';
const HOW_TO = 'install a Vulkan/Metal/D3D12 driver for your GPU';
const SENTENCE = 'No graphics driver here offers a WebGPU device, which this GPU test needs.';
const HOW_TO_SENTENCE = 'Install a Vulkan/Metal/D3D12 driver for your GPU.';

function planned(resultId: number, benchmarkId: string, title: string, estimatedMs: number, unavailable?: { reason: string; howToEnable?: string }): PlannedInstance {
  return {
    resultId,
    benchmarkId,
    title,
    status: unavailable ? 'unavailable' : 'pending',
    reason: unavailable?.reason ?? null,
    howToEnable: unavailable?.howToEnable ?? null,
    estimatedMs,
  };
}

describe('PlanSummary', () => {
  it('counts and times only what will run; the GPU kernels without an adapter are apart with reason and how to enable', () => {
    render(
      <PlanSummary
        plan={[
          planned(-1, 'system.cpu', 'CPU throughput', 10_000),
          planned(-2, 'gpu.matmul-fp32', 'GPU matmul FP32 (WebGPU)', 6_000, { reason: NO_ADAPTER, howToEnable: HOW_TO }),
          planned(-3, 'system.memory', 'Memory bandwidth', 8_000),
          planned(-4, 'gpu.bandwidth', 'GPU memory bandwidth (WebGPU)', 5_000, { reason: NO_ADAPTER, howToEnable: HOW_TO }),
        ]}
      />,
    );
    // 10 s + 8 s: the unavailable kernels' 11 s are not in the estimate.
    expect(screen.getByText('18 s')).toBeTruthy();
    expect(screen.getByText(/2 benchmarks will run · 2 cannot run here \(listed apart\)/)).toBeTruthy();
    const willRun = screen.getByRole('list', { name: 'Benchmarks that will run' });
    expect(within(willRun).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['CPU throughput10\u00a0s', 'Memory bandwidth8\u00a0s']);
    const apart = screen.getByRole('region', { name: 'Cannot run on this machine (2)' });
    expect(within(apart).getByText('GPU matmul FP32 (WebGPU)')).toBeTruthy();
    expect(within(apart).getAllByText(SENTENCE)).toHaveLength(2);
    expect(within(apart).getAllByText(`How to enable: ${HOW_TO_SENTENCE}`)).toHaveLength(2);
    // The probe's own words stay one click away, behind Details.
    expect([...apart.querySelectorAll('details')].map((d) => d.textContent)).toEqual([`Details${NO_ADAPTER}`, `Details${NO_ADAPTER}`]);
    expect(within(apart).queryByText(/\d\s?s$/)).toBeNull();
  });

  it('takes how to enable from the benchmark list when the planned instance carries none', () => {
    const plan = [{ ...planned(-1, 'gpu.bandwidth', 'GPU memory bandwidth (WebGPU)', 0, { reason: NO_ADAPTER }), howToEnable: undefined }];
    render(<PlanSummary plan={plan} howToEnable={new Map([['gpu.bandwidth', HOW_TO]])} />);
    expect(screen.getByText('Nothing in this selection can run on this machine.')).toBeTruthy();
    expect(screen.queryByRole('list', { name: 'Benchmarks that will run' })).toBeNull();
    expect(screen.getByText(`How to enable: ${HOW_TO_SENTENCE}`)).toBeTruthy();
  });

  it('shows the one-time model generation as a step of the instance that does it, its time inside the estimate', () => {
    const generation = { model: 'synthetic:llama-3-8b-q4_k_m', displayName: 'Llama 3 8B Q4_K_M', bytes: 4.9e9, estimatedMs: 25_000 };
    render(<PlanSummary plan={[{ ...planned(-1, 'llamacpp.pp512', 'llama.cpp prompt processing (pp512)', 165_000), generation }]} />);
    const willRun = screen.getByRole('list', { name: 'Benchmarks that will run' });
    expect(within(willRun).getByText('first generates synthetic Llama 3 8B Q4_K_M, once (4.9 GB, about 25 s)')).toBeTruthy();
    expect(screen.getAllByText('2 min 45 s').length).toBeGreaterThan(0);
  });
});
