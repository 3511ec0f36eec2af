import type { FileResult } from '../validate/validate.js';
import type { Lang } from '../findings/types.js';
import { countBySeverity, render } from '../findings/make.js';

/** The `validate` JSON object (docs/reference.md "JSON output"). */
export function validateJson(results: FileResult[], asOf: string, lang: Lang) {
  let errors = 0,
    warnings = 0;
  const files = results.map((r) => {
    const c = countBySeverity(r.findings);
    errors += c.errors;
    warnings += c.warnings;
    return { file: r.file, kind: r.kind, district: r.district, rows: r.rows, errors: c.errors, warnings: c.warnings, findings: r.findings.map((f) => render(f, lang)) };
  });
  return { command: 'validate' as const, asOf, files, errors, warnings };
}
export type ValidateJson = ReturnType<typeof validateJson>;
