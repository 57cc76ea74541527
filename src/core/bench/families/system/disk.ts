import { mkdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Identity } from '../../../../shared/domain/benchmark';
import { UnavailableError, type Measurement, type WorkerBenchmark, type WorkerContext } from '../../worker/types';
import { chooseReadMode, makeBlock, readSequential, writeSequential, type ReadMode } from './disk-io';
import { freeSpaceOf, planDiskSize, type StatFsFn } from './disk-size';
import { DiskParamsSchema, MIB, parseParams } from './params';

/** Changes whenever the I/O pattern changes. */
export const DISK_WORKLOAD_ID = 'sequential-v1';

interface DiskState {
  path: string;
  bytes: number;
  block: Buffer;
  isReduced: boolean;
  filesystem: string;
  device: number;
  /** Only for the read test. */
  readMode: ReadMode | null;
}

/** Collaborators of the disk benchmarks; tests inject a fake statfs to exercise the sizing rule. */
export interface DiskDeps {
  statfs?: StatFsFn;
}

async function prepare(ctx: WorkerContext, fileName: string, deps: DiskDeps): Promise<DiskState> {
  const params = parseParams(DiskParamsSchema, ctx.job.params);
  const dir = ctx.job.scratchDir;
  // The parent creates scratchDir; creating it here too keeps a hand-started worker from failing on ENOENT.
  await mkdir(dir, { recursive: true });
  const space = await freeSpaceOf(dir, deps.statfs);
  const plan = planDiskSize(params.sizeMiB * MIB, params.blockKiB * 1024, space.freeBytes, dir);
  if (!plan.isAvailable) throw new UnavailableError(plan.reason, plan.howToEnable);
  const device = (await stat(dir)).dev;
  return {
    path: join(dir, fileName),
    bytes: plan.bytes,
    block: makeBlock(plan.blockBytes),
    isReduced: plan.isReduced,
    filesystem: space.filesystem,
    device,
    readMode: null,
  };
}

function baseIdentity(state: DiskState): Identity {
  return {
    workload: DISK_WORKLOAD_ID,
    sizeMiB: state.bytes / MIB,
    blockKiB: state.block.length / 1024,
    filesystem: state.filesystem,
    // st_dev of the scratch dir: which device was measured (stable per disk on one machine).
    device: state.device,
  };
}

function sizeNotes(state: DiskState): string[] {
  const notes = state.isReduced ? [`file size reduced to ${state.bytes / MIB} MiB (25 % of free space)`] : [];
  if (isRamBacked(state)) notes.push('the scratch dir is on tmpfs (RAM): this measures memory, not a disk');
  return notes;
}

/** tmpfs accepts O_DIRECT on recent kernels, but its "disk" is the page cache itself. */
function isRamBacked(state: DiskState): boolean {
  return state.filesystem === 'tmpfs';
}

/** MB/s (10^6 bytes/s). */
function mbps(bytes: number, ms: number): number {
  return bytes / 1e6 / (ms / 1e3);
}

/**
 * `system.disk-write`: sequential write of a new file in the scratch dir (default 1 GiB in 4 MiB blocks of random,
 * per-page-stamped data), timed from open through fsync and close. MB/s = 10^6 bytes/s.
 */
export function createDiskWriteBenchmark(deps: DiskDeps = {}): WorkerBenchmark<DiskState> {
  return {
    setup: (ctx) => prepare(ctx, 'rigmark-disk-write.bin', deps),
    async measure(state, ctx): Promise<Measurement> {
      const ms = await writeSequential(state.path, state.bytes, state.block, ctx.signal);
      return { value: mbps(state.bytes, ms), workUnits: state.bytes };
    },
    async teardown(state) {
      await rm(state.path, { force: true });
    },
    identity: (state) => ({ ...baseIdentity(state), isDirectIo: false, sync: 'fsync' }),
    notes: (state) => sizeNotes(state),
  };
}

/**
 * `system.disk-read`: sequential read of a file written (and fsynced) in setup, with O_DIRECT where the filesystem
 * accepts it so the page cache cannot serve it; otherwise buffered and labelled `cached: true`. Each block's stamp
 * is checked. MB/s = 10^6 bytes/s.
 */
export function createDiskReadBenchmark(deps: DiskDeps = {}): WorkerBenchmark<DiskState> {
  return {
    async setup(ctx) {
      const state = await prepare(ctx, 'rigmark-disk-read.bin', deps);
      ctx.reportPhase(`writing a ${state.bytes / MIB} MiB test file`);
      try {
        await writeSequential(state.path, state.bytes, state.block, ctx.signal);
        state.readMode = await chooseReadMode(state.path, state.block.length);
      } catch (error) {
        // A failed setup returns no state, so teardown cannot remove the file; the parent deletes scratchDir later,
        // but a 1 GiB file should not wait for that.
        await rm(state.path, { force: true });
        throw error;
      }
      return state;
    },
    async measure(state, ctx): Promise<Measurement> {
      const ms = await readSequential(state.path, state.bytes, readModeOf(state), ctx.signal);
      return { value: mbps(state.bytes, ms), workUnits: state.bytes };
    },
    async teardown(state) {
      await rm(state.path, { force: true });
    },
    identity(state) {
      const isDirectIo = readModeOf(state).isDirectIo;
      return { ...baseIdentity(state), isDirectIo, cached: !isDirectIo || isRamBacked(state) };
    },
    notes(state) {
      const mode = readModeOf(state);
      const notes = sizeNotes(state);
      if (!mode.isDirectIo) {
        notes.push(`read figure may be served from the page cache (O_DIRECT refused: ${mode.fallbackReason ?? 'unknown'})`);
      }
      return notes;
    },
  };
}

function readModeOf(state: DiskState): ReadMode {
  if (state.readMode === null) throw new Error('disk-read used before setup finished');
  return state.readMode;
}
