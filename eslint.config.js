import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/**
 * Lint, and the one rule that keeps the house standing: imports go one way,
 * core ← contract ← db ← services ← server | cli, and web only through contract and core.
 */
const layer = (files, forbidden, why, extra = []) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...forbidden.map((dir) => ({ group: [`**/${dir}`, `**/${dir}/**`], message: why })),
          ...extra,
        ],
      },
    ],
  },
});

export default tseslint.config(
  { ignores: ['dist/**', 'data/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  { files: ['web/**/*.{ts,tsx}'], languageOptions: { globals: { ...globals.browser } } },
  layer(
    ['src/core/**'],
    ['contract', 'db', 'services', 'server', 'cli', 'web'],
    'core is pure: it imports nothing of ours.',
    [
      { regex: '^(node:|(fs|path|crypto|child_process|http|https|net|os)$)', message: 'core does no I/O.' },
      {
        regex: '^(kysely|pg|better-sqlite3|fastify|fastify-.*|@fastify/.*|commander|react.*)$',
        message: 'core uses no framework.',
      },
    ],
  ),
  layer(['src/contract/**'], ['db', 'services', 'server', 'cli', 'web'], 'contract may use core only.'),
  layer(['src/db/**'], ['services', 'server', 'cli', 'web'], 'db may use core and contract only.'),
  layer(['src/services/**'], ['server', 'cli', 'web'], 'services may not know about HTTP or the CLI.'),
  layer(['src/server/**'], ['cli', 'web'], 'server and cli are siblings.'),
  layer(['src/cli/**'], ['web'], 'the CLI does not import the web app.'),
  layer(
    ['web/**'],
    ['db', 'services', 'server', 'cli'],
    'web talks to the server only through the API (contract).',
  ),
);
