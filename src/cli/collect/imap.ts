/**
 * The mailbox, read-only: imapflow opens the folder with EXAMINE (read-only, so no flag can change),
 * fetches with BODY.PEEK, never stores flags, moves or expunges. Connection problems become a
 * MailboxError with a message for the clerk (exit 2).
 */
import { readFile } from 'node:fs/promises';
import { ImapFlow, type FetchMessageObject, type MessageStructureObject } from 'imapflow';
import { READER_LIMITS } from '../../core/workbook/open.js';
import type { MailboxConfig } from '../../core/config/schema.js';
import type { MailAttachment, MailMessage } from '../../core/collect/types.js';
import { parseMessage } from './mime.js';

export class MailboxError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh}\n${en}`);
    this.name = 'MailboxError';
  }
}

export interface MailboxSettings {
  host: string;
  port: number;
  tls: boolean | 'starttls';
  user: string;
  password: string;
  folder: string;
  ca?: string;
}

/** The password: from the environment variable or the file the config names — nowhere else. */
export async function readPassword(m: MailboxConfig, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  if (m.passwordEnv) {
    const v = env[m.passwordEnv];
    if (!v)
      throw new MailboxError(
        `环境变量 ${m.passwordEnv} 未设置或为空：请把邮箱密码放在该环境变量中（配置项 mailbox.passwordEnv）。`,
        `The environment variable ${m.passwordEnv} is not set or empty: put the mailbox password there (mailbox.passwordEnv).`,
      );
    return v;
  }
  // the config's schema requires passwordFile where passwordEnv is not given
  const file = m.passwordFile!;
  try {
    const text = await readFile(file, 'utf8');
    const pw = text.replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '';
    if (!pw) throw new MailboxError(`密码文件 ${file} 为空。`, `The password file ${file} is empty.`);
    return pw;
  } catch (err) {
    if (err instanceof MailboxError) throw err;
    const code = (err as NodeJS.ErrnoException).code ?? String(err);
    throw new MailboxError(`无法读取密码文件 ${file}（${code}）。`, `Cannot read the password file ${file} (${code}).`);
  }
}

export async function settingsFrom(m: MailboxConfig, env: NodeJS.ProcessEnv = process.env): Promise<MailboxSettings> {
  const tls = m.tls ?? true;
  let ca: string | undefined;
  if (m.caFile) {
    try {
      ca = await readFile(m.caFile, 'utf8');
    } catch (err) {
      throw new MailboxError(`无法读取证书文件 ${m.caFile}（${(err as NodeJS.ErrnoException).code ?? String(err)}）。`, `Cannot read the certificate file ${m.caFile}.`);
    }
  }
  return { host: m.host, port: m.port ?? (tls === true ? 993 : 143), tls, user: m.user, password: await readPassword(m, env), folder: m.folder ?? 'INBOX', ...(ca ? { ca } : {}) };
}

const TLS_CODES = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS|ERR_SSL|DEPTH_ZERO|HOSTNAME|ALTNAME/i;

/** A connection error in the clerk's words. */
export function explain(err: unknown, s: Pick<MailboxSettings, 'host' | 'port' | 'user' | 'folder'>): MailboxError {
  if (err instanceof MailboxError) return err;
  const e = err as {
    code?: string;
    authenticationFailed?: boolean;
    tlsFailed?: boolean;
    message?: string;
    responseText?: string;
    serverResponseCode?: string;
    cause?: { code?: string; message?: string };
  };
  const code = e.code ?? e.cause?.code ?? '';
  const where = `${s.host}:${s.port}`;
  const msg = e.responseText || e.cause?.message || e.message || String(err);
  if (e.authenticationFailed || e.serverResponseCode === 'AUTHENTICATIONFAILED' || /authenticat/i.test(msg)) {
    return new MailboxError(
      `邮箱 ${where} 拒绝登录：用户名 ${s.user} 或密码不正确。请核对配置文件的 mailbox.user 和密码文件（或环境变量）中的密码；邮箱若要求“客户端授权码”，请填授权码而不是网页登录密码。`,
      `The mailbox ${where} refused the login: wrong user name (${s.user}) or password. Check mailbox.user and the password file or variable (some providers require an app password).`,
    );
  }
  if (e.tlsFailed || TLS_CODES.test(code) || TLS_CODES.test(msg)) {
    return new MailboxError(
      `邮箱服务器 ${where} 的证书无法验证（${code || msg}）。如服务器使用单位自签名证书，请向信息科索取证书文件并在 mailbox.caFile 中指定；不要关闭证书验证。`,
      `The certificate of ${where} cannot be verified (${code || msg}). If the server uses a self-signed certificate, put its CA file in mailbox.caFile; do not turn verification off.`,
    );
  }
  if (
    [
      'ECONNREFUSED',
      'ENOTFOUND',
      'EAI_AGAIN',
      'ETIMEDOUT',
      'EHOSTUNREACH',
      'ENETUNREACH',
      'ECONNRESET',
      'ETIMEOUT',
      'CONNECT_TIMEOUT',
      'GREETING_TIMEOUT',
      'NoConnection',
      'EConnectionClosed',
    ].includes(code) ||
    /timeout|closed|connect/i.test(msg)
  ) {
    return new MailboxError(
      `无法连接邮箱服务器 ${where}（${code || msg}）。请检查 mailbox.host、mailbox.port、网络和防火墙。`,
      `Cannot reach the mail server ${where} (${code || msg}). Check mailbox.host and mailbox.port, the network and the firewall.`,
    );
  }
  if (/mailbox|folder|nonexistent|doesn't exist/i.test(msg)) {
    return new MailboxError(`邮箱中没有文件夹“${s.folder}”（${msg}）。请检查 mailbox.folder。`, `The mailbox has no folder "${s.folder}" (${msg}). Check mailbox.folder.`);
  }
  return new MailboxError(`读取邮箱 ${where} 时出错：${msg}`, `Reading the mailbox ${where} failed: ${msg}`);
}

export interface OpenedMailbox {
  uidValidity: string;
  /** UIDs of the messages received on or after `since` (server date) */
  search(since: Date): Promise<number[]>;
  /** one message, parsed; a part larger than the reader's limit is not downloaded */
  fetch(uid: number): Promise<MailMessage>;
  close(): Promise<void>;
}

/** A whole message is fetched when it is at most this large; above it, its parts are looked at one by one. */
const WHOLE_MESSAGE_MAX = Math.ceil((READER_LIMITS.maxBytes * 4) / 3) + 1024 * 1024;

export async function openMailbox(s: MailboxSettings): Promise<OpenedMailbox> {
  const client = new ImapFlow({
    host: s.host,
    port: s.port,
    secure: s.tls === true,
    doSTARTTLS: s.tls === 'starttls' ? true : s.tls ? undefined : false,
    auth: { user: s.user, pass: s.password },
    logger: false,
    tls: { rejectUnauthorized: true, ...(s.ca ? { ca: s.ca } : {}), servername: s.host },
    connectionTimeout: 20_000,
    greetingTimeout: 15_000,
    socketTimeout: 120_000,
    disableAutoIdle: true,
  } as ConstructorParameters<typeof ImapFlow>[0]);
  // a dropped connection is reported by the command that was running; the event itself must not crash the process
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (err) {
    throw explain(err, s);
  }
  let uidValidity: string;
  try {
    const box = await client.mailboxOpen(s.folder, { readOnly: true });
    uidValidity = String(box.uidValidity);
  } catch (err) {
    await client.logout().catch(() => undefined);
    throw explain(err, s);
  }
  return {
    uidValidity,
    async search(since: Date) {
      try {
        const r = await client.search({ since }, { uid: true });
        return (r || []).sort((a, b) => a - b);
      } catch (err) {
        throw explain(err, s);
      }
    },
    async fetch(uid: number) {
      try {
        const head = (await client.fetchOne(String(uid), { uid: true, size: true, internalDate: true, bodyStructure: true }, { uid: true })) as FetchMessageObject | false;
        if (!head) throw new MailboxError(`邮件 #${uid} 已不在邮箱中。`, `Message #${uid} is no longer in the mailbox.`);
        const received = head.internalDate instanceof Date ? head.internalDate : new Date(String(head.internalDate));
        if ((head.size ?? 0) <= WHOLE_MESSAGE_MAX) {
          const whole = (await client.fetchOne(String(uid), { uid: true, source: true }, { uid: true })) as FetchMessageObject | false;
          if (!whole || !whole.source) throw new MailboxError(`邮件 #${uid} 无法读取。`, `Message #${uid} cannot be read.`);
          return await parseMessage(uid, new Uint8Array(whole.source.buffer, whole.source.byteOffset, whole.source.byteLength), received);
        }
        return await fetchByParts(client, uid, head, received);
      } catch (err) {
        if (err instanceof MailboxError) throw err;
        throw explain(err, s);
      }
    },
    async close() {
      await client.logout().catch(() => undefined);
    },
  };
}

/** A very large message: its headers are parsed as usual; small attachments are downloaded one by one, large ones only named. */
async function fetchByParts(client: ImapFlow, uid: number, head: FetchMessageObject, received: Date): Promise<MailMessage> {
  const headers = (await client.fetchOne(String(uid), { uid: true, headers: true }, { uid: true })) as FetchMessageObject | false;
  const raw = headers && headers.headers ? new Uint8Array(Buffer.concat([headers.headers, Buffer.from('\r\n')])) : new Uint8Array(0);
  const msg = await parseMessage(uid, raw, received);
  delete msg.corrupt; // only the headers were parsed
  const leaves: MessageStructureObject[] = [];
  const walk = (n: MessageStructureObject | undefined) => {
    if (!n) return;
    if (n.childNodes?.length) n.childNodes.forEach(walk);
    else leaves.push(n);
  };
  walk(head.bodyStructure);
  for (const leaf of leaves) {
    const name = leaf.dispositionParameters?.filename ?? leaf.parameters?.name ?? null;
    if (!name && leaf.type.startsWith('text/')) continue;
    const encoded = leaf.size ?? 0;
    const decoded = leaf.encoding?.toLowerCase() === 'base64' ? Math.floor((encoded * 3) / 4) : encoded;
    const att: MailAttachment = { filename: name, contentType: leaf.type.toLowerCase(), bytes: new Uint8Array(0) };
    if (decoded > READER_LIMITS.maxBytes || !leaf.part) {
      att.skippedSize = decoded;
    } else {
      const d = await client.download(String(uid), leaf.part, { uid: true, maxBytes: READER_LIMITS.maxBytes + 1 });
      if (!d.content) continue;
      const chunks: Buffer[] = [];
      for await (const c of d.content) chunks.push(c as Buffer);
      const b = Buffer.concat(chunks);
      att.bytes = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
    }
    msg.attachments.push(att);
  }
  return msg;
}
