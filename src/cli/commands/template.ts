import { checkOutputPath, UsageError, writeAtomic } from '../io.js';
import { log } from '../progress.js';
import { resolveUnit } from '../../core/roster/resolve.js';
import { rosterFor } from '../../core/roster/units.js';

const LATEST = '9999-12-31';

export const TEMPLATE_FILES = {
  annex1: '附表1-落实监督执法正面清单工作情况汇总表.xlsx',
  annex2: '附表2-监督执法正面清单企业列表.xlsx',
} as const;

/** zmqd template annex1|annex2: the official blank workbook, optionally with the unit pre-filled. */
export async function runTemplate(annex: string, o: { out?: string; district?: string; quiet?: boolean; force?: boolean }): Promise<number> {
  if (annex !== 'annex1' && annex !== 'annex2') throw new UsageError(`请指定 annex1 或 annex2，而不是“${annex}”。\nGive annex1 or annex2, not "${annex}".`);
  let unit: string | undefined;
  if (o.district) {
    const r = resolveUnit(o.district);
    if (r.kind !== 'ok') throw new UsageError(`--district“${o.district}”不是可识别的报送单位。\n--district "${o.district}" is not a known reporting unit.`);
    unit = r.unit.name;
  }
  // the current roster (deterministic, so the committed templates can be regenerated and compared)
  const units = rosterFor(LATEST).map((u) => u.name);
  const out = o.out ?? TEMPLATE_FILES[annex];
  // a filled-in list under the same name is a person's work: refused before anything is built
  await checkOutputPath(out, [], { force: o.force });
  let bytes: Uint8Array;
  if (annex === 'annex1') {
    const { buildAnnex1Workbook } = await import('../../writers/annex1-template.js');
    bytes = await buildAnnex1Workbook(unit ? { unit, rows: [{ unit }], units } : { units });
  } else {
    const { buildAnnex2Workbook } = await import('../../writers/annex2-template.js');
    bytes = await buildAnnex2Workbook(unit ? { unit } : {});
  }
  await writeAtomic(out, bytes, [], { force: o.force });
  log(Boolean(o.quiet), `已写入 ${out} / written ${out}`);
  return 0;
}
