/**
 * Why a file cannot be read, or is refused as too large, as data: what the reader found (a kind
 * of failure, a sheet, a size, a limit). These are the parameters of the file-unreadable and
 * file-too-large findings; the labels modules (src/core/i18n, section `file`) phrase them in each
 * language.
 */

/** What a file that is not an .xlsx workbook appears to be, by its bytes or its zip parts. */
export type NotWorkbook =
  'pdf' | 'archive' | 'image' | 'xml-2003' | 'html' | 'text' | 'unknown' | 'doc' | 'ppt' | 'docx' | 'pptx' | 'xlsb' | 'ods' | 'empty-zip' | 'zip' | 'spanned-zip';

/** Why a zip's central directory cannot be read (zipdir.ts). */
export type ZipFailure = 'broken' | 'spanned-zip';

/** A limit of the fast reader that a sheet went past: the file is refused, never handed to exceljs. */
export type SheetLimit = { kind: 'too-deep'; depth: number } | { kind: 'too-many-cells'; cells: number };

/** A cause of a fast-reader failure that readers are told (the other causes are technical messages, shown as they are). */
export type FastCause =
  | { kind: 'cell-value'; ref: string; type: 'boolean' | 'date' | 'number'; text: string }
  | { kind: 'cell-type'; ref: string; type: string }
  | { kind: 'duplicate-entry'; name: string }
  | SheetLimit;

/** A failure of the fast reader: the sheet it read, and its cause (or, failing that, its technical message). */
export interface FastFailure {
  sheet?: string;
  /** the error's message (English, technical): shown when there is no `cause` */
  detail: string;
  cause?: FastCause;
}

/** Why the fallback reader (exceljs) was not trusted with a file the fast reader could not read. */
export type FallbackRefusal = { kind: 'workbook-part'; part: string } | { kind: 'iso-dates'; sheet: string } | { kind: 'lost-sheets'; sheets: string[] };

/** The parameters of file-unreadable: why the file cannot be read. */
export type Unreadable =
  | { reason: 'empty' }
  | { reason: 'not-workbook'; kind: NotWorkbook }
  | { reason: 'broken' }
  | { reason: 'zip-password' }
  | { reason: 'zip-method' }
  | { reason: 'zip-duplicate-entry'; name: string }
  | { reason: 'beyond-excel-limits'; sheet?: string; detail: string }
  | { reason: 'huge-merge'; cells: number; ref: string }
  | { reason: 'sheet-xml'; sheet: string; detail: string }
  | { reason: 'fast'; failure: FastFailure }
  | { reason: 'fallback-refused'; failure: FastFailure; refusal: FallbackRefusal }
  | { reason: 'too-deep'; depth: number }
  | { reason: 'not-a-number' }
  | { reason: 'structure'; detail: string }
  | { reason: 'xml'; detail: string }
  | { reason: 'other'; detail: string }
  | { reason: 'internal'; detail: string }
  /** the page could not read the file's bytes (the browser's message) */
  | { reason: 'open-failed'; detail: string }
  /** the command line could not open the path (an errno-style code: ENOENT, FIFO, …) */
  | { reason: 'read-error'; code: string };

/** The parameters of file-too-large: which size went past which limit. */
export type TooLarge =
  /** the file itself, before it is read (the input limit, MAX_FILE_BYTES) */
  | { reason: 'input'; size: number }
  /** the file itself, as the reader checks it */
  | { reason: 'file'; size: number; limit: number }
  /** a zip entry inflates far more than it is compressed (a zip bomb); `ratio` null when unbounded */
  | { reason: 'ratio'; size: number; ratio: number | null; limit: number }
  /** all entries together inflate beyond the limit */
  | { reason: 'inflated'; size: number; limit: number; atLeast: boolean }
  | { reason: 'too-many-cells'; cells: number };
