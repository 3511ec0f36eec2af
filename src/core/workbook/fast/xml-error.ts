/** Thrown for anything the fast reader does not handle; openWorkbook then falls back to exceljs. */
export class FastReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FastReadError';
  }
}
