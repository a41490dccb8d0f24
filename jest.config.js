/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }],
  },
  // The per-user framework library of every test lives in a temp folder, never the real home.
  setupFiles: ['<rootDir>/test/helpers/library-env.ts'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  // LibreOffice and Chromium tests convert files in child processes; give them room.
  testTimeout: 120000,
};
