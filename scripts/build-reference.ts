/**
 * Converts the published reference figures into Rigmark's bundled dataset.
 *
 *   npx tsx scripts/build-reference.ts                 rebuild resources/reference/figures.json
 *   npx tsx scripts/build-reference.ts --from <file>   copy a new public-figures.json in first, then rebuild
 *   npx tsx scripts/build-reference.ts --check         fail if figures.json differs from a fresh rebuild
 *
 * The output is committed. It is byte-identical on every run: `generatedAt` is the source file's date (a constant
 * below, bumped with the source), never the clock.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDataset, serialiseFigures } from '../src/core/reference/build-dataset';
import { CARDS_FILE, FIGURES_FILE, parseReference } from '../src/core/reference/load-reference';

/** Bump both with every new source file. */
const DATASET_VERSION = '2026.11.27-1';
/** Date of /shared/reference/public-figures.json as delivered (its modification date). */
const SOURCE_DATE = '2026-11-27';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const referenceDir = join(root, 'resources', 'reference');
const sourcePath = join(referenceDir, 'source', 'public-figures.json');
const figuresPath = join(referenceDir, FIGURES_FILE);

function argValue(flag: string): string | null {
  const index = process.argv.indexOf(flag);
  return index >= 0 ? (process.argv[index + 1] ?? null) : null;
}

function main(): void {
  const from = argValue('--from');
  if (from !== null) copyFileSync(from, sourcePath);
  const built = serialiseFigures(
    buildDataset(readFileSync(sourcePath, 'utf8'), {
      datasetVersion: DATASET_VERSION,
      generatedAt: SOURCE_DATE,
      sourceFile: relative(root, sourcePath).split('\\').join('/'),
    }),
  );
  // Validate exactly as the app will at start, cards included (every gpuKey needs a card).
  const dataset = parseReference(JSON.parse(built), JSON.parse(readFileSync(join(referenceDir, CARDS_FILE), 'utf8')));
  if (process.argv.includes('--check')) {
    if (readFileSync(figuresPath, 'utf8') !== built) {
      console.error(`${FIGURES_FILE} is stale: run npx tsx scripts/build-reference.ts`);
      process.exitCode = 1;
      return;
    }
    console.log(`${FIGURES_FILE} is up to date (${dataset.records.length} records)`);
    return;
  }
  writeFileSync(figuresPath, built);
  console.log(`wrote ${relative(root, figuresPath)}: ${dataset.records.length} records, ${dataset.cards.length} cards`);
}

main();
