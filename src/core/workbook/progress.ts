/**
 * How far the reader has got in a worksheet, for a progress display (the CLI draws a bar on a
 * terminal). Reading is synchronous, so the listener is called from inside it, every 1,024 rows;
 * it must be cheap. Browser-safe: no I/O here, the listener decides what to show.
 */
export const readProgress: { onRows: ((rowsRead: number) => void) | null } = { onRows: null };
