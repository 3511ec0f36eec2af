/**
 * What \`zmqd collect\` (and the collect step of \`zmqd report\`) tells: the period, the mailbox, the
 * tracker of who sent what and when, the files laid out and the findings. Its JSON output and, less
 * \`fetched\`, the inbox's submissions.json.
 */
import type { render } from '../findings/make.js';
import type { Tracker } from './tracker.js';

export interface CollectSummary {
  command: 'collect';
  period: string;
  deadline: string;
  annualDeadline?: string;
  out: string;
  mailbox: { host: string; user: string; folder: string; uidValidity: string };
  /** messages fetched by this run / recorded in all (this period's and others') */
  fetched: number;
  messages: number;
  tracker: Tracker;
  files: string[];
  findings: ReturnType<typeof render>[];
  errors: number;
  warnings: number;
}
