import { describe, expect, it } from 'vitest';
import {
  asSentence,
  availabilityReasonText,
  backendText,
  errorMessageText,
  gpuReasonText,
  howToEnableText,
  unquoteCode,
  webgpuReasonText,
  withBenchmarkTitles,
} from './diagnostic-text';

// The raw strings below are core's own wording (src/core/hardware/gpu-probes.ts, probe-gpus.ts, vulkan.ts,
// src/core/bench/families/gpu/definitions.ts, dawn.ts, ollama and serving availability), as a detection writes them.
const NO_GPU_LINUX =
  'no GPU found: nvidia-smi not installed, rocm-smi not installed, systeminformation reported no display controller with dedicated memory';

describe('gpuReasonText', () => {
  it('says in one sentence that no GPU was found and that the CPU is measured, keeping the whole chain as the detail', () => {
    expect(gpuReasonText(NO_GPU_LINUX)).toEqual({ sentence: 'No NVIDIA, AMD or Apple GPU was found, so Rigmark measures the CPU.', detail: NO_GPU_LINUX });
  });

  it('tells a driver tool that failed, a driver that lists no GPU and a virtual adapter apart', () => {
    expect(gpuReasonText('no GPU found: nvidia-smi failed (exit code 9: NVIDIA-SMI has failed), rocm-smi not installed').sentence).toBe(
      "The NVIDIA GPU driver's tool did not answer, so Rigmark measures the CPU. Reinstalling or updating the driver usually fixes this.",
    );
    expect(gpuReasonText('no GPU found: nvidia-smi not installed, rocm-smi listed no GPU').sentence).toBe(
      'The AMD driver is installed but reports no GPU, so Rigmark measures the CPU.',
    );
    const virtual = 'no GPU found: nvidia-smi not installed, systeminformation reported only virtual or basic display adapters (VMware SVGA II)';
    expect(gpuReasonText(virtual)).toEqual({
      sentence: 'Only a virtual or basic display adapter was found (as in a virtual machine), so Rigmark measures the CPU.',
      detail: virtual,
    });
  });

  it('still gives the sentence, with no detail, when a snapshot carries no reason', () => {
    expect(gpuReasonText(null)).toEqual({ sentence: 'No NVIDIA, AMD or Apple GPU was found, so Rigmark measures the CPU.', detail: null });
  });
});

describe('webgpuReasonText and availabilityReasonText', () => {
  it('turns the WebGPU probe reason "Dawn found none" into words, the probe chain behind Details', () => {
    expect(webgpuReasonText('Dawn found none (tried vulkan, default)')).toEqual({
      sentence: 'No graphics driver here offers a WebGPU device, so the GPU compute tests are left out.',
      detail: 'Dawn found none (tried vulkan, default)',
    });
    expect(webgpuReasonText('the WebGPU probe gave no answer within 15 s and was stopped').sentence).toMatch(/^The check for a WebGPU device did not finish/);
  });

  it('says why a GPU benchmark cannot run without naming Dawn, shader-f16 or a platform triple', () => {
    const noAdapter = 'no WebGPU adapter: Dawn found none (tried vulkan, default)';
    expect(availabilityReasonText(noAdapter)).toEqual({ sentence: 'No graphics driver here offers a WebGPU device, which this GPU test needs.', detail: noAdapter });
    expect(availabilityReasonText('the adapter has no shader-f16 (SwiftShader Device, vulkan)').sentence).toBe(
      'The GPU driver offers no 16-bit float shaders, which this test needs.',
    );
    expect(availabilityReasonText('WebGPU (Dawn) has no build for freebsd-x64 (/x/dawn.node is missing)').sentence).toBe(
      'WebGPU is not available for this operating system and processor.',
    );
  });

  it('drops the socket error from an engine that is not answering, keeping it as the detail', () => {
    const raw = 'Ollama is not answering at http://127.0.0.1:11434 (connection refused)';
    expect(availabilityReasonText(raw)).toEqual({ sentence: 'Ollama is not answering at http://127.0.0.1:11434.', detail: raw });
    expect(availabilityReasonText('No OpenAI-compatible server is answering at http://127.0.0.1:8000 (connection refused)').sentence).toBe(
      'No OpenAI-compatible server is answering at http://127.0.0.1:8000.',
    );
  });

  it('passes any other reason through as a sentence without a detail', () => {
    expect(availabilityReasonText('model file /m/x.gguf does not exist or cannot be read')).toEqual({
      sentence: 'Model file /m/x.gguf does not exist or cannot be read.',
      detail: null,
    });
    expect(availabilityReasonText(null).sentence).toBe('No reason was given.');
  });
});

describe('backendText', () => {
  it('explains an unavailable backend in words and keeps the tool detail', () => {
    expect(backendText({ name: 'cuda', isAvailable: false, version: null, detail: 'nvidia-smi not installed' })).toEqual({
      sentence: 'Needs an NVIDIA GPU and its driver; none was found.',
      detail: 'nvidia-smi not installed',
    });
    expect(backendText({ name: 'vulkan', isAvailable: false, version: null, detail: 'Vulkan loader at /usr/lib/x86_64-linux-gnu/libvulkan.so.1 but no GPU found' }).sentence).toBe(
      'Vulkan is installed, but there is no GPU for it.',
    );
    expect(backendText({ name: 'metal', isAvailable: false, version: null, detail: 'Metal exists only on macOS' })).toEqual({
      sentence: 'Only on macOS.',
      detail: 'Metal exists only on macOS',
    });
  });

  it('names the CPU vector instructions and an available backend version', () => {
    expect(backendText({ name: 'cpu', isAvailable: true, version: null, detail: 'SIMD: avx2, avx512f' }).sentence).toBe('Uses AVX2, AVX512F vector instructions.');
    expect(backendText({ name: 'cuda', isAvailable: true, version: '12.4', detail: 'driver 550.54; CUDA version from the nvidia-smi banner' })).toEqual({
      sentence: 'Version 12.4.',
      detail: 'driver 550.54; CUDA version from the nvidia-smi banner',
    });
  });
});

describe('plain text helpers', () => {
  it('turns backtick code into quotes and makes a sentence', () => {
    expect(unquoteCode('install Ollama and run `ollama serve`, or set the endpoint in Settings')).toBe(
      'install Ollama and run \u201collama serve\u201d, or set the endpoint in Settings',
    );
    expect(asSentence('pick a smaller model')).toBe('Pick a smaller model.');
    expect(asSentence('Done.')).toBe('Done.');
    expect(asSentence('http://127.0.0.1:11434 answered HTTP 404')).toBe('http://127.0.0.1:11434 answered HTTP 404.');
    expect(howToEnableText('run `ollama pull llama3`')).toBe('Run \u201collama pull llama3\u201d.');
    expect(howToEnableText(undefined)).toBeNull();
  });

  it('says where to click instead of which CLI command lists the cards, the raw message kept as the detail', () => {
    const raw = 'unknown card rtx-9999: `rigmark reference` lists the card keys';
    expect(errorMessageText(raw)).toEqual({
      sentence: 'unknown card rtx-9999: the Reference page lists the cards',
      detail: 'unknown card rtx-9999: \u201crigmark reference\u201d lists the card keys',
    });
    expect(errorMessageText('run 9 not found')).toEqual({ sentence: 'run 9 not found', detail: null });
    expect(errorMessageText('unknown card x: run \u201crigmark reference\u201d to list the card keys').sentence).toBe('unknown card x: the Reference page lists the cards');
  });

  it('replaces benchmark ids in a message by their titles, the longer id first', () => {
    const titles = new Map([
      ['gpu.matmul-fp16', 'GPU matmul FP16 (WebGPU)'],
      ['llamacpp.pp512', 'llama.cpp prompt processing (pp512)'],
    ]);
    expect(withBenchmarkTitles('llamacpp.pp512 is planned on the CPU; gpu.matmul-fp16 too.', titles)).toBe(
      'llama.cpp prompt processing (pp512) is planned on the CPU; GPU matmul FP16 (WebGPU) too.',
    );
  });
});
