/** English counts for the labels and the reporters: "1 error", "2 errors", "1 entry", "3 entries". */
export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}
