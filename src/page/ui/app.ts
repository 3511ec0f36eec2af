/**
 * The self-check page's user interface: choose or drop files, see the findings grouped by file
 * (errors first) with a preview of the sheet, download the findings workbook or a blank template,
 * in Chinese or English. Every piece of work runs in the worker (worker.ts), whose code the build
 * inlines here as __ZMQD_WORKER__.
 */
import { todayInChina } from '../../core/values/dates.js';
import type { Lang, RenderedFinding, Severity } from '../../core/findings/types.js';
import type { ValidateJson } from '../../core/report/validate-json.js';
import type { PreviewInfo, PreviewRow } from '../engine.js';
import { rosterOn } from '../roster.js';
import { enPage, enSeverity } from '../../core/i18n/en-page.js';
import { zhPage, zhSeverity } from '../../core/i18n/zh-page.js';
import type { Reply, Request } from './protocol.js';

declare const __ZMQD_WORKER__: string;
declare const __ZMQD_VERSION__: string;

// ---------------------------------------------------------------- texts

/** The page's words in a language (the labels module's), the severities as everywhere else. */
function textsOf(lang: Lang) {
  // the page files of the labels only: the whole labels module stays in the worker (the page's size budget)
  const page = lang === 'zh' ? zhPage : enPage;
  return { ...page, sev: lang === 'zh' ? zhSeverity : enSeverity, footer: page.footer(__ZMQD_VERSION__) };
}
type Texts = ReturnType<typeof textsOf>;
const T: Record<Lang, Texts> = { zh: textsOf('zh'), en: textsOf('en') };

/** How many findings a file lists on the page (all of them are in the workbook). */
const MAX_LISTED = 500;
/** Rows in a preview window. */
const WINDOW = 30;

// ---------------------------------------------------------------- state

interface State {
  lang: Lang;
  files: File[];
  json: Record<Lang, ValidateJson> | null;
  previews: (PreviewInfo | null)[];
  ms: number;
  windows: Map<number, { from: number; rows: PreviewRow[]; focusRow?: number; focusCell?: string }>;
}

const state: State = { lang: 'zh', files: [], json: null, previews: [], ms: 0, windows: new Map() };

/** What a test (or a curious clerk in the console) can read: the last results, as `zmqd validate --format json`. */
declare global {
  interface Window {
    zmqdResult?: Record<Lang, ValidateJson>;
  }
}

// ---------------------------------------------------------------- the worker

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, { resolve: (r: Reply) => void; reject: (e: Error) => void; progress?: (r: Reply) => void }>();

function startWorker(): Worker {
  const url = URL.createObjectURL(new Blob([__ZMQD_WORKER__], { type: 'text/javascript' }));
  const w = new Worker(url);
  w.onmessage = (e: MessageEvent<Reply>) => {
    const r = e.data;
    const p = pending.get(r.id);
    if (!p) return;
    if (r.type === 'progress') return p.progress?.(r);
    pending.delete(r.id);
    if (r.type === 'failed') p.reject(new Error(r.message));
    else p.resolve(r);
  };
  w.onerror = (e) => {
    e.preventDefault();
    const err = new Error(e.message || 'worker error');
    for (const p of pending.values()) p.reject(err);
    pending.clear();
    worker = null; // start a fresh one for the next request
    w.terminate();
  };
  return w;
}

/** A request without its id (Omit over each member of the union). */
type Ask = Request extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never;

function ask(req: Ask, progress?: (r: Reply) => void): Promise<Reply> {
  if (!worker) worker = startWorker();
  const id = nextId++;
  const w = worker;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject, progress });
    w.postMessage({ ...req, id } as Request);
  });
}

// ---------------------------------------------------------------- helpers

type Attrs = Record<string, string | number | boolean | undefined | ((e: Event) => void)>;

function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Node | string | null | undefined | false)[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.slice(2).toLowerCase(), v);
    else if (k === 'class') el.className = String(v);
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

function $(id: string): HTMLElement {
  return document.getElementById(id)!;
}

function t(): Texts {
  return T[state.lang];
}

function save(name: string, bytes: Uint8Array): void {
  const blob = new Blob([bytes as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function showFailure(err: unknown): void {
  const box = $('status');
  box.hidden = false;
  box.className = 'status failed';
  box.replaceChildren(h('span', { role: 'alert' }, t().failed(err instanceof Error ? err.message : String(err))));
  document.documentElement.dataset.state = 'failed';
}

// ---------------------------------------------------------------- the static part

function renderShell(): void {
  const x = t();
  document.documentElement.lang = state.lang === 'zh' ? 'zh-CN' : 'en';
  document.title = x.title;
  const asOf = (document.getElementById('asOf') as HTMLInputElement | null)?.value || todayInChina(new Date());
  const district = (document.getElementById('district') as HTMLSelectElement | null)?.value ?? '';
  const app = $('app');
  app.replaceChildren(
    h(
      'header',
      { class: 'top' },
      h('h1', {}, x.title),
      h('button', { id: 'lang', type: 'button', lang: state.lang === 'zh' ? 'en' : 'zh-CN', onClick: switchLang }, x.switchLang),
      h('p', {}, x.offline),
    ),
    h(
      'main',
      {},
      h(
        'div',
        { class: 'settings' },
        h('label', {}, x.asOf, h('input', { id: 'asOf', type: 'date', value: asOf, required: true, onChange: onSettings })),
        h('label', {}, x.district, h('select', { id: 'district', onChange: onSettings })),
      ),
      h(
        'button',
        { id: 'drop', class: 'drop', type: 'button', 'aria-describedby': 'dropHint', onClick: () => ($('files') as HTMLInputElement).click() },
        h('strong', {}, x.drop),
        h('small', { id: 'dropHint' }, x.dropHint),
      ),
      h('input', { id: 'files', type: 'file', multiple: true, accept: '.xlsx,.xlsm,.xls,.et,.csv', hidden: true, tabindex: -1, onChange: onPicked }),
      h('div', { id: 'queue', class: 'queue' }),
      h('div', { id: 'status', class: 'status', hidden: true, 'aria-live': 'polite' }),
      h('div', { id: 'summary', 'aria-live': 'polite' }),
      h(
        'div',
        { class: 'actions' },
        h('button', { id: 'report', type: 'button', class: 'primary', disabled: !state.json, onClick: () => void downloadReport() }, x.report),
        h('span', { class: 'sep' }),
        h('button', { id: 'template1', type: 'button', onClick: () => void downloadTemplate('annex1') }, x.template1),
        h('button', { id: 'template2', type: 'button', onClick: () => void downloadTemplate('annex2') }, x.template2),
      ),
      h('div', { id: 'results' }),
      h('footer', {}, x.footer),
    ),
  );
  fillDistricts(asOf, district);
  wireDrop();
  renderQueue();
  renderResults();
}

function fillDistricts(asOf: string, keep: string): void {
  const sel = $('district') as HTMLSelectElement;
  const x = t();
  const { units, former } = /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? rosterOn(asOf) : { units: [], former: [] };
  sel.replaceChildren(h('option', { value: '' }, x.anyUnit), ...units.map((u) => h('option', { value: u }, u)));
  if (former.length) sel.append(h('optgroup', { label: x.former }, ...former.map((u) => h('option', { value: u }, u))));
  sel.value = [...units, ...former].includes(keep) ? keep : '';
}

function wireDrop(): void {
  const zone = $('drop');
  const over = (on: boolean) => (e: DragEvent) => {
    e.preventDefault();
    zone.classList.toggle('over', on);
  };
  zone.addEventListener('dragenter', over(true));
  zone.addEventListener('dragover', over(true));
  zone.addEventListener('dragleave', over(false));
  zone.addEventListener('drop', (e: DragEvent) => {
    e.preventDefault();
    zone.classList.remove('over');
    addFiles([...(e.dataTransfer?.files ?? [])]);
  });
}

// a file dropped beside the zone must not make the browser open it in place of the page
window.addEventListener('dragover', (e) => e.preventDefault());
window.addEventListener('drop', (e) => e.preventDefault());

function switchLang(): void {
  state.lang = state.lang === 'zh' ? 'en' : 'zh';
  renderShell();
  $('lang').focus();
}

function onPicked(e: Event): void {
  const input = e.target as HTMLInputElement;
  addFiles([...(input.files ?? [])]);
  input.value = '';
}

function onSettings(e: Event): void {
  if ((e.target as HTMLElement).id === 'asOf') fillDistricts(($('asOf') as HTMLInputElement).value, ($('district') as HTMLSelectElement).value);
  if (state.files.length) void run();
}

/** Add to the files to check (a file of the same name replaces the earlier one), then check them all. */
function addFiles(files: File[]): void {
  if (!files.length) return;
  const byName = new Map(state.files.map((f) => [f.name, f]));
  for (const f of files) byName.set(f.name, f);
  state.files = [...byName.values()];
  renderQueue();
  void run();
}

function renderQueue(): void {
  const q = $('queue');
  const x = t();
  if (!state.files.length) {
    q.replaceChildren();
    return;
  }
  q.replaceChildren(
    h('span', {}, x.chosen),
    ...state.files.map((f) => h('span', { class: 'chip' }, f.name)),
    h('button', { type: 'button', id: 'clear', onClick: clearFiles }, x.clear),
  );
}

function clearFiles(): void {
  state.files = [];
  state.json = null;
  state.previews = [];
  state.windows.clear();
  window.zmqdResult = undefined;
  $('status').hidden = true;
  renderShell();
  $('drop').focus();
}

// ---------------------------------------------------------------- validating

let runId = 0;
let validating = false;

function stopWorker(): void {
  worker?.terminate();
  worker = null;
  const stopped = new Error('stopped');
  for (const p of pending.values()) p.reject(stopped);
  pending.clear();
}

async function run(): Promise<void> {
  const my = ++runId;
  const asOf = ($('asOf') as HTMLInputElement).value;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) return;
  const district = ($('district') as HTMLSelectElement).value || undefined;
  document.documentElement.dataset.state = 'working';
  const box = $('status');
  const bar = h('progress', { max: state.files.length, value: 0 });
  const label = h('span', {});
  const clock = h('span', { class: 'elapsed' });
  box.hidden = false;
  box.className = 'status';
  box.setAttribute('aria-busy', 'true');
  box.replaceChildren(bar, label, clock);
  const started = Date.now();
  const tick = setInterval(() => (clock.textContent = t().elapsed(Math.round((Date.now() - started) / 1000))), 1000);
  let reply: Reply;
  // new files or settings while a list is being checked: drop that work at once rather than wait for it
  if (validating) stopWorker();
  validating = true;
  try {
    if (!worker) worker = startWorker();
  } catch {
    clearInterval(tick);
    box.className = 'status failed';
    box.replaceChildren(h('span', { role: 'alert' }, t().noWorker));
    document.documentElement.dataset.state = 'failed';
    return;
  }
  try {
    reply = await ask({ type: 'validate', files: state.files, asOf, district }, (p) => {
      if (p.type !== 'progress' || my !== runId) return;
      // one file: the bar runs without a value (the core does not report within a file); several: file by file
      if (p.count === 1) bar.removeAttribute('value');
      else bar.value = p.index + 0.5;
      label.textContent = t().working(p.index + 1, p.count, p.name);
    });
  } catch (err) {
    clearInterval(tick);
    if (my === runId) showFailure(err);
    return;
  } finally {
    clearInterval(tick);
    if (my === runId) validating = false;
  }
  if (my !== runId || reply.type !== 'validated') return;
  box.hidden = true;
  box.removeAttribute('aria-busy');
  state.json = reply.json;
  state.previews = reply.previews;
  state.ms = reply.ms;
  state.windows.clear();
  window.zmqdResult = reply.json;
  ($('report') as HTMLButtonElement).disabled = false;
  renderResults();
  // fill the first window of each preview: the rows with the first finding, else the first rows
  await Promise.all(reply.json.zh.files.map((f, i) => (state.previews[i] ? loadWindow(i, { aroundRow: firstCellRow(f.findings) }) : Promise.resolve())));
  if (my === runId) document.documentElement.dataset.state = 'done';
}

function firstCellRow(fs: readonly RenderedFinding[]): number | undefined {
  return fs.find((f) => f.severity === 'error' && f.row !== undefined)?.row ?? fs.find((f) => f.row !== undefined)?.row;
}

async function loadWindow(file: number, where: { from?: number; aroundRow?: number }, focus?: { row: number; cell: string }): Promise<void> {
  let r: Reply;
  try {
    r = await ask({ type: 'rows', file, count: WINDOW, ...where });
  } catch (err) {
    // a new check started meanwhile (the worker was stopped): this window is of no use
    if (!(err instanceof Error && err.message === 'stopped')) showFailure(err);
    return;
  }
  if (r.type !== 'rows') return;
  state.windows.set(file, { from: r.from, rows: r.rows, focusRow: focus?.row, focusCell: focus?.cell });
  renderPreview(file);
}

async function downloadReport(): Promise<void> {
  const btn = $('report') as HTMLButtonElement;
  btn.disabled = true;
  try {
    const r = await ask({ type: 'report', lang: state.lang });
    if (r.type === 'file') save(r.name, r.bytes);
  } catch (err) {
    showFailure(err);
  } finally {
    btn.disabled = false;
  }
}

async function downloadTemplate(annex: 'annex1' | 'annex2'): Promise<void> {
  try {
    const district = ($('district') as HTMLSelectElement).value || undefined;
    const r = await ask({ type: 'template', annex, district });
    if (r.type === 'file') save(r.name, r.bytes);
  } catch (err) {
    showFailure(err);
  }
}

// ---------------------------------------------------------------- results

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function renderResults(): void {
  const out = $('results');
  const sum = $('summary');
  const x = t();
  if (!state.json) {
    out.replaceChildren();
    sum.replaceChildren();
    return;
  }
  const json = state.json[state.lang];
  const errors = json.errors,
    warnings = json.warnings;
  sum.className = `summary ${errors ? 'bad' : warnings ? 'warn' : 'good'}`;
  sum.replaceChildren(errors ? x.sumBad(errors, warnings) : warnings ? x.sumWarn(warnings) : x.sumGood, h('span', {}, x.sumFiles(json.files.length, state.ms), json.asOf));
  out.replaceChildren(...json.files.map((f, i) => renderFile(f, i)));
  for (const i of state.windows.keys()) renderPreview(i);
}

function renderFile(f: ValidateJson['files'][number], i: number): HTMLElement {
  const x = t();
  const cls = f.errors ? 'has-errors' : f.warnings ? 'has-warnings' : 'clean';
  const info = [x.kind[String(f.kind)], f.district, x.rows(f.kind, f.rows), x.counts(f.errors, f.warnings)].filter(Boolean).join(' · ');
  const sorted = [...f.findings].sort((a, b) => RANK[a.severity] - RANK[b.severity]);
  const listed = sorted.slice(0, MAX_LISTED);
  const art = h(
    'article',
    { class: `file ${cls}`, 'data-file': i, 'aria-labelledby': `file-${i}` },
    h('h2', { id: `file-${i}` }, h('span', { class: 'mark', 'aria-hidden': 'true' }, f.errors ? '✖' : f.warnings ? '!' : '✔'), f.file),
    h('p', { class: 'fileinfo' }, info),
  );
  if (listed.length) {
    art.append(
      h(
        'table',
        { class: 'findings' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, x.thSev), h('th', { scope: 'col' }, x.thCell), h('th', { scope: 'col' }, x.thMsg))),
        h('tbody', {}, ...listed.map((fd) => renderFinding(fd, i))),
      ),
    );
    if (sorted.length > listed.length) art.append(h('p', { class: 'more' }, x.more(sorted.length - listed.length)));
  }
  const p = state.previews[i];
  if (p) {
    art.append(h('details', { class: 'preview', open: f.errors + f.warnings > 0 }, h('summary', {}, x.preview(p.sheet)), h('div', { class: 'pv', id: `preview-${i}` })));
  }
  return art;
}

function renderFinding(fd: RenderedFinding, file: number): HTMLElement {
  const x = t();
  const where = fd.cell
    ? h('button', { type: 'button', class: 'cellref', title: x.showCell(fd.cell), 'aria-label': x.showCell(fd.cell), onClick: () => showCell(file, fd) }, fd.cell)
    : h('span', {}, fd.row !== undefined ? `${x.row} ${fd.row}` : x.wholeFile);
  return h(
    'tr',
    { class: `sev-${fd.severity}`, 'data-code': fd.code, 'data-cell': fd.cell },
    h('td', { class: 'sev' }, h('span', { class: `badge ${fd.severity}` }, x.sev[fd.severity])),
    h('td', { class: 'where' }, where),
    h('td', {}, h('div', { class: 'msg' }, fd.message), h('span', { class: 'code' }, fd.code)),
  );
}

function showCell(file: number, fd: RenderedFinding): void {
  const det = document.querySelector<HTMLDetailsElement>(`article[data-file="${file}"] details.preview`);
  if (!det || fd.row === undefined || !fd.cell) return;
  det.open = true;
  void loadWindow(file, { aroundRow: fd.row }, { row: fd.row, cell: fd.cell }).then(() => {
    const td = document.querySelector<HTMLElement>(`#preview-${file} td.focus`);
    td?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    td?.focus();
  });
}

/** Cell reference → the worst severity of the file's findings there, and their messages. */
function marksOf(file: number): Map<string, { sev: Severity; msgs: string[] }> {
  const m = new Map<string, { sev: Severity; msgs: string[] }>();
  for (const fd of state.json?.[state.lang].files[file]?.findings ?? []) {
    if (!fd.cell) continue;
    const cur = m.get(fd.cell);
    if (!cur) m.set(fd.cell, { sev: fd.severity, msgs: [fd.message] });
    else {
      cur.msgs.push(fd.message);
      if (RANK[fd.severity] < RANK[cur.sev]) cur.sev = fd.severity;
    }
  }
  return m;
}

function renderPreview(file: number): void {
  const host = document.getElementById(`preview-${file}`);
  const p = state.previews[file];
  const w = state.windows.get(file);
  if (!host || !p || !w) return;
  const x = t();
  const marks = marksOf(file);
  const cell = (ref: string, text: string, extra: string = '') => {
    const mk = marks.get(ref);
    const cls = [mk?.sev, ref === w.focusCell ? 'focus' : '', extra].filter(Boolean).join(' ');
    return h('td', { class: cls || undefined, title: mk ? `${ref}：${mk.msgs.join('\n')}` : ref, tabindex: ref === w.focusCell ? -1 : undefined, 'data-ref': ref }, text);
  };
  const metaLines = p.meta.map((m) => {
    const mk = marks.get(m.ref);
    return h('p', { class: `metaline ${mk?.sev ?? ''}` }, `${m.ref}  ${m.text}`);
  });
  const head = h('thead', {}, h('tr', {}, h('th', { class: 'rn', scope: 'col' }, ''), ...p.columns.map((c) => h('th', { scope: 'col' }, c.letter))));
  const hdr = p.headerRow
    ? [h('tr', { class: 'hdr' }, h('th', { class: 'rn', scope: 'row' }, String(p.headerRow)), ...p.columns.map((c) => cell(`${c.letter}${p.headerRow}`, c.header)))]
    : [];
  const body = w.rows.map((r) =>
    h(
      'tr',
      { class: r.row === w.focusRow ? 'target' : undefined },
      h('th', { class: 'rn', scope: 'row' }, String(r.row)),
      ...r.cells.map((text, j) => cell(`${p.columns[j]!.letter}${r.row}`, text)),
    ),
  );
  const first = w.from + 1,
    last = w.from + w.rows.length;
  const pager = h(
    'div',
    { class: 'pager' },
    h('button', { type: 'button', disabled: w.from === 0, onClick: () => void loadWindow(file, { from: Math.max(0, w.from - WINDOW) }) }, x.prev),
    h('button', { type: 'button', disabled: last >= p.rowCount, onClick: () => void loadWindow(file, { from: w.from + WINDOW }) }, x.next),
    h('span', {}, p.rowCount ? x.rowsOf(first, last, p.rowCount) : ''),
    h('span', { class: 'legend' }, h('span', { class: 'badge error' }, x.legend.error), h('span', { class: 'badge warning' }, x.legend.warning)),
  );
  host.replaceChildren(...metaLines, pager, h('div', { class: 'gridwrap' }, h('table', { class: 'grid' }, head, h('tbody', {}, ...hdr, ...body))));
}

// ---------------------------------------------------------------- start

window.addEventListener('unhandledrejection', (e) => {
  e.preventDefault();
  showFailure(e.reason);
});
renderShell();
document.documentElement.dataset.state = 'ready';
