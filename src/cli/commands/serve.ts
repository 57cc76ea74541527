import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { startServer } from '../../core/server/start-server';
import { RIGMARK_VERSION } from '../../core/version';
import { UsageError, type CliContext } from '../context';

/** The renderer that `npm run build` (electron-vite) writes; web mode serves the very same files. */
export const RENDERER_DIR = fileURLToPath(new URL('../../../out/renderer', import.meta.url));

export function registerServe(program: Command, ctx: CliContext): void {
  program
    .command('serve')
    .description('serve the Rigmark UI on http://127.0.0.1 with a per-start token (for headless rigs)')
    .option('--port <n>', 'port on 127.0.0.1 (0 picks a free one)', '0')
    .option('--open', 'open the page in the default browser')
    .action(async (opts: { port: string; open?: boolean }) => {
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be 0–65535 (got "${opts.port}")`);
      if (!existsSync(`${RENDERER_DIR}/index.html`)) {
        throw new UsageError(`the UI is not built (${RENDERER_DIR} is missing): run \`npm run build\` first`);
      }
      const core = await ctx.openCore();
      const server = await startServer({ core, staticDir: RENDERER_DIR, port, version: RIGMARK_VERSION });
      ctx.io.out(`Rigmark is serving on ${server.url}\n`);
      ctx.io.err('Only this machine can reach it; the token in the address is required. Ctrl-C stops it.\n');
      if (opts.open) openBrowser(server.url);
      await new Promise<void>((resolve) => {
        const stop = (): void => void server.close().then(resolve);
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}

function openBrowser(url: string): void {
  const [cmd, args] = process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : ['xdg-open', [url]];
  spawn(cmd as string, args as string[], { stdio: 'ignore', detached: true }).on('error', () => undefined).unref();
}
