/**
 * The self-check page's Web Worker: reads and validates the files, builds the workbooks, and serves
 * windows of the sheet preview, so the page never freezes on a 100,000-row list. Inlined into the
 * page by scripts/build-page.ts and started from a Blob URL (a file:// page cannot load a worker
 * script from a URL of its own).
 */
import type { Lang } from '../../core/findings/types.js';
import type { ValidateJson } from '../../core/report/validate-json.js';
import { bothLanguages, previewsOf, reportBytes, templateFile, validatePageFiles, type Preview } from '../engine.js';
import type { Reply, Request } from './protocol.js';
import { labels } from '../../core/i18n/index.js';

interface Scope {
  onmessage: ((e: MessageEvent<Request>) => void) | null;
  postMessage(m: Reply, transfer?: Transferable[]): void;
}
const scope = self as unknown as Scope;

let last: { json: Record<Lang, ValidateJson>; previews: (Preview | null)[] } | null = null;

function post(m: Reply, transfer: Transferable[] = []): void {
  scope.postMessage(m, transfer);
}

async function handle(req: Request): Promise<void> {
  switch (req.type) {
    case 'validate': {
      const t0 = performance.now();
      last = null;
      const files = req.files.map((f) => ({ name: f.name, size: f.size, bytes: async () => new Uint8Array(await f.arrayBuffer()) }));
      const results = await validatePageFiles(files, { asOf: req.asOf, district: req.district }, (index, name) =>
        post({ type: 'progress', id: req.id, index, count: files.length, name }),
      );
      const json = bothLanguages(results, req.asOf);
      const previews = previewsOf(results);
      // the results hold the annexes as read: keep only what the preview needs
      for (const r of results) {
        delete r.annex1;
        delete r.annex2;
      }
      last = { json, previews };
      post({ type: 'validated', id: req.id, json, previews: previews.map((p) => p?.info ?? null), ms: performance.now() - t0 });
      return;
    }
    case 'report': {
      if (!last) throw new Error('no results');
      const bytes = await reportBytes(last.json[req.lang], req.lang);
      post({ type: 'file', id: req.id, name: labels(req.lang).report.page.reportFile, bytes }, [bytes.buffer]);
      return;
    }
    case 'template': {
      const f = await templateFile(req.annex, req.district);
      post({ type: 'file', id: req.id, name: f.name, bytes: f.bytes }, [f.bytes.buffer]);
      return;
    }
    case 'rows': {
      const p = last?.previews[req.file];
      const w = !p ? { from: 0, rows: [] } : req.aroundRow !== undefined ? p.around(req.aroundRow, req.count) : { from: req.from ?? 0, rows: p.rows(req.from ?? 0, req.count) };
      post({ type: 'rows', id: req.id, file: req.file, ...w });
      return;
    }
  }
}

// one request at a time, in order: a window of the preview is always that of the last validation
let queue: Promise<void> = Promise.resolve();
scope.onmessage = (e) => {
  const req = e.data;
  queue = queue.then(() => handle(req)).catch((err: unknown) => post({ type: 'failed', id: req.id, message: err instanceof Error ? err.message : String(err) }));
};
