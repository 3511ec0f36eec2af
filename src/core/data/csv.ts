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

export function parseCsv(input: string, delimiter = detectDelimiter(input)): CsvParse {
  const records: CsvRecord[] = [];
  const result: CsvParse = { records, delimiter };
  const { unterminatedQuoteLine } = scanCsv(input, (line, cells) => records.push({ line, cells }), delimiter);
  if (unterminatedQuoteLine !== undefined) result.unterminatedQuoteLine = unterminatedQuoteLine;
  return result;
}

/** parseCsv one record at a time (a large export is never held as records): `onRecord` gets each record as it ends. */
export function scanCsv(input: string, onRecord: (line: number, cells: string[]) => void, delimiter = detectDelimiter(input)): Omit<CsvParse, 'records'> {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const n = text.length;
  const D = delimiter.charCodeAt(0);
  const QUOTE = 34, CR = 13, LF = 10;
  const result: Omit<CsvParse, 'records'> = { delimiter };
  let cells: string[] = [];
  let line = 1;
  let start = 1;
  let i = 0;
  const endRecord = () => {
    // a blank line is not a record
    if (!(cells.length === 1 && cells[0] === '')) onRecord(start, cells);
    cells = [];
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
    if (i >= n) break;
  }
  return result;
}
