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

/** The error (the fast reader's, or the XML parser's), marked with the sheet being read. */
export function inSheet(err: unknown, sheet: string): unknown {
  if (err instanceof Error) (err as Error & { sheet?: string }).sheet ??= sheet;
  return err;
}

/** The sheet an error of the fast reader happened in (see inSheet), if any. */
export function sheetOf(err: unknown): string | undefined {
  return err instanceof Error ? (err as Error & { sheet?: string }).sheet : undefined;
}
