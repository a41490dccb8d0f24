import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

/**
 * The layers of DESIGN.md, bottom first. A layer may import only the layers below it; the pure
 * ones (up to usecases) import no I/O, Office.js, exceljs, zip libraries or UI. Each rule is a
 * regex on the import path, so `../../xlsx/…` from a nested folder is caught as well as `../xlsx/…`
 * (test/architecture/layers.test.ts probes every one of them).
 */
const LAYERS = [
  'common',
  'framework',
  'scoring',
  'workbook',
  'consolidation',
  'campaign',
  'xlsx',
  'docx',
  'excel',
  'usecases',
  'cli',
  'taskpane',
];
/** No I/O, Office.js, exceljs, zip/docx libraries or UI imported directly. */
const PURE = new Set(['common', 'framework', 'scoring', 'workbook', 'consolidation', 'campaign', 'usecases']);
/**
 * Beyond "only the layers below": siblings a layer must not reach. The .docx writers sit beside
 * the .xlsx ones (DESIGN.md): neither uses the other, and the Office.js adapter uses neither docx.
 */
const ALSO_FORBIDDEN = {
  docx: ['xlsx'],
  excel: ['docx'],
  usecases: ['excel'],
  cli: ['excel'],
  taskpane: ['cli'],
};
const IO_AND_UI = [
  'exceljs',
  'jszip',
  'fflate',
  'react',
  'react-dom',
  'react/*',
  '@fluentui/*',
  '@microsoft/office-js',
  'fs',
  'fs/*',
  'node:*',
  'path',
  'os',
  'child_process',
  'worker_threads',
  'zlib',
];
const UI = ['react', 'react-dom', 'react/*', '@fluentui/*'];
/** The adapters: bytes in, no file system (they run in the browser too), no UI. */
const ADAPTER = [...UI, 'fs', 'fs/*', 'node:*', 'path'];

/** A relative import reaching `src/<layer>` (`../layer/x`, `../../layer/x`, …). */
function layerPath(layer) {
  return {
    regex: `^\\.\\./(\\.\\./)*${layer}(/|$)`,
    message: `a layer may import only the layers below it (DESIGN.md); ${layer} is not below.`,
  };
}

function layerRules() {
  return LAYERS.map((layer, i) => {
    // src/testing (the in-memory Excel) serves tests and the browser test page only.
    const forbidden = [...LAYERS.slice(i + 1), ...(ALSO_FORBIDDEN[layer] ?? []), 'testing'];
    const packages = PURE.has(layer)
      ? IO_AND_UI
      : ['xlsx', 'docx', 'excel'].includes(layer)
        ? ADAPTER
        : layer === 'cli'
          ? UI
          : [];
    return {
      files: [`src/${layer}/**`],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns: [
              ...(packages.length ? [{ group: packages, message: 'not in this layer (DESIGN.md).' }] : []),
              // The docx package by its exact name: a gitignore-style "docx" would also match src/docx.
              ...(PURE.has(layer)
                ? [{ regex: '^docx(/|$)', message: 'not in this layer (DESIGN.md).' }]
                : []),
              ...forbidden.map(layerPath),
            ],
          },
        ],
      },
    };
  });
}

export { LAYERS, PURE, IO_AND_UI, ADAPTER, UI, ALSO_FORBIDDEN };

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
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        __dirname: 'readonly',
        console: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  ...layerRules(),
);
