import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'build/**',
      '.dist-*/**',
      'node_modules/**',
      '.cache/**',
      'output/**',
      'action-types.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'child_process',
              importNames: ['exec', 'execSync'],
              message: 'No shell strings: use shared/exec.ts (argument arrays).',
            },
            {
              name: 'node:child_process',
              importNames: ['exec', 'execSync'],
              message: 'No shell strings: use shared/exec.ts (argument arrays).',
            },
          ],
        },
      ],
    },
  },
  {
    // Only the thin action adapters may touch the runner toolkit.
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['@actions/*'] }],
    },
  },
);
