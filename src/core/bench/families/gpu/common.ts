/// <reference types="@webgpu/types" />
import { createRequire } from 'node:module';
import type { Identity } from '../../../../shared/domain/benchmark';
import { adapterNotes, GpuSession, loadDawn, openAdapter, type OpenedAdapter } from './dawn';
import type { BatchTimer } from './timer';

/** Version of the `webgpu` package (which pins the Dawn build), or null when it cannot be read. */
export function dawnPackageVersion(): string | null {
  try {
    const pkg = createRequire(import.meta.url)('webgpu/package.json') as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : null;
  } catch {
    return null;
  }
}

/**
 * Loads Dawn, picks the adapter, lets `require` reject it (throwing UnavailableError), and opens a device with
 * timestamp queries (when the adapter has them) plus `features`.
 */
export async function openGpuSession(
  features: GPUFeatureName[],
  require: (opened: OpenedAdapter) => void = () => undefined,
): Promise<GpuSession> {
  const dawn = await loadDawn();
  const opened = await openAdapter(dawn);
  require(opened);
  return GpuSession.open(opened, ['timestamp-query', ...features]);
}

/** Identity fields every GPU benchmark records: engine, adapter and timing method. */
export function gpuIdentity(session: GpuSession, timer: BatchTimer): Identity {
  const info = session.opened.info;
  return {
    engine: 'dawn',
    engineVersion: dawnPackageVersion(),
    backend: info.backend,
    adapterVendor: info.vendor,
    adapterArchitecture: info.architecture,
    adapterDevice: info.device,
    adapterDescription: info.description,
    isFallbackAdapter: info.isFallbackAdapter,
    isSoftwareAdapter: info.isSoftware,
    timing: timer.mode,
  };
}

/** Notes every GPU benchmark shows: adapter, timing fallback, dispatches per repetition. */
export function gpuNotes(session: GpuSession, timer: BatchTimer, repeat: number): string[] {
  const notes = adapterNotes(session.opened);
  if (timer.fallbackReason) notes.push(`timed with the wall clock: ${timer.fallbackReason}`);
  else if (timer.mode === 'wall-clock') notes.push('timed with the wall clock (no timestamp-query on this adapter)');
  notes.push(`each repetition runs ${repeat} dispatch${repeat === 1 ? '' : 'es'} in one compute pass`);
  return notes;
}

/** A storage buffer filled from `bytes` at creation (no staging copy). Size must be a multiple of 4. */
export function uploadBuffer(device: GPUDevice, label: string, bytes: ArrayBuffer, usage: number): GPUBuffer {
  const buffer = device.createBuffer({ label, size: bytes.byteLength, usage, mappedAtCreation: true });
  new Uint8Array(buffer.getMappedRange()).set(new Uint8Array(bytes));
  buffer.unmap();
  return buffer;
}
