/** `npm run bench`: Rigmark's own performance, printed as tables. Not a test: nothing here asserts a time. */
import { existsSync } from 'node:fs';
import { formatTable, formatNumber, formatPercent } from '../src/cli/output';
import { measureOverhead } from './overhead';

async function main(): Promise<void> {
  console.log('Rigmark overhead\n');
  const rows = await measureOverhead();
  console.log(formatTable(['what', 'median', 'unit', 'CV', 'n'], rows.map((r) => [r.name, formatNumber(r.median), r.unit, formatPercent(r.cv), r.n])));
  const fidelity = new URL('./llamacpp-fidelity.ts', import.meta.url);
  if (existsSync(fidelity)) {
    const mod = (await import(fidelity.href)) as { main?: () => Promise<void> };
    if (mod.main) await mod.main();
  }
}

void main();
