/** Helpers the labels of every language share: they shape data, never words. */

/** The file's base name: evidence must be findable, a full path is noise in a reply to a district. */
export function baseName(file: string): string {
  const parts = file.split(/[\\/]/);
  return parts[parts.length - 1] || file;
}

/** The first `max` items, and how many more there are. */
export function firstOf<T>(items: readonly T[], max: number): { shown: T[]; more: number } {
  const shown = items.slice(0, max);
  return { shown, more: items.length - shown.length };
}
