/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The self-check page in a real browser (Debian's Chromium, from file://): the same findings as
 * `zmqd validate --format json` on the same fixtures, in both languages; the findings workbook and
 * the templates byte for byte those of the command line; the preview, the district select, the
 * language switch and the keyboard; no request beyond the page itself and its worker's Blob URL,
 * and no console error, on good files and bad ones.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeWithTools, tool } from '../helpers/tools.js';
import { root, zmqd } from '../helpers/cli.js';
import type { ValidateJson } from '../../src/core/report/validate-json.js';
import { launch, dropFiles, openPage, otherRequests, settled, type Browser } from './browser.js';

const AS_OF = '2024-10-01';
/** A browser test's time: a few seconds on an idle machine, a minute or more on a shared, loaded one. */
const SLOW = 300_000;
/** The command line without LibreOffice: the page cannot convert a legacy .xls either. */
const NO_SOFFICE = { SOFFICE: path.join(os.tmpdir(), 'no-soffice-here', 'soffice') };
const SCREENS = path.join(root, '.vitest-tmp', 'page-screens');

type Lang = 'zh' | 'en';

function filesOf(dir: string): string[] {
  return readdirSync(dir)
    .filter((n) => /\.(xlsx|xls|et|csv)$/i.test(n) && !n.startsWith('~$'))
    .sort();
}

/** `zmqd validate --format json` run in the folder on the file names, so `file` is the name as in the page. */
function cliJson(dir: string, names: string[], lang: Lang, extra: string[] = []): ValidateJson {
  const r = zmqd(['validate', '--format', 'json', '--lang', lang, '--as-of', AS_OF, ...extra, ...names], { cwd: dir, env: NO_SOFFICE });
  expect(r.status, r.stderr).not.toBe(2);
  return JSON.parse(r.stdout) as ValidateJson;
}

function byFile(j: ValidateJson): ValidateJson['files'] {
  return [...j.files].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

async function pageJson(page: Page, lang: Lang): Promise<ValidateJson> {
  return page.evaluate((l) => (window as unknown as { zmqdResult: Record<string, unknown> }).zmqdResult[l], lang) as Promise<ValidateJson>;
}

async function download(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
  const p = await dl.path();
  return { name: dl.suggestedFilename(), bytes: readFileSync(p) };
}

/** The parts of an .xlsx, for a readable difference when the bytes differ. */
function parts(bytes: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(unzipSync(bytes))) out[k] = new TextDecoder().decode(v);
  return out;
}

describeWithTools(['chromium'], 'self-check page in Chromium', () => {
  let b: Browser;
  let tmp: string;
  let html: string;
  let page: Page;

  beforeAll(async () => {
    // build the page from the current sources (the global setup runs tsc only), then write it as a user would
    execFileSync(process.execPath, [path.join(root, 'dist', 'scripts', 'build-page.js')], { cwd: root, stdio: 'pipe' });
    tmp = mkdtempSync(path.join(os.tmpdir(), 'zmqd-page-'));
    html = path.join(tmp, '正面清单自查.html');
    const r = zmqd(['page', '--out', html, '--quiet']);
    expect(r.status, r.stderr).toBe(0);
    mkdirSync(SCREENS, { recursive: true });
    b = await launch(tool('chromium').command);
  });

  afterEach(() => {
    // nothing fetched, nothing logged as an error, on every test's files
    if (page) expect(otherRequests(b, page)).toEqual([]);
    expect(b.problems).toEqual([]);
  });

  afterAll(async () => {
    await b?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  const sets: [string, string, 'pick' | 'drop'][] = [
    ['clean lists', 'fixtures/annex/clean', 'pick'],
    ['dirty lists', 'fixtures/annex/dirty', 'drop'],
    ['awkward producers', 'fixtures/annex/awkward', 'pick'],
    ['bad files', 'fixtures/annex/bad', 'drop'],
    ['the bad corpus', 'fixtures/bad/annex', 'pick'],
  ];
  for (const [label, rel, how] of sets) {
    it(
      `gives the findings of zmqd validate --format json: ${label} (${how === 'drop' ? 'dropped' : 'chosen'})`,
      async () => {
        const dir = path.join(root, rel);
        const zh = cliJson(dir, filesOf(dir), 'zh');
        const en = cliJson(dir, filesOf(dir), 'en');
        const names = zh.files.map((f) => f.file); // the command line's order: the workbooks then match too
        page = await openPage(b, html, AS_OF);
        if (how === 'drop')
          await dropFiles(
            page,
            names.map((n) => ({ name: n, bytes: readFileSync(path.join(dir, n)) })),
          );
        else
          await page.setInputFiles(
            '#files',
            names.map((n) => path.join(dir, n)),
          );
        expect(await settled(page)).toBe('done');
        const got = { zh: await pageJson(page, 'zh'), en: await pageJson(page, 'en') };
        for (const [lang, want] of [
          ['zh', zh],
          ['en', en],
        ] as const) {
          expect(got[lang].asOf).toBe(AS_OF);
          expect(byFile(got[lang])).toEqual(byFile(want));
          expect([got[lang].errors, got[lang].warnings]).toEqual([want.errors, want.warnings]);
        }
        // what the clerk sees: one section per file, its findings listed errors first with their cell and message
        const shown = await page.$$eval('article.file', (arts) =>
          arts.map((a) => ({
            name: a.querySelector('h2')!.textContent!.slice(1),
            rows: [...a.querySelectorAll('table.findings tbody tr')].map((tr) => ({
              sev: tr.className.replace('sev-', ''),
              cell: tr.getAttribute('data-cell'),
              msg: tr.querySelector('.msg')!.textContent,
            })),
          })),
        );
        expect(shown.map((s) => s.name)).toEqual(names);
        const rank = { error: 0, warning: 1, info: 2 } as Record<string, number>;
        shown.forEach((s, i) => {
          const want = zh.files[i]!.findings;
          expect(s.rows).toHaveLength(Math.min(want.length, 500));
          expect(s.rows.map((r) => rank[r.sev])).toEqual([...s.rows.map((r) => rank[r.sev]!)].sort((x, y) => x - y));
          const sortedWant = [...want].sort((x, y) => rank[x.severity]! - rank[y.severity]!).slice(0, 500);
          expect(s.rows).toEqual(sortedWant.map((f) => ({ sev: f.severity, cell: f.cell ?? null, msg: f.message })));
        });
        if (rel.endsWith('bad')) {
          const legacy = shown.find((s) => s.name.endsWith('.xls'))!;
          expect(legacy.rows[0]!.msg).toContain('另存为');
        }
        // the findings workbook: the very bytes of zmqd validate --report on the same files
        const report = await download(page, '#report');
        const out = path.join(tmp, `report-${rel.replace(/\W+/g, '-')}.xlsx`);
        const r = zmqd(['validate', '--format', 'json', '--as-of', AS_OF, '--report', out, ...names], { cwd: dir, env: NO_SOFFICE });
        expect(r.status, r.stderr).not.toBe(2);
        expect(report.name).toBe('问题清单.xlsx');
        expect(parts(report.bytes)).toEqual(parts(readFileSync(out)));
        expect(report.bytes.equals(readFileSync(out))).toBe(true);
      },
      SLOW,
    );
  }

  it(
    'shows the cell of a finding in the sheet preview, highlighted',
    async () => {
      const dir = path.join(root, 'fixtures/annex/dirty');
      page = await openPage(b, html, AS_OF);
      await page.setInputFiles('#files', [path.join(dir, '渝北区附表2-问题清单.xlsx'), path.join(root, 'fixtures/annex/clean/渝北区附表2-模板填写.xlsx')]);
      expect(await settled(page)).toBe('done');
      const json = await pageJson(page, 'zh');
      await page.screenshot({ path: path.join(SCREENS, 'dirty.png'), fullPage: false });
      const f = json.files[0]!.findings.filter((x) => x.severity === 'error' && x.cell && x.row! > 40).at(-1) ?? json.files[0]!.findings.filter((x) => x.cell).at(-1)!;
      // the first window already marks the cells with findings
      const marked = await page.$$eval('#preview-0 td.error, #preview-0 td.warning', (tds) => tds.map((td) => td.getAttribute('data-ref')));
      expect(marked.length).toBeGreaterThan(0);
      for (const ref of marked) expect(json.files[0]!.findings.some((x) => x.cell === ref)).toBe(true);
      await page.click(`article[data-file="0"] tr[data-cell="${f.cell}"] button.cellref`);
      await page.waitForSelector(`#preview-0 td.focus[data-ref="${f.cell}"]`);
      const td = await page.$eval(`#preview-0 td[data-ref="${f.cell}"]`, (el) => ({
        cls: el.getAttribute('class') ?? '',
        focused: document.activeElement === el,
        title: el.getAttribute('title'),
      }));
      expect(td.cls).toContain(f.severity);
      expect(td.focused).toBe(true);
      expect(td.title).toContain(f.message);
      // the clean list: no finding, its preview closed but there
      expect(await page.$eval('article[data-file="1"]', (a) => a.getAttribute('class'))).toContain('clean');
      await page.screenshot({ path: path.join(SCREENS, 'dirty-preview.png'), fullPage: false });
      await page.click('#clear');
      await page.setInputFiles('#files', [path.join(root, 'fixtures/annex/clean/渝北区附表2-模板填写.xlsx'), path.join(root, 'fixtures/annex/clean/两江新区三季度附表1.xlsx')]);
      expect(await settled(page)).toBe('done');
      expect(await page.$eval('#summary', (s) => s.getAttribute('class'))).toContain('good');
      await page.screenshot({ path: path.join(SCREENS, 'clean.png'), fullPage: false });
    },
    SLOW,
  );

  it(
    'offers the roster of the period and checks against the unit chosen, as --district does',
    async () => {
      const dir = path.join(root, 'fixtures/annex/dirty');
      page = await openPage(b, html, AS_OF);
      const options = () => page.$$eval('#district option', (os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
      const units2024 = await options();
      expect(units2024).toHaveLength(41);
      expect(units2024).toContain('江北区');
      await page.fill('#asOf', '2025-10-09');
      await page.dispatchEvent('#asOf', 'change');
      // 2025 Q4: 39 units, and the two merged into 两江新区 apart for their last quarter's report
      expect(await page.$$eval('#district > option', (os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean))).toHaveLength(39);
      expect(await page.$$eval('#district optgroup option', (os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual(['江北区', '渝北区']);
      await page.fill('#asOf', AS_OF);
      await page.dispatchEvent('#asOf', 'change');
      await page.selectOption('#district', '江津区');
      const names = ['渝北区附表2.xlsx'];
      await page.setInputFiles(
        '#files',
        names.map((n) => path.join(dir, n)),
      );
      expect(await settled(page)).toBe('done');
      const want = cliJson(dir, names, 'zh', ['--district', '江津区']);
      expect(byFile(await pageJson(page, 'zh'))).toEqual(byFile(want));
      expect(want.files[0]!.findings.some((f) => f.code === 'district-mismatch')).toBe(true);
      // the blank templates, with the chosen unit filled in: those of zmqd template
      for (const [btn, annex] of [
        ['#template1', 'annex1'],
        ['#template2', 'annex2'],
      ] as const) {
        const got = await download(page, btn);
        const out = path.join(tmp, `${annex}.xlsx`);
        const r = zmqd(['template', annex, '--district', '江津区', '--out', out, '--quiet']);
        expect(r.status, r.stderr).toBe(0);
        expect(got.name).toBe(annex === 'annex1' ? '附表1-落实监督执法正面清单工作情况汇总表.xlsx' : '附表2-监督执法正面清单企业列表.xlsx');
        expect(got.bytes.equals(readFileSync(out))).toBe(true);
      }
    },
    SLOW,
  );

  it(
    'switches to English and back, keeping the results',
    async () => {
      const dir = path.join(root, 'fixtures/annex/dirty');
      page = await openPage(b, html, AS_OF);
      await page.setInputFiles('#files', [path.join(dir, '渝北区2024年三季度附表1-数字问题.xlsx')]);
      expect(await settled(page)).toBe('done');
      await page.click('#lang');
      expect(await page.textContent('h1')).toBe('Positive-list annex self-check');
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      const en = await pageJson(page, 'en');
      const msgs = await page.$$eval('table.findings .msg', (ms) => ms.map((m) => m.textContent));
      expect(new Set(msgs)).toEqual(new Set(en.files[0]!.findings.map((f) => f.message)));
      expect(await page.inputValue('#asOf')).toBe(AS_OF);
      const report = await download(page, '#report');
      expect(report.name).toBe('findings.xlsx');
      expect(parts(report.bytes)['xl/workbook.xml']).toContain('name="Summary"');
      await page.click('#lang');
      expect(await page.textContent('h1')).toBe('正面清单附表自查');
    },
    SLOW,
  );

  it(
    'is usable with the keyboard: Tab reaches the drop zone, Enter opens the file picker',
    async () => {
      page = await openPage(b, html, AS_OF);
      await page.focus('#lang');
      // the date input takes a Tab per part (year, month, day): count each control once
      const order: string[] = [];
      for (let i = 0; i < 10 && order.at(-1) !== 'drop'; i++) {
        await page.keyboard.press('Tab');
        const id = await page.evaluate(() => document.activeElement?.id ?? '');
        if (order.at(-1) !== id) order.push(id);
      }
      expect(order).toEqual(['asOf', 'district', 'drop']);
      // listen first: the key press alone reaches the page before playwright intercepts the picker
      const chosen = page.waitForEvent('filechooser');
      await page.focus('#drop');
      await page.keyboard.press('Enter');
      const chooser = await chosen;
      expect(chooser.isMultiple()).toBe(true);
      await chooser.setFiles([path.join(root, 'fixtures/annex/clean/两江新区三季度附表1.xlsx')]);
      expect(await settled(page)).toBe('done');
      expect(await page.$$eval('article.file', (a) => a.length)).toBe(1);
      // the validation ran in a worker started from a Blob URL, not on the page's own thread
      expect(page.workers().length).toBe(1);
      expect(page.workers()[0]!.url()).toMatch(/^blob:/);
    },
    SLOW,
  );
});
