/**
 * What happens to an input before it is opened, shared by the command line and the self-check page
 * (src/page): the size limit and the finding for a file over it, so both say exactly the same.
 */
import { finding } from '../findings/make.js';
import type { Finding } from '../findings/types.js';
import type { FindingCode } from '../findings/catalogue/index.js';

/** The codes this module reports (each code's owner: src/core/findings/owners.ts). */
export const emits = ['file-too-large'] as const satisfies readonly FindingCode[];

/** Files above this are not read at all. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

/** The finding for a file of `size` bytes, over MAX_FILE_BYTES. */
export function tooLargeFinding(file: string, size: number): Finding {
  return finding('file-too-large', { file }, { reason: 'input', size });
}
