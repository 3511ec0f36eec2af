import { UsageError, writeAtomic } from '../io.js';
import { log } from '../progress.js';
import { resolveUnit } from '../../core/roster/resolve.js';
import { buildTemplate, TEMPLATE_FILES } from '../../writers/templates.js';

export { TEMPLATE_FILES };

/** zmqd template annex1|annex2: the official blank workbook, optionally with the unit pre-filled. */
export async function runTemplate(annex: string, o: { out?: string; district?: string; quiet?: boolean }): Promise<number> {
  if (annex !== 'annex1' && annex !== 'annex2') throw new UsageError(`请指定 annex1 或 annex2，而不是“${annex}”。\nGive annex1 or annex2, not "${annex}".`);
  let unit: string | undefined;
  if (o.district) {
    const r = resolveUnit(o.district);
    if (r.kind !== 'ok') throw new UsageError(`--district“${o.district}”不是可识别的报送单位。\n--district "${o.district}" is not a known reporting unit.`);
    unit = r.unit.name;
  }
  const out = o.out ?? TEMPLATE_FILES[annex];
  const bytes = await buildTemplate(annex, unit);
  await writeAtomic(out, bytes);
  log(Boolean(o.quiet), `已写入 ${out} / written ${out}`);
  return 0;
}
