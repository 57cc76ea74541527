import type { Command } from 'commander';
import type { CliContext } from '../context';
import { formatTable, printJson } from '../output';

const gb = (bytes: number): string => (bytes >= 1e9 ? `${(bytes / 1e9).toFixed(2)} GB` : `${(bytes / 1e6).toFixed(1)} MB`);

export function registerModels(program: Command, ctx: CliContext): void {
  const models = program
    .command('models')
    .description('models on this disk (read-only: your folders, Ollama, LM Studio, Hugging Face caches) and synthetic shapes')
    .option('--json', 'print as JSON')
    .action(async (opts: { json?: boolean }) => {
      const core = await ctx.openCore();
      const view = await core.listModels();
      if (opts.json) return printJson(ctx.io, view);
      const found = view.models.map((m) => [
        m.id,
        gb(m.sizeBytes),
        m.info?.ok ? (m.info.summary.quantization ?? '?') : 'unreadable',
        m.info?.ok ? `${(m.info.summary.parameterCount / 1e6).toFixed(1)} M` : (m.info?.error.message ?? ''),
        m.sha256 ? m.sha256.slice(0, 12) : '–',
      ]);
      ctx.io.out(found.length > 0 ? formatTable(['model', 'size', 'quant', 'params', 'sha256'], found) : 'No GGUF models found (add folders in Settings).\n');
      ctx.io.out('\nSynthetic same-shape models (generated locally, labelled synthetic in every result):\n');
      const rows = view.synthetic.map((s) => [`synthetic:${s.name}`, s.displayName, gb(s.sizeBytes), s.isGenerated ? 'generated' : 'not yet']);
      ctx.io.out(formatTable(['id', 'shape', 'size', 'state'], rows));
    });
  models
    .command('generate <name>')
    .description('write a synthetic model (e.g. llama-2-7b-q4_0) into the models cache, or reuse it')
    .action(async (name: string) => {
      const core = await ctx.openCore();
      const off = core.onEvent((e) => {
        if (e.type === 'model-progress' && ctx.io.isTty) ctx.io.err(`\r\x1b[2Kgenerating ${name}: ${(e.fraction * 100).toFixed(0)} %`);
      });
      const out = await core.generateModel(name);
      off();
      if (ctx.io.isTty) ctx.io.err('\r\x1b[2K');
      ctx.io.out(`${out.isReused ? 'Reused' : 'Wrote'} ${out.path}\n`);
    });
}
