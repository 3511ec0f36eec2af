/**
 * Text for a terminal from names and values zmqd did not choose: a file named `\x1b[2J附表2.xlsx`
 * must not clear the clerk's screen, and one whose name holds a line break must not print a line
 * that looks like another file's result. JSON output needs none of this (JSON.stringify escapes).
 */

/** C0 and C1 controls, DEL, the Unicode line/paragraph separators and the bidirectional overrides. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** The same, except the line feed; and our own colour codes (SGR: ESC [ digits m), which are kept. */
const UNSAFE_IN_REPORT = /\x1b\[[0-9;]*m|[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeChar(ch: string): string {
  const named = NAMED[ch];
  if (named) return named;
  const c = ch.charCodeAt(0);
  return c < 0x100 ? `\\x${c.toString(16).padStart(2, '0')}` : `\\u${c.toString(16).padStart(4, '0')}`;
}

/** A name or value shown on one line: every control character (line breaks too) as a visible escape like `\x1b`. */
export function printable(s: string): string {
  return s.replace(UNSAFE, escapeChar);
}

/** A whole text report: control characters that reached it escaped, its line breaks and colours kept. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE_IN_REPORT, (m) => (m.length > 1 ? m : escapeChar(m)));
}
