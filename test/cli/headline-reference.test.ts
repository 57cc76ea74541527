import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../helpers/temp-dir';
import { runCli } from './run-cli';

const FLEET = fileURLToPath(new URL('../fixtures/reference/fleet.json', import.meta.url));
const dataDir = useTempDirs('rigmark-cli-');

describe('rigmark reference add / files / remove (real process)', () => {
  it('keeps a valid file in the data dir and shows its figures under their own source label', async () => {
    const env = { RIGMARK_DATA_DIR: dataDir() };
    const added = await runCli(['reference', 'add', FLEET], env);
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    expect(added.stdout).toBe('Added fleet.json: 2 figures for fleet-l40s, a100 (new: fleet-l40s), shown as "your file: fleet.json".\n');
    expect(readFileSync(join(env.RIGMARK_DATA_DIR, 'reference', 'fleet.json'), 'utf8')).toBe(readFileSync(FLEET, 'utf8'));
    const figures = JSON.parse((await runCli(['reference', '--gpu', 'fleet-l40s', '--json'], env)).stdout) as { figures: { sourceTitle: string }[] };
    expect(figures.figures.map((f) => f.sourceTitle)).toEqual(['your file: fleet.json — Example fleet: nightly llama-bench, November 2026']);
    const files = await runCli(['reference', 'files'], env);
    expect(files.stdout).toMatch(/^fleet\.json +loaded +2 +fleet-l40s, a100 +Example fleet measurements/m);
    expect((await runCli(['reference', 'remove', 'fleet.json'], env)).code).toBe(0);
    expect(existsSync(join(env.RIGMARK_DATA_DIR, 'reference', 'fleet.json'))).toBe(false);
    expect((await runCli(['reference', 'remove', 'fleet.json'], env)).code).toBe(1);
  });

  it('refuses a malformed file with record and field named, exit 1, and keeps nothing', async () => {
    const env = { RIGMARK_DATA_DIR: dataDir() };
    const bad = join(env.RIGMARK_DATA_DIR, 'bad.json');
    writeFileSync(bad, readFileSync(FLEET, 'utf8').replace('"value": 5890.25', '"value": "fast"'));
    const r = await runCli(['reference', 'add', bad], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('rigmark: bad.json: reference record #1 (id fleet/a100/pp512): value: expected number, got string — the file was not added\n');
    expect(existsSync(join(env.RIGMARK_DATA_DIR, 'reference'))).toBe(false);
    expect((await runCli(['reference', 'add', FLEET, '--name', '../up.json'], env)).code).toBe(2);
  });
});

describe('the headline at the end of rigmark run and in rigmark results --run', () => {
  it('prints the score and card ratios line, says why nothing compares and names the model that would', async () => {
    const env = { RIGMARK_DATA_DIR: dataDir() };
    const run = await runCli(['run', '--bench', 'system.memory', '--reps', '3'], env);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('Rigmark Score — (0 benchmarks) · vs A100 — · vs RTX 4090 —');
    expect(run.stdout).toContain("None of this run's benchmarks has published figures to compare with (CPU, memory and disk tests have none).");
    // Found in the bundled figures, not written into the code: the shape with A100 and RTX 4090 llama.cpp figures.
    expect(run.stdout).toMatch(/Synthetic Llama 3 8B Q4_K_M has figures for A100 and RTX 4090 \(llama\.cpp prompt processing and text generation\): /);
    expect(lines.at(-1)).toBe('  Full comparison: rigmark compare --run 1');
    const results = await runCli(['results', '--run', '1'], env);
    expect(results.stdout).toContain('Rigmark Score — (0 benchmarks) · vs A100 — · vs RTX 4090 —\n');
    const json = JSON.parse((await runCli(['results', '--run', '1', '--json'], env)).stdout) as { headline: { text: string; cards: { cardKey: string }[] } };
    expect(json.headline.text).toBe(lines[0]);
    expect(json.headline.cards.map((c) => c.cardKey)).toEqual(['a100', 'rtx-4090']);
  });
});
