/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }],
  },
  // Each test file's temp folders live under one folder removed after it (temp-root.ts); the
  // per-user framework library of every test lives there too, never in the real home.
  setupFiles: ['<rootDir>/test/helpers/temp-root.ts', '<rootDir>/test/helpers/library-env.ts'],
  setupFilesAfterEnv: ['<rootDir>/test/helpers/temp-root-cleanup.ts'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  // LibreOffice and Chromium tests convert files in child processes; give them room.
  testTimeout: 120000,
};
