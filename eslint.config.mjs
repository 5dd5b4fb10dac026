import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', '**/node_modules/**', 'test/e2e/node24/**', '**/*.vsix', 'test/fixtures/**', '.fuzz/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['warn', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-constant-condition': ['warn', { checkLoops: false }],
      eqeqeq: ['warn', 'smart'],
    },
  },
  {
    // The language service stays pure: no LSP connection, no file system, no processes.
    files: ['server/src/service/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          'fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'child_process', 'node:child_process',
          'path', 'node:path', 'os', 'node:os', 'net', 'node:net', 'worker_threads', 'node:worker_threads',
          'vscode', 'vscode-languageserver', 'vscode-languageserver/node', 'vscode-languageserver/browser',
        ],
        patterns: ['vscode-languageserver/*', 'node:*'],
      }],
      'no-restricted-globals': ['error', 'process', 'require'],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', Buffer: 'readonly', performance: 'readonly' } },
  },
);
