// Lint rules, including the layer rule: each layer of src/ imports only from the layers below it
// (ui → map → worker → io → core; cli beside ui). src/core is pure: no DOM, no Node, no parsers.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const layer = (dir, forbidden, extra = []) => ({
  files: [`src/${dir}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...forbidden.map((f) => ({
            group: [`**/${f}/*`, `**/${f}`],
            message: `src/${dir} may not import from src/${f} (layers depend downward only: ui → map → worker → io → core).`,
          })),
          ...extra,
        ],
      },
    ],
  },
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test/fixtures/**', 'data/**'] },
  js.configs.recommended,
  {
    files: ['scripts/**/*.mjs', '*.js'],
    languageOptions: { globals: { console: 'readonly', process: 'readonly' } },
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  layer(
    'core',
    ['io', 'worker', 'map', 'ui', 'cli'],
    [
      {
        group: ['sigma', 'sigma/*', 'papaparse', 'fflate'],
        message: 'src/core is pure: no rendering or parsing libraries.',
      },
      {
        group: ['node:*', 'fs', 'path', 'os', 'child_process'],
        message: 'src/core runs in the page and the worker: no Node APIs.',
      },
    ],
  ),
  layer('io', ['worker', 'map', 'ui', 'cli'], [{ group: ['sigma', 'sigma/*'], message: 'src/io does not render.' }]),
  layer('worker', ['map', 'ui', 'cli'], [{ group: ['sigma', 'sigma/*'], message: 'src/worker does not render.' }]),
  layer('map', ['ui', 'cli']),
  layer('cli', ['ui', 'map', 'worker'], [{ group: ['sigma', 'sigma/*'], message: 'src/cli is headless.' }]),
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'localStorage', 'indexedDB', 'fetch', 'process', 'require'].map(
          (name) => ({
            name,
            message: `src/core is pure and DOM-free: '${name}' belongs in io, worker or ui.`,
          }),
        ),
      ],
    },
  },
);
