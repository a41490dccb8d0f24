/**
 * Jest setup after the framework (every test file): the file's temp root (temp-root.ts) is removed
 * once its tests are done.
 */
import { rmSync } from 'node:fs';

afterAll(() => {
  const root = process.env.CCHC_TEST_TEMP_ROOT;
  if (root) rmSync(root, { recursive: true, force: true });
});
