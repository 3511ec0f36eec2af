/**
 * Thrown for anything the fast reader does not handle; openWorkbook then falls back to exceljs,
 * unless `refuse` says the fallback would only guess (a value that cannot be read as what its
 * cell type says: exceljs makes it #NUM!, a number or a year), and then the file is refused.
 * `sheet` names the worksheet being read when it happened, `zh` is the cause for Chinese readers
 * (the message is the English one).
 */
export class FastReadError extends Error {
  sheet?: string;
  readonly zh?: string;
  readonly refuse: boolean;
  constructor(message: string, opts: { zh?: string; refuse?: boolean } = {}) {
    super(message);
    this.name = 'FastReadError';
    if (opts.zh !== undefined) this.zh = opts.zh;
    this.refuse = opts.refuse === true;
  }
}

/** The error, marked with the sheet being read when it is the fast reader's own. */
export function inSheet(err: unknown, sheet: string): unknown {
  if (err instanceof FastReadError) err.sheet ??= sheet;
  return err;
}
