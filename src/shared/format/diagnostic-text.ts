import type { BackendStatus } from '../domain/system';

/**
 * Diagnostics in words. Core keeps its raw diagnostics as they were detected (a stored snapshot's `gpuReason` and
 * backend details are part of its hash; the CLI prints them), and the UI shows a sentence for a person instead, with
 * the raw text one click away behind "Details". Only diagnostics whose wording is known get a new sentence; any other
 * text is passed through as a tidy sentence (backticks turned into quotes, capitalised, full stop) with no detail.
 */

export interface PlainMessage {
  /** One or two sentences for a person: capitalised, ending in a full stop, no backticks, no tool chain. */
  sentence: string;
  /** The raw diagnostic, for the Details disclosure; null when the sentence already says all of it. */
  detail: string | null;
}

/** "run `rigmark list`" → "run “rigmark list”": messages name commands, the UI never shows code markup. */
export function unquoteCode(text: string): string {
  return text.replace(/`([^`]+)`/g, '\u201c$1\u201d').replace(/`/g, '');
}

/**
 * Capitalised, ending in a full stop (unless it ends in other punctuation already), backticks turned into quotes. A
 * first word that is a name rather than a word (a file, a URL, "bad.json: …") keeps its case.
 */
export function asSentence(text: string): string {
  const trimmed = unquoteCode(text).trim();
  if (trimmed === '') return trimmed;
  const capital = /^[a-z][a-z'-]*(?=[\s,;]|$)/.test(trimmed) ? `${trimmed.charAt(0).toUpperCase()}${trimmed.slice(1)}` : trimmed;
  return /[.!?:…]$/.test(capital) ? capital : `${capital}.`;
}

function plain(sentence: string, raw: string | null | undefined): PlainMessage {
  const detail = raw === null || raw === undefined || raw.trim() === '' ? null : unquoteCode(raw.trim());
  return { sentence, detail: detail === sentence ? null : detail };
}

/** The message as it is, tidied, when no known wording matches. */
function passThrough(raw: string): PlainMessage {
  return { sentence: asSentence(raw), detail: null };
}

const VENDOR_OF_TOOL: Record<string, string> = { 'nvidia-smi': 'NVIDIA', 'rocm-smi': 'AMD', system_profiler: 'Apple' };

/**
 * Why no GPU was detected, from the snapshot's `gpuReason` ("no GPU found: nvidia-smi not installed, rocm-smi not
 * installed, systeminformation reported no display controller with dedicated memory"): one sentence saying what that
 * means here, the chain as the detail.
 */
export function gpuReasonText(gpuReason: string | null | undefined): PlainMessage {
  const raw = gpuReason ?? '';
  const failed = /\b(nvidia-smi|rocm-smi|system_profiler) failed\b/.exec(raw);
  if (failed) {
    const vendor = VENDOR_OF_TOOL[failed[1] ?? ''] ?? 'A';
    return plain(`The ${vendor} GPU driver's tool did not answer, so Rigmark measures the CPU. Reinstalling or updating the driver usually fixes this.`, raw);
  }
  const listedNone = /\b(nvidia-smi|rocm-smi|system_profiler) listed no GPU\b/.exec(raw);
  if (listedNone) {
    const vendor = VENDOR_OF_TOOL[listedNone[1] ?? ''] ?? 'A';
    return plain(`The ${vendor} driver is installed but reports no GPU, so Rigmark measures the CPU.`, raw);
  }
  if (/only virtual or basic display adapters/.test(raw)) {
    return plain('Only a virtual or basic display adapter was found (as in a virtual machine), so Rigmark measures the CPU.', raw);
  }
  return plain('No NVIDIA, AMD or Apple GPU was found, so Rigmark measures the CPU.', raw);
}

/** True when the WebGPU probe itself went wrong (crashed, timed out), rather than answering that there is no device. */
function isProbeFailure(reason: string): boolean {
  return /\bthe WebGPU probe (failed|crashed|could not start|gave no answer|sent a message|answered without)/i.test(reason);
}

/** Why the WebGPU probe found no device (the snapshot's `webgpu.reason`, "Dawn found none (tried vulkan, default)"). */
export function webgpuReasonText(reason: string | null | undefined): PlainMessage {
  const raw = reason ?? '';
  if (isProbeFailure(raw)) return plain('The check for a WebGPU device did not finish, so the GPU compute tests are left out. Detect again to retry.', raw);
  return plain('No graphics driver here offers a WebGPU device, so the GPU compute tests are left out.', raw);
}

/**
 * Why a benchmark cannot run here (`Availability.reason`), as a sentence with the raw reason as the detail where it
 * carries a diagnostic (the probe chain, an error in parentheses).
 */
export function availabilityReasonText(reason: string | null | undefined): PlainMessage {
  const raw = (reason ?? '').trim();
  if (raw === '') return { sentence: 'No reason was given.', detail: null };
  if (/^no WebGPU adapter\b/i.test(raw)) {
    const sentence = isProbeFailure(raw)
      ? 'The check for a WebGPU device did not finish, so this GPU test cannot run. Detect again on This machine to retry.'
      : 'No graphics driver here offers a WebGPU device, which this GPU test needs.';
    return plain(sentence, raw);
  }
  if (/^the adapter has no shader-f16\b/i.test(raw)) return plain('The GPU driver offers no 16-bit float shaders, which this test needs.', raw);
  if (/^WebGPU \(Dawn\) has no build for\b/i.test(raw)) return plain('WebGPU is not available for this operating system and processor.', raw);
  if (/^the webgpu package is not installed\b/i.test(raw)) return plain('The WebGPU part of Rigmark is missing from this installation.', raw);
  if (/^availability check failed\b/i.test(raw)) return plain('Rigmark could not check whether this benchmark can run here.', raw);
  // "Ollama is not answering at http://… (connection refused)", "No OpenAI-compatible server is answering at …
  // (…)": the sentence is clear without the socket error.
  const answering = /^(.*\bis (?:not )?answering at \S+?)\s*\(([^()]*)\)$/.exec(raw);
  if (answering?.[1] !== undefined) return plain(asSentence(answering[1]), raw);
  return passThrough(raw);
}

/** What to do to enable a benchmark, as a sentence without code markup. */
export function howToEnableText(howToEnable: string | null | undefined): string | null {
  return howToEnable === null || howToEnable === undefined || howToEnable.trim() === '' ? null : asSentence(howToEnable);
}

const BACKEND_VENDOR: Partial<Record<BackendStatus['name'], string>> = { cuda: 'NVIDIA', rocm: 'AMD' };

/** "SIMD: avx2, avx512f" → "Uses AVX2, AVX512F vector instructions." */
function simdText(detail: string): string | null {
  const match = /^SIMD:\s*(.+)$/.exec(detail);
  if (match?.[1] !== undefined) return `Uses ${match[1].split(/,\s*/).map((f) => f.toUpperCase()).join(', ')} vector instructions.`;
  if (/^no AVX2\/NEON/.test(detail)) return 'No AVX2 or NEON vector instructions, so models run slowly on this CPU.';
  return null;
}

function unavailableBackendSentence(name: BackendStatus['name'], detail: string): string {
  const vendor = BACKEND_VENDOR[name];
  if (/not available on macOS|exists only on macOS/i.test(detail)) return name === 'metal' ? 'Only on macOS.' : 'Not available on macOS.';
  if (/no native Vulkan driver/i.test(detail)) return 'macOS has no Vulkan driver; Metal is used there.';
  if (vendor !== undefined && /although an? (NVIDIA|AMD) GPU is present/.test(detail)) {
    return name === 'cuda' ? 'An NVIDIA GPU is present, but its driver is missing or broken.' : 'An AMD GPU is present, but ROCm is not installed for it.';
  }
  if (vendor !== undefined && /\bnot installed\b/.test(detail)) return `Needs an ${vendor} GPU and its driver; none was found.`;
  if (vendor !== undefined && /\bfailed\b/.test(detail)) return `The ${vendor} driver's tool did not answer.`;
  if (vendor !== undefined && /listed no GPU/.test(detail)) return `The ${vendor} driver reports no GPU.`;
  if (/Vulkan loader at .* but no GPU found/.test(detail)) return 'Vulkan is installed, but there is no GPU for it.';
  if (/no Vulkan loader found/.test(detail)) return 'Vulkan is not installed.';
  if (/lists no GPU device/.test(detail)) return 'Vulkan finds only software (CPU) devices.';
  if (/no GPU with Metal support/.test(detail)) return 'No GPU with Metal support was found.';
  return asSentence(detail);
}

/** A backend's line on This machine: available with its version, or why not, the raw detail behind Details. */
export function backendText(backend: BackendStatus): PlainMessage {
  const detail = backend.detail ?? '';
  if (!backend.isAvailable) return detail === '' ? { sentence: 'Not available here.', detail: null } : plain(unavailableBackendSentence(backend.name, detail), detail);
  const simd = backend.name === 'cpu' ? simdText(detail) : null;
  if (simd !== null) return plain(simd, detail);
  const sentence = backend.version === null ? 'Available.' : `Version ${backend.version}.`;
  return plain(sentence, detail);
}

/**
 * Benchmark ids a core message names ("llamacpp.pp512 is planned on the CPU…") replaced by their titles, longest id
 * first so "gpu.matmul-fp16" is not cut at "gpu.matmul".
 */
export function withBenchmarkTitles(text: string, titles: ReadonlyMap<string, string>): string {
  let out = text;
  for (const id of [...titles.keys()].sort((a, b) => b.length - a.length)) {
    const title = titles.get(id);
    if (title === undefined || !out.includes(id)) continue;
    out = out.replace(new RegExp(`(?<![\\w.-])${escapeRegExp(id)}(?![\\w-])`, 'g'), title);
  }
  return out;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Core's error messages point at CLI commands ("unknown card x: run “rigmark reference” to list the card keys"); in
 * the UI the same hint says where to click. Unknown CLI hints are kept, quoted. Older messages (imported runs, a
 * newer core) used backticks: both spellings are read.
 */
const CLI_HINTS: ReadonlyArray<[RegExp, string]> = [
  [/run “rigmark reference files” to list them|`rigmark reference files` lists them/g, 'the Reference page lists your files'],
  [/run “rigmark reference” to list the card keys|`rigmark reference` lists the card keys/g, 'the Reference page lists the cards'],
  [/run “rigmark list” to see the ids|`rigmark list` shows the ids/g, 'the Run page lists the benchmarks'],
  [/start one with “rigmark run --suite quick” or the Run page|run `rigmark run --suite quick` first/g, 'run the quick benchmark on This machine first'],
];

/**
 * An API error's message for the UI: CLI hints turned into where to click, code markup into quotes; otherwise core's
 * words as they are (they often start with a file name, which must keep its case). The raw message is the detail
 * when anything was changed.
 */
export function errorMessageText(message: string): PlainMessage {
  let text = message;
  for (const [pattern, replacement] of CLI_HINTS) text = text.replace(pattern, replacement);
  return { sentence: unquoteCode(text), detail: text === message ? null : unquoteCode(message) };
}
