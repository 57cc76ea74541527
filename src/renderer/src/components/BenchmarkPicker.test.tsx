// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { BenchmarkInfo } from '../../../shared/domain/benchmark';
import { BenchmarkPicker } from './BenchmarkPicker';

afterEach(cleanup);

const NO_ADAPTER = 'no WebGPU adapter: Dawn found none (tried vulkan, default)';
const HOW_TO = 'install a Vulkan/Metal/D3D12 driver for your GPU';
const SENTENCE = 'No graphics driver here offers a WebGPU device, which this GPU test needs.';
const HOW_TO_SENTENCE = 'Install a Vulkan/Metal/D3D12 driver for your GPU.';

function info(id: string, title: string, availability: BenchmarkInfo['availability']): BenchmarkInfo {
  return {
    id,
    title,
    description: '',
    category: 'gpu-compute',
    unit: 'GFLOP/s',
    higherIsBetter: true,
    defaultRepetitions: 5,
    timeoutMs: 120_000,
    suites: ['quick', 'full'],
    estimatedMs: 6_000,
    availability,
  };
}

const list = [
  info('gpu.matmul-fp16', 'GPU matmul FP16 (WebGPU)', { isAvailable: false, reason: NO_ADAPTER, howToEnable: HOW_TO }),
  info('gpu.matmul-fp32', 'GPU matmul FP32 (WebGPU)', { isAvailable: true }),
];

describe('BenchmarkPicker', () => {
  it('disables an unavailable benchmark and says why in words, visibly and as its description, the probe chain behind Details', () => {
    render(<BenchmarkPicker benchmarks={list} selected={new Set()} onToggle={() => undefined} />);
    const fp16 = screen.getByRole('checkbox', { name: /GPU matmul FP16/ }) as HTMLInputElement;
    expect(fp16.disabled).toBe(true);
    const description = document.getElementById(fp16.getAttribute('aria-describedby') ?? '');
    expect(description?.textContent).toContain(SENTENCE);
    expect(description?.textContent).toContain(`How to enable: ${HOW_TO_SENTENCE}`);
    expect(description?.textContent).not.toContain('Dawn');
    const details = fp16.closest('.picker-item')?.querySelector('details');
    expect(details?.querySelector('summary')?.textContent).toBe('Details');
    expect(details?.textContent).toContain(NO_ADAPTER);
    expect(fp16.closest('.picker-item')?.getAttribute('title')).toBe(`Cannot run here. ${SENTENCE} How to enable: ${HOW_TO_SENTENCE}`);
  });

  it('names each benchmark by its title, never by its id', () => {
    render(<BenchmarkPicker benchmarks={list} selected={new Set()} onToggle={() => undefined} />);
    const picker = document.querySelector('.picker');
    expect(picker?.querySelector('code')).toBeNull();
    for (const label of picker?.querySelectorAll('label') ?? []) expect(label.textContent).not.toMatch(/gpu\.matmul/);
  });

  it('lists what can run first and lets it be chosen', () => {
    const toggled: string[] = [];
    render(<BenchmarkPicker benchmarks={list} selected={new Set()} onToggle={(id) => toggled.push(id)} />);
    const boxes = screen.getAllByRole('checkbox') as HTMLInputElement[];
    expect(boxes.map((b) => b.id)).toEqual(['bench-gpu.matmul-fp32', 'bench-gpu.matmul-fp16']);
    const fp32 = boxes[0]!;
    expect(fp32.disabled).toBe(false);
    expect(fp32.hasAttribute('aria-describedby')).toBe(false);
    expect(fp32.closest('.picker-item')?.hasAttribute('title')).toBe(false);
    fireEvent.click(fp32);
    expect(toggled).toEqual(['gpu.matmul-fp32']);
  });
});
