#!/usr/bin/env node
// The zmqd executable: a thin shim over the compiled CLI (built by `npm ci` / `npm run build`).
import('../dist/src/cli/main.js')
  .then((m) => m.main(process.argv))
  .catch((err) => {
    if (err && err.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('dist/src/cli/main.js')) {
      process.stderr.write('zmqd 尚未构建：请先运行 npm ci（或 npm run build）。\nzmqd is not built yet: run `npm ci` (or `npm run build`) first.\n');
      process.exit(2);
    }
    process.stderr.write(`zmqd: 内部错误 internal error: ${err && err.stack ? err.stack : err}\n`);
    process.exit(70);
  });
