import type { Command } from 'commander';
import type { SystemSnapshot } from '../../shared/domain/system';
import type { CliContext } from '../context';
import { formatTable, printJson } from '../output';

export function registerDetect(program: Command, ctx: CliContext): void {
  program
    .command('detect')
    .description('show this machine: GPUs, backends, CPU, memory, disks, OS')
    .option('--json', 'print the system snapshot as JSON')
    .action(async (opts: { json?: boolean }) => {
      const core = await ctx.openCore();
      const s = await core.getSystem();
      if (opts.json) printJson(ctx.io, s);
      else ctx.io.out(describeSystem(s));
    });
}

export function describeSystem(s: SystemSnapshot): string {
  const gpuRows = s.gpus.map((g) => [g.index, g.name, g.vramMiB === null ? null : `${(g.vramMiB / 1024).toFixed(1)} GiB`, g.driver, g.source]);
  const gpus = s.gpus.length > 0 ? formatTable(['#', 'GPU', 'VRAM', 'driver', 'source'], gpuRows) : `No GPU detected: ${s.gpuReason ?? 'unknown reason'}\n`;
  const backends = s.backends.map((b) => `${b.name}${b.isAvailable ? (b.version ? ` ${b.version}` : '') : ' (no)'}`).join(', ');
  return [
    gpus,
    `Backends: ${backends}`,
    `CPU:      ${s.cpu.model} — ${s.cpu.cores} cores / ${s.cpu.threads} threads${s.cpu.isaFlags.length ? ` (${s.cpu.isaFlags.join(' ')})` : ''}`,
    `Memory:   ${(s.memory.totalMiB / 1024).toFixed(1)} GiB`,
    `OS:       ${s.os.distro} ${s.os.release} (${s.os.platform} ${s.os.arch}, kernel ${s.os.kernel})`,
    `Power:    ${s.power.hasBattery ? (s.power.isOnBattery ? 'on battery' : 'on mains (battery present)') : 'mains'}`,
    '',
  ].join('\n');
}
