/**
 * CSV as exported by Excel, WPS and enforcement systems: RFC 4180 quoting ("" inside quotes, line
 * breaks inside quoted fields), CRLF, LF and CR line endings mixed in one file, a missing final
 * line break, a BOM, and a delimiter detected from the header line (comma, tab — Excel's "Unicode
 * text" — or semicolon). Records keep the physical line they start on, which is the row a person
 * sees when the file is opened in Excel.
 */
export interface CsvRecord {
  /** 1-based physical line where the record starts */
  line: number;
  cells: string[];
}

/**
 * What a CSV may hold before it is refused rather than read: Excel's own sheet limits (1,048,576 rows,
 * 16,384 columns) and 10 Mi characters in one record (Excel's 32,767 per cell already makes a real
 * export's record a few KB at most). Past them the memory a file takes no longer follows its size.
 */
export interface CsvLimits {
  records: number;
  columns: number;
  recordChars: number;
}
export const CSV_LIMITS: CsvLimits = { records: 1_048_576, columns: 16_384, recordChars: 10 * 1024 * 1024 };

/** A CSV past one of CSV_LIMITS: the reason, in both languages, for a file-level finding. */
export class CsvLimitError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
    this.name = 'CsvLimitError';
  }
}

const fmt = (n: number) => n.toLocaleString('en-US');

/**
 * Throws CsvLimitError when `text` holds more records than `limits.records`, before any record is read:
 * 10 million one-character lines are refused in a second, not after minutes of reading a million of
 * them. Counting line breaks is enough when they are few enough (a record takes at least one line);
 * otherwise the records are counted exactly (a quoted field may hold line breaks).
 */
export function checkCsvRecords(text: string, delimiter = detectDelimiter(text), limits: CsvLimits = CSV_LIMITS): void {
  let breaks = 0;
  for (let i = text.indexOf('\n'); i >= 0 && breaks <= limits.records; i = text.indexOf('\n', i + 1)) breaks++;
  if (breaks <= limits.records) {
    // CR-only line endings (old Mac exports): count those too
    for (let i = text.indexOf('\r'); i >= 0 && breaks <= limits.records; i = text.indexOf('\r', i + 1)) if (text.charCodeAt(i + 1) !== 10) breaks++;
  }
  if (breaks < limits.records) return;
  scanCsv(text, () => undefined, delimiter, limits);
}

export interface CsvParse {
  records: CsvRecord[];
  delimiter: string;
  /** set when a quoted field is still open at the end of the file (the rest of the file became one field) */
  unterminatedQuoteLine?: number;
}

/** The delimiter used most often on the first non-blank line outside quotes; ',' when none appears. */
export function detectDelimiter(text: string): string {
  const counts: Record<string, number> = { ',': 0, '\t': 0, ';': 0 };
  let inQuotes = false;
  let seen = false;
  for (const ch of text) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) {
      if (seen) break;
    } else if (!inQuotes && ch in counts) counts[ch]!++;
    if (ch.trim() !== '') seen = true;
  }
  let best = ',';
  for (const d of ['\t', ';']) if (counts[d]! > counts[best]!) best = d;
  return best;
}

/** Throws CsvLimitError past `limits`. */
export function parseCsv(input: string, delimiter = detectDelimiter(input), limits: CsvLimits = CSV_LIMITS): CsvParse {
  const records: CsvRecord[] = [];
  const result: CsvParse = { records, delimiter };
  const { unterminatedQuoteLine } = scanCsv(input, (line, cells) => records.push({ line, cells }), delimiter, limits);
  if (unterminatedQuoteLine !== undefined) result.unterminatedQuoteLine = unterminatedQuoteLine;
  return result;
}

/**
 * parseCsv one record at a time (a large export is never held as records): `onRecord` gets each record
 * as it ends. Throws CsvLimitError as soon as the file passes `limits` (before the record is passed on).
 */
export function scanCsv(
  input: string,
  onRecord: (line: number, cells: string[]) => void,
  delimiter = detectDelimiter(input),
  limits: CsvLimits = CSV_LIMITS,
): Omit<CsvParse, 'records'> {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const n = text.length;
  const D = delimiter.charCodeAt(0);
  const QUOTE = 34,
    CR = 13,
    LF = 10;
  const result: Omit<CsvParse, 'records'> = { delimiter };
  let cells: string[] = [];
  let line = 1;
  let start = 1;
  let i = 0;
  let recordFrom = 0;
  let count = 0;
  const endRecord = () => {
    // a blank line is not a record
    if (!(cells.length === 1 && cells[0] === '')) {
      if (++count > limits.records) {
        throw new CsvLimitError(
          `行数过多：第 ${start} 行已是第 ${fmt(count)} 条记录，超过 ${fmt(limits.records)} 行（Excel 工作表的上限）`,
          `too many rows: line ${start} is record ${fmt(count)}, beyond ${fmt(limits.records)} (the limit of an Excel sheet)`,
        );
      }
      onRecord(start, cells);
    }
    cells = [];
  };
  const checkRecord = () => {
    if (cells.length > limits.columns) {
      throw new CsvLimitError(
        `第 ${start} 行的列数过多：超过 ${fmt(limits.columns)} 列（Excel 工作表的上限）`,
        `too many columns on line ${start}: more than ${fmt(limits.columns)} (the limit of an Excel sheet)`,
      );
    }
    if (i - recordFrom > limits.recordChars) {
      throw new CsvLimitError(
        `第 ${start} 行过长：超过 ${fmt(limits.recordChars)} 个字符${result.unterminatedQuoteLine !== undefined ? `（第 ${result.unterminatedQuoteLine} 行的引号没有闭合）` : ''}`,
        `line ${start} is too long: more than ${fmt(limits.recordChars)} characters${result.unterminatedQuoteLine !== undefined ? ` (a quote opened on line ${result.unterminatedQuoteLine} is never closed)` : ''}`,
      );
    }
  };
  while (i <= n) {
    // one field, starting at i
    let field: string;
    if (i < n && text.charCodeAt(i) === QUOTE) {
      const quoteLine = line;
      const parts: string[] = [];
      let from = i + 1;
      let j = from;
      let closed = false;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === QUOTE) {
          parts.push(text.slice(from, j));
          if (text.charCodeAt(j + 1) === QUOTE) {
            parts.push('"');
            j += 2;
            from = j;
            continue;
          }
          j++;
          closed = true;
          break;
        }
        if (c === CR || c === LF) {
          // a line break inside quotes: kept as \n, counted as a line
          parts.push(text.slice(from, j), '\n');
          j += c === CR && text.charCodeAt(j + 1) === LF ? 2 : 1;
          line++;
          from = j;
          continue;
        }
        j++;
      }
      if (!closed) {
        parts.push(text.slice(from, n));
        result.unterminatedQuoteLine = quoteLine;
      }
      // text after the closing quote, up to the delimiter, is kept as it is
      let k = j;
      while (k < n) {
        const c = text.charCodeAt(k);
        if (c === D || c === CR || c === LF) break;
        k++;
      }
      if (k > j) parts.push(text.slice(j, k));
      field = parts.join('');
      i = k;
    } else {
      let k = i;
      while (k < n) {
        const c = text.charCodeAt(k);
        if (c === D || c === CR || c === LF) break;
        k++;
      }
      field = text.slice(i, k);
      i = k;
    }
    cells.push(field);
    checkRecord();
    if (i >= n) {
      endRecord();
      break;
    }
    const c = text.charCodeAt(i);
    if (c === D) {
      i++;
      continue;
    }
    // a line break ends the record
    i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    line++;
    endRecord();
    start = line;
    recordFrom = i;
    if (i >= n) break;
  }
  return result;
}
