import { constants } from 'node:fs';
import { access, open, stat, statfs } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Availability } from '../../../../shared/domain/benchmark';
import type { SystemSnapshot } from '../../../../shared/domain/system';
import { ggmlTensorBytes, ggmlTypeByName } from '../../../models/ggml-types';
import { describeSignature } from '../../../models/gguf/signature';
import { syntheticFileName } from '../../../models/synthetic/generate';
import { getSyntheticManifest, isSyntheticModelName, SYNTHETIC_MODEL_NAMES } from '../../../models/synthetic/manifests';
import type { AvailabilityContext } from '../../definition';
import { chooseBackend, resolveBackendOverride } from './backend';
import type { BackendChoice, LlamaBackend } from './backend';
import { formatGiB, mibToBytes, planMemory } from './memory-plan';
import { DEFAULT_MODEL, parseLlamaParams, parseModelRef } from './params';
import type { LlamaParams } from './params';

/** Metadata, vocabulary and alignment padding on top of the tensor data of a synthetic file. */
const SYNTHETIC_HEADER_ALLOWANCE_BYTES = 8 * 1024 * 1024;

/** Synthetic file size from its manifest: tensor bytes plus an allowance for the header. */
export function syntheticModelBytes(name: string): number {
  const manifest = getSyntheticManifest(name);
  let bytes = SYNTHETIC_HEADER_ALLOWANCE_BYTES;
  for (const tensor of manifest.tensors) bytes += ggmlTensorBytes(ggmlTypeByName(tensor.type), tensor.dims) ?? 0;
  return bytes;
}

/** Where the models cache lives for a data dir (core/paths `modelsDir`). */
export function modelsDirOf(dataDir: string): string {
  return join(dataDir, 'models');
}

type Sized = { bytes: number } | { reason: string; howToEnable?: string };

async function fileModelBytes(path: string): Promise<Sized> {
  try {
    await access(path, constants.R_OK);
  } catch {
    return { reason: `model file ${path} does not exist or cannot be read`, howToEnable: 'pick a readable .gguf file' };
  }
  const info = await stat(path);
  if (!info.isFile()) return { reason: `model path ${path} is not a file` };
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(64);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    if (head.subarray(0, 4).toString('latin1') !== 'GGUF') {
      const what = bytesRead === 0 ? 'it is empty' : (describeSignature(head.subarray(0, bytesRead)) ?? 'it has no GGUF signature');
      return { reason: `model file ${path} is not a GGUF model: ${what}`, howToEnable: 'pick a .gguf model file' };
    }
  } finally {
    await handle.close();
  }
  return { bytes: info.size };
}

/** Free bytes on the file system that holds `dir` (or its nearest existing parent); null when unknown. */
async function freeDiskBytes(dir: string): Promise<number | null> {
  for (let current = dir; ; current = dirname(current)) {
    try {
      const fs = await statfs(current);
      return fs.bavail * fs.bsize;
    } catch {
      if (dirname(current) === current) return null;
    }
  }
}

async function syntheticModelSize(name: string, dataDir: string): Promise<Sized> {
  if (!isSyntheticModelName(name)) {
    return { reason: `unknown synthetic model "${name}" (known: ${SYNTHETIC_MODEL_NAMES.join(', ')})` };
  }
  const bytes = syntheticModelBytes(name);
  // A cached copy already holds its space (the generator replaces a stale one in place); only a first generation
  // needs room. The generator checks again, with its headroom, before writing.
  const toWrite = await syntheticBytesToWrite(name, dataDir);
  const free = toWrite === 0 ? null : await freeDiskBytes(modelsDirOf(dataDir));
  if (free !== null && free < bytes) {
    return {
      reason: `generating ${name} needs ${formatGiB(bytes)} of disk; ${formatGiB(free)} is free in ${dataDir}`,
      howToEnable: 'free disk space or move the data dir (RIGMARK_DATA_DIR)',
    };
  }
  return { bytes };
}

/** Bytes a synthetic model still needs on disk: 0 when a copy is cached (the generator reuses it). */
async function syntheticBytesToWrite(name: string, dataDir: string): Promise<number> {
  const cached = await stat(join(modelsDirOf(dataDir), syntheticFileName(getSyntheticManifest(name)))).catch(() => null);
  return cached?.isFile() ? 0 : syntheticModelBytes(name);
}

/** What pre-flight checks need about a planned llama.cpp run (core/hardware/preflight `PreflightBenchmark`). */
export interface LlamaPreflight {
  plannedBackend: LlamaBackend;
  modelBytes: number | null;
  freeDiskBytesNeeded: number;
  modelKey: string;
}

/**
 * Backend, model size and disk need of a planned run, for the pre-flight checks (a GPU run about to fall back,
 * a model larger than VRAM, a synthetic file that must still be written). pp512 and tg128 share one model file,
 * so both report the same `modelKey` and the disk need is counted once.
 */
export async function llamaPreflightInfo(ctx: AvailabilityContext, rawParams: Record<string, unknown>): Promise<Partial<LlamaPreflight>> {
  const params = parseLlamaParams({ model: DEFAULT_MODEL, ...rawParams });
  const ref = parseModelRef(params.model);
  const backend = plannedBackend(ctx.snapshot, params);
  const plannedBackendName = typeof backend === 'string' ? undefined : backend.backend;
  if (ref.kind === 'file') {
    const info = await stat(ref.path).catch(() => null);
    return { plannedBackend: plannedBackendName, modelBytes: info?.size ?? null, freeDiskBytesNeeded: 0, modelKey: ref.path };
  }
  if (!isSyntheticModelName(ref.name)) return { plannedBackend: plannedBackendName };
  return {
    plannedBackend: plannedBackendName,
    modelBytes: syntheticModelBytes(ref.name),
    freeDiskBytesNeeded: await syntheticBytesToWrite(ref.name, ctx.dataDir),
    modelKey: `synthetic:${ref.name}`,
  };
}

/** The backend the worker will load: the user's override when it can be honoured, else the snapshot's choice. */
export function plannedBackend(snapshot: SystemSnapshot, params: Pick<LlamaParams, 'backend'>): BackendChoice | string {
  return params.backend ? resolveBackendOverride(snapshot, params.backend) : chooseBackend(snapshot);
}

/**
 * Availability of a llama.cpp benchmark, decided from sizes before anything is loaded: the model must exist (or
 * be a known synthetic shape with disk room to generate it), be a GGUF file, and fit RAM. A model larger than VRAM
 * stays available (it runs partially offloaded, which the result records).
 */
export async function checkLlamaAvailability(ctx: AvailabilityContext): Promise<Availability> {
  let params: LlamaParams;
  let ref: ReturnType<typeof parseModelRef>;
  try {
    params = parseLlamaParams({ model: DEFAULT_MODEL, ...ctx.params });
    ref = parseModelRef(params.model);
  } catch (error) {
    return { isAvailable: false, reason: (error as Error).message };
  }
  const backend = plannedBackend(ctx.snapshot, params);
  if (typeof backend === 'string') return { isAvailable: false, reason: backend, howToEnable: 'choose another backend or leave it unset' };
  const sized = ref.kind === 'synthetic' ? await syntheticModelSize(ref.name, ctx.dataDir) : await fileModelBytes(ref.path);
  if ('reason' in sized) return { isAvailable: false, reason: sized.reason, howToEnable: sized.howToEnable };
  const plan = planMemory({
    modelBytes: sized.bytes,
    totalRamBytes: mibToBytes(ctx.snapshot.memory.totalMiB),
    backend: backend.backend,
    vramBytes: backend.gpu?.vramMiB ? mibToBytes(backend.gpu.vramMiB) : null,
  });
  if (!plan.fitsRam) {
    return { isAvailable: false, reason: plan.reason ?? 'model does not fit in memory', howToEnable: 'pick a smaller model' };
  }
  return { isAvailable: true };
}
