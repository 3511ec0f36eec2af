/**
 * The official blank workbooks of `zmqd template` and of the self-check page's "download a blank
 * template": the file names and the contents in one place.
 */
import { rosterFor } from '../core/roster/units.js';

export type TemplateAnnex = 'annex1' | 'annex2';

export const TEMPLATE_FILES = {
  annex1: '附表1-落实监督执法正面清单工作情况汇总表.xlsx',
  annex2: '附表2-监督执法正面清单企业列表.xlsx',
} as const;

const LATEST = '9999-12-31';

/** The blank template, with the unit (a canonical name) pre-filled when given. */
export async function buildTemplate(annex: TemplateAnnex, unit?: string): Promise<Uint8Array> {
  // the current roster (deterministic, so the committed templates can be regenerated and compared)
  const units = rosterFor(LATEST).map((u) => u.name);
  if (annex === 'annex1') {
    const { buildAnnex1Workbook } = await import('./annex1-template.js');
    return buildAnnex1Workbook(unit ? { unit, rows: [{ unit }], units } : { units });
  }
  const { buildAnnex2Workbook } = await import('./annex2-template.js');
  return buildAnnex2Workbook(unit ? { unit } : {});
}
