import type { zhPage, zhSeverity } from './zh-page.js';

/**
 * The self-check page's own words in English, part of the labels of `en.ts` (its `report.page` and
 * `severity`), kept in a file of their own so that the page's main-thread bundle carries only
 * these and not every label (the page has a size budget); the worker bundles the whole module.
 */
export const enSeverity: typeof zhSeverity = { error: 'error', warning: 'warning', info: 'info' };

export const enPage: typeof zhPage = {
  title: 'Positive-list annex self-check',
  offline: "This page works offline: your files are checked in this browser and never uploaded. The rules are exactly those of the city bureau's zmqd validate.",
  switchLang: '中文',
  asOf: 'As-of date (for validity)',
  district: 'Your reporting unit',
  anyUnit: '(not specified)',
  // 两江新区 is the unit's name as the roster spells it
  former: "Merged into 两江新区 (last quarter's reports only)",
  drop: 'Drop your Annex 1 and Annex 2 files here, or press here to choose them',
  dropHint: 'Several .xlsx files at once; save a legacy .xls/.et as .xlsx in Excel/WPS first',
  chosen: 'Files to check:',
  clear: 'Clear',
  working: (i: number, n: number, name: string) => `Checking file ${i} of ${n}: ${name}`,
  elapsed: (s: number) => `${s} s so far`,
  failed: (m: string) => `An internal error occurred; please send this to the city bureau: ${m}`,
  noWorker: 'This browser does not let the page start its background checker (Web Worker); open it in a current Chrome, Edge, Firefox, 360 or QQ browser.',
  report: 'Download the findings (Excel)',
  reportFile: 'findings.xlsx',
  template1: 'Blank template: Annex 1',
  template2: 'Blank template: Annex 2',
  sumBad: (e: number, w: number) => `${e} error${e === 1 ? '' : 's'}${w ? `, ${w} warning${w === 1 ? '' : 's'}` : ''}: fix them as described below and check again.`,
  sumWarn: (w: number) => `No errors; ${w} warning${w === 1 ? '' : 's'}: check each one, and keep what is right.`,
  sumGood: 'No problems found: ready to submit.',
  sumFiles: (n: number, ms: number) => `${n} file${n === 1 ? '' : 's'} in ${(ms / 1000).toFixed(1)} s; as of `,
  kind: { annex1: 'Annex 1', annex2: 'Annex 2', null: 'Not recognised' } as Record<string, string>,
  rows: (k: string | null, n: number) => (k === 'annex2' ? `${n} enterprise${n === 1 ? '' : 's'}` : k === 'annex1' ? `${n} row${n === 1 ? '' : 's'}` : ''),
  counts: (e: number, w: number) => (e || w ? `${e} error${e === 1 ? '' : 's'}, ${w} warning${w === 1 ? '' : 's'}` : 'no problems'),
  thSev: 'Severity',
  thCell: 'Cell',
  thMsg: 'Problem and what to do',
  wholeFile: 'whole file',
  showCell: (c: string) => `Show ${c} in the preview`,
  more: (n: number) => `${n} more not listed here: download the findings workbook for all of them.`,
  preview: (sheet: string) => `Sheet preview: ${sheet}`,
  rowsOf: (a: number, b: number, n: number) => `data rows ${a}–${b} of ${n}`,
  prev: 'Previous',
  next: 'Next',
  row: 'Row',
  legend: { error: 'error', warning: 'warning' },
  footer: (version: string) => `Self-check page for the annexes of Chongqing's environmental-enforcement positive list · zmqd ${version}`,
};
