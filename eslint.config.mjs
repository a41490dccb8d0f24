import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  { ignores: ['node_modules/', 'build/', 'dist/', 'coverage/', 'demo-output/', 'test-artifacts/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['bin/**/*.js', '*.config.js', 'webpack.config.js', 'jest.config.js'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly', console: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Use cases: what a user does, for both front ends; readers/writers come in as parameters.
    files: ['src/usecases/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['exceljs', 'react', 'react-dom', '@fluentui/*', 'fs', 'node:*', 'path', '../excel/*', '../cli/*', '../taskpane/*'] }],
    },
  },
  {
    // Pure layers: no Office.js, exceljs, React or Node I/O (DESIGN.md).
    files: ['src/common/**', 'src/framework/**', 'src/scoring/**', 'src/workbook/**', 'src/campaign/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['exceljs', 'react', 'react-dom', '@fluentui/*', 'fs', 'node:*', 'path', '../xlsx/*', '../excel/*', '../cli/*', '../taskpane/*'] }],
    },
  },
);
