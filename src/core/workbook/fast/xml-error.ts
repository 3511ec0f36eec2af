import { en } from '../../i18n/en.js';
import type { FastCause } from '../reasons.js';

/**
 * Thrown for anything the fast reader does not handle; openWorkbook then falls back to exceljs,
 * unless `refuse` says the fallback would only guess (a value that cannot be read as what its
 * cell type says: exceljs makes it #NUM!, a number or a year), and then the file is refused.
 * `sheet` names the worksheet being read when it happened. `reason`, when set, is a cause that
 * readers are told in their language (the message is then its English phrase); otherwise the
 * message is a technical one, shown as it is.
 */
export class FastReadError extends Error {
  sheet?: string;
  readonly reason?: FastCause;
  readonly refuse: boolean;
  constructor(message: string | FastCause, opts: { refuse?: boolean } = {}) {
    super(typeof message === 'string' ? message : en.file.fastCause(message));
    this.name = 'FastReadError';
    if (typeof message !== 'string') this.reason = message;
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
