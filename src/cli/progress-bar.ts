import type { CoreEvent } from '../shared/domain/events';
import { generationStepText, unavailableText } from '../shared/format/plan';
import { formatDuration, formatNumber, type CliIo } from './output';

/**
 * Renders run events for a person: a redrawn one-line bar on a terminal, plain lines otherwise (logs, CI).
 * Finished instances always get their own line.
 */
export function createProgressPrinter(io: CliIo): (event: CoreEvent) => void {
  let lastLine = '';
  const clear = (): void => {
    if (io.isTty && lastLine) io.err('\r\x1b[2K');
    lastLine = '';
  };
  return (event) => {
    switch (event.type) {
      case 'run-started': {
        const runnable = event.instances.filter((i) => i.status === 'pending');
        const total = runnable.reduce((s, i) => s + i.estimatedMs, 0);
        io.err(`Run ${event.runId}: ${runnable.length} benchmark(s), about ${formatDuration(total)}\n`);
        for (const i of runnable) if (i.generation) io.err(`  ${i.benchmarkId} ${generationStepText(i.generation, formatDuration)}\n`);
        for (const i of event.instances.filter((x) => x.status === 'unavailable')) io.err(`  - ${i.benchmarkId}: unavailable (${unavailableText(i)})\n`);
        return;
      }
      case 'progress': {
        if (!io.isTty) return;
        const width = 24;
        const filled = Math.round(event.overallFraction * width);
        lastLine = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(event.overallFraction * 100).toFixed(0).padStart(3)}%  ${event.benchmarkId} ${event.phase}  ETA ${formatDuration(event.etaMs)}`;
        io.err(`\r\x1b[2K${lastLine}`);
        return;
      }
      case 'instance-finished':
        clear();
        io.err(`  ${event.status === 'passed' ? '✓' : event.status === 'unstable' ? '~' : '✗'} ${event.benchmarkId}: ${event.status}${event.median !== null ? ` — ${formatNumber(event.median)} ${event.unit}` : ''}${event.reason ? ` (${event.reason})` : ''}\n`);
        return;
      case 'run-finished':
        clear();
        io.err(`Run ${event.runId} ${event.status}${event.reason ? `: ${event.reason}` : ''}.\n`);
        if (event.unsavedWrites) io.err(`  ${event.unsavedWrites} measurements are still waiting for the database; they are stored if it frees up before Rigmark exits.\n`);
        return;
      default:
        return;
    }
  };
}
