const MiB = 1024 * 1024;

/** A size for messages: KB, MB or GB, the same in every language. */
export function fmtBytes(n: number): string {
  if (n >= 1024 * MiB) return `${(n / (1024 * MiB)).toFixed(1)} GB`;
  if (n >= MiB) return `${(n / MiB).toFixed(1)} MB`;
  return `${Math.ceil(n / 1024)} KB`;
}
