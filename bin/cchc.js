#!/usr/bin/env node
'use strict';
// The CLI is compiled by `npm run build:cli` (run automatically by `npm ci` through `prepare`).
let main;
try {
  ({ main } = require('../build/src/cli/main.js'));
} catch (e) {
  if (e && e.code === 'MODULE_NOT_FOUND') {
    process.stderr.write('cchc: chưa biên dịch công cụ dòng lệnh. Hãy chạy: npm run build:cli\n');
    process.exit(2);
  }
  throw e;
}
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
