// Lint: TypeScript rules plus the import boundaries of DESIGN.md — shared imports nothing of ours; core imports
// shared; main and cli import core + shared; preload imports electron + shared; renderer imports shared only.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Relative paths only (`../core/x`, `../../core`): a package such as `echarts/core` is not a layer.
const forbid = (...layers) => ({
  patterns: layers.map((l) => ({
    group: [`./${l}`, `./${l}/**`, `../${l}`, `../${l}/**`, `../**/${l}`, `../**/${l}/**`],
    message: `this layer may not import src/${l} (see DESIGN.md "One core, three shells")`,
  })),
});

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'native/**', '.cache/**', 'test-results/**', 'e2e/artifacts/**', 'resources/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/shared/**'],
    rules: { 'no-restricted-imports': ['error', { ...forbid('core', 'main', 'preload', 'renderer', 'cli'), paths: ['electron'] }] },
  },
  {
    files: ['src/core/**'],
    rules: { 'no-restricted-imports': ['error', { ...forbid('main', 'preload', 'renderer', 'cli'), paths: ['electron'] }] },
  },
  {
    files: ['src/cli/**'],
    rules: { 'no-restricted-imports': ['error', { ...forbid('main', 'preload', 'renderer'), paths: ['electron'] }] },
  },
  {
    files: ['src/main/**'],
    rules: { 'no-restricted-imports': ['error', forbid('preload', 'renderer', 'cli')] },
  },
  {
    files: ['src/preload/**'],
    rules: { 'no-restricted-imports': ['error', forbid('core', 'main', 'renderer', 'cli')] },
  },
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { ...forbid('core', 'main', 'preload', 'cli'), paths: ['electron'] }],
    },
  },
);
