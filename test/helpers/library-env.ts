/**
 * Jest setup (every test file): the per-user framework library points into a fresh temp folder,
 * so no test ever reads or writes the real home's library (src/cli/framework-library.ts).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

process.env.CCHC_LIBRARY = join(mkdtempSync(join(tmpdir(), 'cchc-lib-')), 'thu-vien');
