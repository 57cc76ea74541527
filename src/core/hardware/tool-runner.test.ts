import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { envWithStandIns, standInNvidiaSmiDir } from '../../../test/stand-ins';
import { createToolRunner, describeToolFailure, findExecutable } from './tool-runner';

const node = process.execPath;

describe('createToolRunner', () => {
  const runTool = createToolRunner();

  it('reports a missing executable as not found, not as an error', async () => {
    const result = await runTool('rigmark-no-such-tool-7f3a', ['--version']);
    expect(result).toEqual({ isFound: false, exitCode: null, stdout: '', stderr: '', error: null });
  });

  it('returns output and exit code of a tool that fails', async () => {
    const result = await runTool(node, ['-e', 'process.stdout.write("partial"); process.stderr.write("bad"); process.exit(3)']);
    expect(result).toMatchObject({ isFound: true, exitCode: 3, stdout: 'partial', stderr: 'bad', error: null });
    expect(describeToolFailure(result)).toBe('exit 3: partial');
  });

  it('kills a tool that outlives its limit and says so', async () => {
    const result = await runTool(node, ['-e', 'setTimeout(() => {}, 60_000)'], { timeoutMs: 300 });
    expect(result).toMatchObject({ isFound: true, exitCode: null, error: 'timed out after 300 ms' });
  });

  it('looks the command up on the PATH of the env it was given', async () => {
    const withStandIn = createToolRunner({ env: envWithStandIns([standInNvidiaSmiDir]) });
    const result = await withStandIn('nvidia-smi', ['--query-gpu=name', '--format=csv,noheader']);
    expect(result.stdout.trim()).toBe('NVIDIA GeForce RTX 4090');
    expect((await runTool('nvidia-smi', [])).isFound).toBe(findExecutable('nvidia-smi') !== null);
  });
});

describe('findExecutable', () => {
  it('finds an executable on the given PATH and nothing elsewhere', () => {
    expect(findExecutable('nvidia-smi', { PATH: standInNvidiaSmiDir })).toBe(join(standInNvidiaSmiDir, 'nvidia-smi'));
    expect(findExecutable('nvidia-smi', { PATH: '' })).toBeNull();
    // The stand-in's .cjs body is in the same folder but not executable: it must not count.
    expect(findExecutable('stand-in-nvidia-smi.cjs', { PATH: standInNvidiaSmiDir })).toBeNull();
  });
});
