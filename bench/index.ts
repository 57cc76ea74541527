/** `npm run bench`: Rigmark's own performance, printed as tables. Not a test: nothing here asserts a time. */
import { existsSync } from 'node:fs';
import { formatDuration, formatTable, formatNumber, formatPercent } from '../src/cli/output';
import { measureOverhead } from './overhead';
import { budgetLine, measureQuickSuite } from './quick-suite';

/** `npm run bench -- quick` runs only the quick-suite timing; no argument runs everything. */
const only = process.argv[2];

async function quickSuite(): Promise<void> {
  console.log(`\nQuick suite wall time, estimate vs actual (${budgetLine()})\n`);
  const rows = await measureQuickSuite();
  console.log(
    formatTable(
      ['run', 'estimate', 'actual', 'actual vs estimate', 'repetitions cut by budget', 'results'],
      rows.map((r) => [r.run, formatDuration(r.estimateMs), formatDuration(r.actualMs), formatSignedPercent(r.errorFraction), r.budgetCuts, r.statuses]),
    ),
  );
}

function formatSignedPercent(fraction: number): string {
  return `${fraction >= 0 ? '+' : ''}${(fraction * 100).toFixed(1)} %`;
}

async function main(): Promise<void> {
  if (only === 'quick') return quickSuite();
  console.log('Rigmark overhead\n');
  const rows = await measureOverhead();
  console.log(formatTable(['what', 'median', 'unit', 'CV', 'n'], rows.map((r) => [r.name, formatNumber(r.median), r.unit, formatPercent(r.cv), r.n])));
  const fidelity = new URL('./llamacpp-fidelity.ts', import.meta.url);
  if (existsSync(fidelity)) {
    const mod = (await import(fidelity.href)) as { main?: () => Promise<void> };
    if (mod.main) await mod.main();
  }
  await quickSuite();
}

void main();
