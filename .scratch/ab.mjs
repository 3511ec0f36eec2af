import { readFileSync } from 'node:fs';
const which = process.argv[2];
const file = process.argv[3];
const { openWorkbook } = await import(`${which}/dist/src/core/workbook/open.js`);
const bytes = new Uint8Array(readFileSync(file));
await openWorkbook(bytes); // warm
const t0 = process.cpuUsage(); const w0 = performance.now();
const r = await openWorkbook(bytes);
const t1 = process.cpuUsage(t0);
console.log(which.includes('base') ? 'before' : 'after ', ((t1.user + t1.system) / 1e6).toFixed(3), 'cpu s', ((performance.now() - w0) / 1000).toFixed(3), 'wall s', r.ok);
