import type { AggregateResult } from '../aggregate/aggregate.js';
import type { Lang } from '../findings/types.js';
import { render } from '../findings/make.js';
import { formatPeriod } from '../roster/period.js';

/**
 * The `aggregate` JSON object (docs/reference.md "JSON output"). Fields beyond the documented ones (kept after them):
 * per unit `code`, `status` (ok | missing | unreadable | duplicate), `files` of a duplicate, `sheet`/`row`
 * of the figures, `reportDate`, `previous` (the previous figures) and `previousFile`; at the top
 * `previousPeriod`, `roster` (number of units), `reported`, `previousTotal`, `restart`, `unreadable`,
 * `duplicate` and `previousMissing`.
 */
export function aggregateJson(r: AggregateResult, lang: Lang) {
  return {
    command: 'aggregate' as const,
    period: formatPeriod(r.period),
    units: r.units.map((u) => ({
      district: u.unit.name,
      file: u.file,
      values: u.values,
      increment: u.increment,
      ...(u.unit.code ? { code: u.unit.code } : {}),
      status: u.status,
      ...(u.files ? { files: u.files } : {}),
      ...(u.sheet ? { sheet: u.sheet } : {}),
      ...(u.row !== undefined ? { row: u.row } : {}),
      ...(u.reportDate ? { reportDate: u.reportDate } : {}),
      previous: u.previous,
      previousFile: u.previousFile,
    })),
    total: r.total,
    totalIncrement: r.totalIncrement,
    missing: r.missing,
    findings: r.findings.map((f) => render(f, lang)),
    errors: r.errors,
    warnings: r.warnings,
    periodSource: r.periodSource,
    previousPeriod: r.previousPeriod ? formatPeriod(r.previousPeriod) : null,
    roster: r.roster.length,
    reported: r.units.filter((u) => u.status === 'ok').length,
    previousTotal: r.previousTotal,
    restart: r.restart,
    unreadable: r.unreadable,
    duplicate: r.duplicate,
    previousMissing: r.previousMissing,
  };
}

export type AggregateJson = ReturnType<typeof aggregateJson>;
