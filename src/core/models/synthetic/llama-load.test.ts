import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../../test/helpers/temp-dir';
import { WRITABLE_GGML_TYPES, allGgmlTypes } from '../ggml-types';
import { readGgufInfo } from '../gguf/reader';
import { planGgufLayout, writeGgufFile } from '../gguf/writer';
import { ensureSyntheticModel } from './generate';
import { llamaTensors } from './llama-shape';
import type { TensorTypeRule } from './llama-shape';
import { getSyntheticManifest } from './manifests';
import type { SyntheticManifest } from './manifests';
import { syntheticSpec } from './spec';
import { syntheticWeights } from './weights';

// llama.cpp aborts the process on some malformed files, so every load happens in a child process
// (test/fixtures/models/llama-probe.ts) and the test runner only reads its JSON report.
const REPO_ROOT = resolve(import.meta.dirname, '../../../..');
const PROBE = join(REPO_ROOT, 'test/fixtures/models/llama-probe.ts');

interface ProbeReport {
  size: number;
  trainContextSize: number;
  embeddingVectorSize: number;
  totalParameters: number;
  totalLayers: number;
  fileVersion: number;
  tensorCount: number | null;
  architecture: string;
  bos: number | null;
  eos: number | null;
  typeSizes: { id: number; blockSize: number | null; typeSize: number | null }[];
  generated: number[];
  areProbabilitiesFinite: boolean;
  probabilitySums: number[];
}

async function probe(modelPath: string, generateTokens: number, ggmlTypes: number[] = []): Promise<ProbeReport> {
  const request = JSON.stringify({ modelPath, contextSize: 256, generateTokens, ggmlTypes });
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', PROBE, request], {
    cwd: REPO_ROOT,
    timeout: 240_000,
    maxBuffer: 16 * 1024 * 1024,
  });
  const line = stdout.split('\n').find((l) => l.startsWith('PROBE '));
  if (!line) throw new Error(`probe printed no report:\n${stdout}`);
  return JSON.parse(line.slice('PROBE '.length)) as ProbeReport;
}

async function expectLlamaMatches(path: string, manifest: SyntheticManifest, report: ProbeReport): Promise<void> {
  const info = await readGgufInfo(path);
  expect(report.architecture).toBe('llama');
  expect(report.fileVersion).toBe(3);
  expect(report.tensorCount).toBe(manifest.tensors.length);
  expect(report.totalParameters).toBe(manifest.expectedParameterCount);
  expect(report.trainContextSize).toBe(manifest.hyperparameters.contextLength);
  expect(report.embeddingVectorSize).toBe(manifest.hyperparameters.nEmbd);
  expect(report.totalLayers).toBe(manifest.hyperparameters.nLayer + 1); // node-llama-cpp counts the output layer
  expect(report.size).toBe(info.tensorDataBytes);
  expect([report.bos, report.eos]).toEqual([1, 2]);
}

/** Every writable type at least once, so llama.cpp's CPU kernels read each generator's blocks. */
const everyTypeRule: TensorTypeRule = (role, layer = 0) => {
  const byRole: Record<string, string> = {
    token_embd: 'Q8_0', output: 'Q6_K', attn_q: ['Q4_0', 'F16', 'BF16', 'Q8_0'][layer] ?? 'Q4_0', attn_k: 'Q4_1',
    attn_v: 'Q5_0', attn_output: 'Q5_1', ffn_gate: 'Q2_K', ffn_up: 'Q3_K', ffn_down: layer % 2 ? 'Q5_K' : 'Q4_K',
  };
  return byRole[role] ?? 'F32';
};

describe('synthetic models in llama.cpp (node-llama-cpp 3.21.1, CPU, child process)', () => {
  let dir: string;
  let cleanup: () => void;
  beforeAll(() => ({ dir, cleanup } = makeTempDir('rigmark-llama-')));
  afterAll(() => cleanup());

  it('loads tiny, reports the manifest’s shape and generates tokens with finite probabilities', async () => {
    const { path, manifest } = await ensureSyntheticModel('tiny', dir);
    const report = await probe(path, 4, allGgmlTypes().map((t) => t.id));
    await expectLlamaMatches(path, manifest, report);
    expect(report.generated).toHaveLength(4);
    expect(report.areProbabilitiesFinite).toBe(true);
    for (const sum of report.probabilitySums) expect(sum).toBeCloseTo(1, 2);
    // ggml-types.ts agrees with the native ggml on every type it lists.
    for (const type of allGgmlTypes()) {
      expect(report.typeSizes.find((s) => s.id === type.id), type.name).toEqual({
        id: type.id, blockSize: type.blockSize, typeSize: type.typeSize,
      });
    }
  });

  it('evaluates a model using every writable type with finite probabilities', async () => {
    const tiny = getSyntheticManifest('tiny');
    const manifest = { ...tiny, tensors: llamaTensors(tiny.hyperparameters, everyTypeRule) };
    expect(new Set(manifest.tensors.map((t) => t.type))).toEqual(new Set(WRITABLE_GGML_TYPES));
    const path = join(dir, 'every-type.gguf');
    await writeGgufFile(path, planGgufLayout(syntheticSpec(manifest)), syntheticWeights(tiny.seed));
    const report = await probe(path, 3);
    await expectLlamaMatches(path, manifest, report);
    expect(report.generated).toHaveLength(3);
    expect(report.areProbabilitiesFinite).toBe(true);
  });

  it('generates Llama 3.2 1B Q4_0 (~766 MB) in reasonable time; llama.cpp loads it and generates', { timeout: 300_000 }, async () => {
    const started = performance.now();
    const { path, manifest } = await ensureSyntheticModel('llama-3.2-1b-q4_0', dir);
    const generationMs = performance.now() - started;
    console.info(`generated ${manifest.name} in ${Math.round(generationMs)} ms`);
    expect(generationMs).toBeLessThan(120_000);
    try {
      const report = await probe(path, 2);
      await expectLlamaMatches(path, manifest, report);
      expect(report.generated).toHaveLength(2);
      expect(report.areProbabilitiesFinite).toBe(true);
    } finally {
      await rm(path, { force: true });
    }
  });
});
