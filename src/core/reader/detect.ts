import type { GridWorkbook } from '../workbook/grid.js';
import { finding } from '../findings/make.js';
import type { Finding } from '../findings/types.js';
import { findAnnex1Header, readAnnex1 } from './annex1.js';
import { findAnnex2Header, readAnnex2 } from './annex2.js';
import type { AnnexDoc } from './types.js';
import type { FindingCode } from '../findings/catalogue/index.js';

/** The codes this module reports (each code's owner: src/core/findings/owners.ts). */
export const emits = ['sheet-not-recognised', 'sheet-hidden-data', 'sheet-extra-annex'] as const satisfies readonly FindingCode[];

export interface Recognised {
  /** the annexes read from the workbook: at most one of each kind, the first found first; empty when none */
  docs: AnnexDoc[];
  findings: Finding[];
}

/**
 * Recognise the annex in a workbook by its headers, whatever the sheets are called.
 * Visible sheets come first; a hidden sheet is used only when no visible one holds an annex (with a warning).
 * A workbook may hold both annexes (one sheet each). Several sheets of the same annex yield the first; the
 * others are named in a warning so nothing is silently counted twice or dropped.
 */
export function recognise(wb: GridWorkbook): Recognised {
  const findings: Finding[] = [];
  const ordered = [...wb.sheets.filter((s) => s.state === 'visible'), ...wb.sheets.filter((s) => s.state !== 'visible')];
  const found: { doc: AnnexDoc; hidden: boolean }[] = [];
  for (const sheet of ordered) {
    const h1 = findAnnex1Header(sheet);
    const h2 = findAnnex2Header(sheet);
    // an Annex 1 header also contains words like 企业; prefer the stronger, more specific match
    let doc: AnnexDoc | null = null;
    if (h1 && (!h2 || h1.score >= h2.score)) doc = readAnnex1(sheet, h1, wb.staleResults === true);
    else if (h2) doc = readAnnex2(sheet, h2);
    if (doc) found.push({ doc, hidden: sheet.state !== 'visible' });
  }
  if (found.length === 0) {
    findings.push(finding('sheet-not-recognised', {}, { sheets: wb.sheets.map((s) => s.name) }));
    return { docs: [], findings };
  }
  const docs: AnnexDoc[] = [];
  for (const kind of ['annex1', 'annex2'] as const) {
    const same = found.filter((f) => f.doc.kind === kind);
    const first = same[0];
    if (!first) continue;
    docs.push(first.doc);
    if (first.hidden) findings.push(finding('sheet-hidden-data', { sheet: first.doc.sheet }, { sheet: first.doc.sheet }));
    for (const other of same.slice(1)) {
      if (other.hidden) continue; // a hidden copy (often last quarter's) is ignored without noise
      findings.push(finding('sheet-extra-annex', { sheet: other.doc.sheet }, { sheet: other.doc.sheet, used: first.doc.sheet, kind }));
    }
  }
  docs.sort((a, b) => found.findIndex((f) => f.doc === a) - found.findIndex((f) => f.doc === b));
  return { docs, findings };
}
