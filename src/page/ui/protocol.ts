/** The messages between the self-check page (app.ts) and its Web Worker (worker.ts). */
import type { Lang } from '../../core/findings/types.js';
import type { ValidateJson } from '../../core/report/validate-json.js';
import type { PreviewInfo, PreviewRow } from '../engine.js';

export type Request =
  | { type: 'validate'; id: number; files: File[]; asOf: string; district?: string }
  | { type: 'report'; id: number; lang: Lang }
  | { type: 'template'; id: number; annex: 'annex1' | 'annex2'; district?: string }
  | { type: 'rows'; id: number; file: number; count: number; from?: number; aroundRow?: number };

export type Reply =
  | { type: 'progress'; id: number; index: number; count: number; name: string }
  | { type: 'validated'; id: number; json: Record<Lang, ValidateJson>; previews: (PreviewInfo | null)[]; ms: number }
  | { type: 'file'; id: number; name: string; bytes: Uint8Array }
  | { type: 'rows'; id: number; file: number; from: number; rows: PreviewRow[] }
  | { type: 'failed'; id: number; message: string };
