/**
 * The collect run: fetch the period's submissions from the IMAP mailbox (read-only), lay them out
 * in the inbox folder and write its submissions.json. Run by \`zmqd collect\` and, when the config
 * names a mailbox, as the first step of \`zmqd report\`.
 */
import * as path from 'node:path';
import { UsageError, writeAtomic } from '../io.js';
import type { CommonOptions } from '../options.js';
import { log } from '../progress.js';
import type { MailboxConfig } from '../../core/config/schema.js';
import { isValidIso } from '../../core/values/dates.js';
import { formatPeriod, parsePeriod, periodEnd, type Period } from '../../core/roster/period.js';
import { rosterFor } from '../../core/roster/units.js';
import { countBySeverity, dedupeFindings, finding, render, sortFindings } from '../../core/findings/make.js';
import type { Finding } from '../../core/findings/types.js';
import { processMessage, messageLabel } from '../../core/collect/process.js';
import { DEFAULT_DEADLINE_DAYS, inPeriod, plan, quarterDeadline, type MessageRecord } from '../../core/collect/tracker.js';
import type { CollectSummary } from '../../core/collect/summary.js';
import { MailboxError, openMailbox, settingsFrom, explain } from './imap.js';
import { labels } from '../../core/i18n/index.js';
import { Store, type CollectState } from './store.js';

export interface CollectCliOptions {
  period?: string;
  out?: string;
  config?: string;
  deadline?: string;
  host?: string;
  port?: string;
  user?: string;
  folder?: string;
  tls?: string;
  cutover?: string;
  mailbox?: MailboxConfig;
  format?: string;
  lang?: string;
  quiet?: boolean;
}

export const SUBMISSIONS_FILE = 'submissions.json';

function mailboxOf(o: CollectCliOptions): MailboxConfig {
  const m = o.mailbox;
  const host = o.host ?? m?.host;
  const user = o.user ?? m?.user;
  if (!host || !user) {
    throw new UsageError(
      '请在配置文件的 "mailbox" 中给出邮箱（host、user、passwordFile 或 passwordEnv），或用 --host、--user 指定。\nGive the mailbox in the config file ("mailbox": host, user, passwordFile or passwordEnv) or with --host and --user.',
    );
  }
  let tls: MailboxConfig['tls'] = m?.tls;
  if (o.tls !== undefined) {
    if (!['yes', 'no', 'starttls', 'true', 'false'].includes(o.tls))
      throw new UsageError(`--tls 只能是 yes、no 或 starttls，而不是“${o.tls}”。\n--tls must be yes, no or starttls, not "${o.tls}".`);
    tls = o.tls === 'starttls' ? 'starttls' : o.tls === 'yes' || o.tls === 'true';
  }
  let port = m?.port;
  if (o.port !== undefined) {
    if (!/^\d{1,5}$/.test(o.port) || Number(o.port) < 1 || Number(o.port) > 65535)
      throw new UsageError(`--port 须为 1–65535 的端口号，而不是“${o.port}”。\n--port must be a port number, not "${o.port}".`);
    port = Number(o.port);
  }
  // without a config, the password can only come from the environment
  const pw = m?.passwordFile ? { passwordFile: m.passwordFile } : { passwordEnv: m?.passwordEnv ?? 'ZMQD_MAIL_PASSWORD' };
  return { ...m, host, user, ...pw, ...(tls !== undefined ? { tls } : {}), ...(port !== undefined ? { port } : {}), ...(o.folder ? { folder: o.folder } : {}) };
}

function periodOf(o: CollectCliOptions): Period {
  if (o.period === undefined) throw new UsageError('请用 --period 指定收取哪一期（如 2024Q3）。\nGive the period with --period (e.g. 2024Q3).');
  const p = parsePeriod(o.period);
  if (!p) throw new UsageError(`--period 须为季度（如 2024Q3）或年份（如 2024），而不是“${o.period}”。\n--period must be a quarter (e.g. 2024Q3) or a year, not "${o.period}".`);
  return p;
}

function deadlineOf(o: CollectCliOptions, p: Period): string {
  if (o.deadline !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(o.deadline) || !isValidIso(o.deadline))
      throw new UsageError(`--deadline 须为 YYYY-MM-DD 形式的有效日期，而不是“${o.deadline}”。\n--deadline must be a valid date YYYY-MM-DD, not "${o.deadline}".`);
    return o.deadline;
  }
  return quarterDeadline(p, o.mailbox?.deadlineDays ?? DEFAULT_DEADLINE_DAYS);
}

/** The first day whose mail can belong to the period: the quarter's first day (Q4 and the annual report: 1 October). */
function searchSince(p: Period): Date {
  const month = p.quarter ? (p.quarter - 1) * 3 : 9;
  // midnight in Beijing of that day; SINCE compares the server's dates, a day early does no harm
  return new Date(Date.UTC(p.year, month, 1) - 8 * 3600_000 - 86_400_000);
}

/** The collect run proper, also the first step of `report` when the config names a mailbox. */
export async function collect(o: CollectCliOptions, out: string, c: CommonOptions): Promise<CollectSummary> {
  const zh = c.lang === 'zh';
  const t = labels(c.lang).report.cli;
  const period = periodOf(o);
  const deadline = deadlineOf(o, period);
  const box = mailboxOf(o);
  const settings = await settingsFrom(box).catch((err: unknown) => {
    throw usage(err);
  });
  log(c.quiet, t.connecting(`${settings.user}@${settings.host}:${settings.port}`, settings.folder));
  const mailbox = await openMailbox(settings).catch((err: unknown) => {
    throw usage(err);
  });
  const store = new Store(path.resolve(out));
  let fetched = 0;
  let state: CollectState;
  try {
    const prev = await store.load();
    const same = prev && prev.host === settings.host && prev.user === settings.user && prev.folder === settings.folder && prev.uidValidity === mailbox.uidValidity;
    if (prev && !same) log(c.quiet, t.mailboxChanged);
    state = {
      version: 1,
      host: settings.host,
      user: settings.user,
      folder: settings.folder,
      uidValidity: mailbox.uidValidity,
      records: same ? prev.records : [],
      written: prev?.written ?? {},
    };
    const known = new Set(state.records.map((r) => r.uid));
    const uids = (await mailbox.search(searchSince(period))).filter((u) => !known.has(u));
    log(c.quiet, t.newMessages(uids.length, known.size));
    for (const uid of uids) {
      const msg = await mailbox.fetch(uid);
      const p = await processMessage(msg, { senders: lowerKeys(box.senders ?? {}), cutover: o.cutover, periodEnd: periodEnd(period) }).catch((err: unknown) => {
        // a defect of ours on one message must not stop the others: that message becomes a finding
        const why = err instanceof Error ? err.message.split('\n')[0] : String(err);
        return processMessage({ ...msg, attachments: [], corrupt: { why: 'internal', error: why } }, { senders: {}, periodEnd: periodEnd(period) });
      });
      const rec: MessageRecord = {
        uid,
        ...(msg.messageId ? { messageId: msg.messageId } : {}),
        subject: msg.subject,
        from: msg.from,
        received: p.received,
        unit: p.unit,
        unitBy: p.unitBy,
        period: p.period ? formatPeriod(p.period) : null,
        files: [],
        links: p.links,
        findings: p.findings,
      };
      if (inPeriod(rec, period)) {
        let n = 0;
        for (const f of p.files) {
          const rel = `${mailbox.uidValidity}-${uid}-${++n}${f.ext}`;
          await store.keep(rel, f.bytes);
          rec.files.push({
            name: f.name,
            ext: f.ext,
            kind: f.kind,
            store: rel,
            size: f.bytes.length,
            ...(f.unreadable ? { unreadable: true } : {}),
            ...(f.alsoKinds ? { alsoKinds: f.alsoKinds } : {}),
          });
        }
      } else {
        rec.findings = [];
      }
      state.records.push(rec);
      await store.save(state);
      fetched++;
      log(c.quiet, `  ${messageLabel(msg)} ${rec.period ?? '—'} ${rec.unit ?? '?'} ${rec.files.length}`);
    }
  } catch (err) {
    await mailbox.close();
    if (err instanceof MailboxError) {
      const more = fetched ? t.fetchedBeforeFailure(fetched) : '';
      throw new UsageError(`${err.zh}${more && zh ? '\n' + more : ''}\n${err.en}${more && !zh ? ' ' + more : ''}`);
    }
    throw err;
  }
  await mailbox.close();

  const roster = rosterFor(periodEnd(period), o.cutover);
  const pl = plan(state.records, { period, roster, deadline });
  const { clashes } = await store.layOut(pl.placements, state);
  const clashFindings: Finding[] = clashes.map((x) =>
    finding('collect-file-exists', { file: x.saved }, { name: x.placement.target, saved: x.saved, ...(x.placement.unit ? { unit: x.placement.unit } : {}) }),
  );
  await store.save(state);
  const messageFindings = state.records.filter((r) => inPeriod(r, period)).flatMap((r) => r.findings);
  const all = sortFindings(dedupeFindings([...messageFindings, ...pl.findings, ...clashFindings]));
  const counts = countBySeverity(all);
  const summary: CollectSummary = {
    command: 'collect',
    period: formatPeriod(period),
    deadline,
    ...(pl.tracker.annualDeadline ? { annualDeadline: pl.tracker.annualDeadline } : {}),
    out,
    mailbox: { host: settings.host, user: settings.user, folder: settings.folder, uidValidity: state.uidValidity },
    fetched,
    messages: state.records.filter((r) => inPeriod(r, period)).length,
    tracker: pl.tracker,
    files: Object.keys(state.written).sort(),
    findings: all.map((f) => render(f, c.lang)),
    errors: counts.errors,
    warnings: counts.warnings,
  };
  // the file is the same on a second run: what this run fetched is only in the printed summary
  const { fetched: _fetched, ...kept } = summary;
  await writeAtomic(path.join(out, SUBMISSIONS_FILE), JSON.stringify(kept, null, 2) + '\n', [], { force: true });
  log(c.quiet, t.inbox(out, SUBMISSIONS_FILE));
  return summary;
}

function usage(err: unknown): UsageError {
  if (err instanceof UsageError) return err;
  const e = err instanceof MailboxError ? err : explain(err, { host: '?', port: 0, user: '?', folder: '?' });
  return new UsageError(`${e.zh}\n${e.en}`);
}

function lowerKeys(m: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(m).map(([k, v]) => [k.trim().toLowerCase(), v]));
}
