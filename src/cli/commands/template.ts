import { checkOutputPath, UsageError, writeAtomic } from '../io.js';
import { parseAsOf, parseCutover } from '../options.js';
import { log } from '../progress.js';
import { finding, messageOf } from '../../core/findings/make.js';
import { resolveUnit } from '../../core/roster/resolve.js';
import { buildTemplate, TEMPLATE_FILES } from '../../writers/templates.js';
import { DEFAULT_CUTOVER, isAfterCutover, rosterFor, type Unit } from '../../core/roster/units.js';
import { periodEnd, periodFromDate, periodLabelEn, periodLabelZh } from '../../core/roster/period.js';

export { TEMPLATE_FILES };

export interface TemplateCliOptions {
  out?: string;
  district?: string;
  quiet?: boolean;
  asOf?: string;
  cutover?: string;
  force?: boolean;
}

/**
 * The roster of the template's dropdown and whether the unit may report at all, on `asOf`. A unit merged
 * away at the cut-over (江北区, 渝北区) still reports the quarter that ended before it — in the days after the
 * cut-over it fills 2025 Q3 — so then it gets the old roster, with a warning; a quarter later it is refused.
 */
function rosterForTemplate(unit: Unit | undefined, asOf: string, cutover: string): { roster: Unit[]; warning?: string } {
  if (!unit?.mergedInto || !isAfterCutover(asOf, cutover)) return { roster: rosterFor(asOf, cutover) };
  const merged = messageOf(finding('district-unknown', {}, { merged: 1, into: unit.mergedInto, since: cutover }, { value: unit.name }), 'zh');
  const mergedEn = messageOf(finding('district-unknown', {}, { merged: 1, into: unit.mergedInto, since: cutover }, { value: unit.name }), 'en');
  const last = periodFromDate(asOf); // the quarter a report filed on asOf is for (the one just ended)
  if (periodEnd(last) < cutover) {
    return {
      roster: rosterFor(periodEnd(last), cutover),
      warning: `${merged}\n本模板仅可用于${periodLabelZh(last)}及以前的报送。\n${mergedEn}\nUse this template only for ${periodLabelEn(last)} and earlier.`,
    };
  }
  throw new UsageError(
    `${merged}\n未生成模板。如需 ${cutover} 以前报送期的模板，请加 --as-of（如 --as-of ${dayBefore(cutover)}）。\n` +
      `${mergedEn}\nNo template written. For a period before ${cutover}, add --as-of (e.g. --as-of ${dayBefore(cutover)}).`,
  );
}

function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** zmqd template annex1|annex2: the official blank workbook, optionally with the unit pre-filled. */
export async function runTemplate(annex: string, o: TemplateCliOptions): Promise<number> {
  if (annex !== 'annex1' && annex !== 'annex2') throw new UsageError(`请指定 annex1 或 annex2，而不是“${annex}”。\nGive annex1 or annex2, not "${annex}".`);
  const asOf = parseAsOf(o.asOf);
  const cutover = parseCutover(o.cutover) ?? DEFAULT_CUTOVER;
  let unit: Unit | undefined;
  if (o.district) {
    const r = resolveUnit(o.district); // any unit of any roster: a merged-away one is told so below
    if (r.kind !== 'ok') throw new UsageError(`--district“${o.district}”不是可识别的报送单位。\n--district "${o.district}" is not a known reporting unit.`);
    unit = r.unit;
  }
  // the roster on the as-of date (today: the committed templates, made without --as-of, have the current one)
  const { roster, warning } = rosterForTemplate(unit, asOf, cutover);
  if (warning) log(false, warning);
  const units = roster.map((u) => u.name);
  const out = o.out ?? TEMPLATE_FILES[annex];
  // a filled-in list under the same name is a person's work: refused before anything is built
  await checkOutputPath(out, [], { force: o.force });
  const bytes = await buildTemplate(annex, unit?.name, units);
  await writeAtomic(out, bytes, [], { force: o.force });
  log(Boolean(o.quiet), `已写入 ${out} / written ${out}`);
  return 0;
}
