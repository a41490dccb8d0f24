/**
 * Jest setup (every test file, before anything else): the temp folders a test file makes — its own
 * `mkdtemp(tmpdir())`s and the code's under test — all go under one fresh folder, removed after the
 * file's tests (temp-root-cleanup.ts). Without it every full run left ~800 folders in the machine's
 * temp directory. Setting TMPDIR would not do: a test file's `process.env` is jest's copy, which
 * Node's `os.tmpdir()` never reads; the `os` module itself is the worker's one object, so its
 * `tmpdir` is pointed at the file's root (and the machine's own kept for what must be shared).
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const os = require('node:os') as typeof import('node:os') & { cchcOriginalTmpdir?: () => string };
import { chmodSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';

os.cchcOriginalTmpdir ??= os.tmpdir;
const machineTmp = os.cchcOriginalTmpdir();
const root = mkdtempSync(join(machineTmp, 'cchc-test-'));
// Traversable like the machine's temp folder itself: tests that run a child as another user
// (nobody, for permission errors) open their own folder to it and must reach it through the root.
chmodSync(root, 0o755);
os.tmpdir = () => root;
process.env.CCHC_TEST_OS_TMPDIR = machineTmp;
process.env.CCHC_TEST_TEMP_ROOT = root;
