#!/usr/bin/env node
// The `rigmark` CLI. It runs the TypeScript sources through tsx's loader, so the CLI, web mode and the worker
// processes it forks all run the same code the tests exercise.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
