import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BenchmarkDefinition } from '../src/core/bench/definition';
import { definitions as llamacpp } from '../src/core/bench/families/llamacpp/definitions';
import type { RigmarkCore } from '../src/core/app/rigmark-core';

/** Invented figures for the tiny model on the A100, RTX 4090 and RTX 3090 (test/fixtures/reference/README.md). */
export const TINY_REFERENCE_FILE = 'tiny-llamacpp.json';
const TINY_REFERENCE_PATH = fileURLToPath(new URL(`../test/fixtures/reference/${TINY_REFERENCE_FILE}`, import.meta.url));

/**
 * The catalogue's own llama.cpp benchmarks (real workers, real llama.cpp), with the quick suite running the ~2 MB
 * synthetic `tiny` model instead of a full-size shape; the slow system and GPU benchmarks are left out.
 */
export function testSizedDefinitions(): BenchmarkDefinition[] {
  return llamacpp.map((d) => ({ ...d, suiteVariants: () => [{ label: 'synthetic tiny', params: { model: 'synthetic:tiny' } }] }));
}

/** Adds the tiny model's figures through the user reference path (`reference:add`), as a user's file would be. */
export function addTinyReference(core: RigmarkCore): void {
  core.addReference({ fileName: TINY_REFERENCE_FILE, content: readFileSync(TINY_REFERENCE_PATH, 'utf8') });
}
