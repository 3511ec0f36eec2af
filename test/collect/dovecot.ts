/**
 * A throw-away Dovecot on 127.0.0.1 for the collect tests: its own base_dir, state, log and Maildir in
 * a temp folder, one passwd-file user, no system authentication. As root, Dovecot's own unprivileged
 * users run it (dovecot / dovenull) and own the folder; otherwise the current user does. Plain IMAP
 * on one free port, and IMAPS with a freshly made self-signed certificate on another.
 * `stop()` ends the process it started (by its pid) and removes the folder.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import * as net from 'node:net';
import * as path from 'node:path';
import { ImapFlow } from 'imapflow';
import { tool } from '../helpers/tools.js';

export interface Dovecot {
  dir: string;
  port: number;
  tlsPort: number;
  user: string;
  password: string;
  /** the self-signed certificate (PEM) the IMAPS listener presents */
  certFile: string;
  /** append a raw message with its INTERNALDATE */
  append(raw: Uint8Array, date: Date, folder?: string): Promise<void>;
  /** the flags of every message, by UID (to prove collect changed nothing) */
  flags(folder?: string): Promise<Record<number, string[]>>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, proc: ChildProcess, log: () => string): Promise<void> {
  const until = Date.now() + 20_000;
  while (Date.now() < until) {
    if (proc.exitCode !== null) throw new Error(`dovecot exited (${proc.exitCode}): ${log()}`);
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1');
      s.once('data', () => {
        s.destroy();
        resolve(true);
      });
      s.once('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`dovecot did not listen on ${port}: ${log()}`);
}

function idOf(name: string): { uid: number; gid: number } {
  const u = spawnSync('id', ['-u', name], { encoding: 'utf8' });
  const g = spawnSync('id', ['-g', name], { encoding: 'utf8' });
  return { uid: Number(u.stdout.trim()), gid: Number(g.stdout.trim()) };
}

export async function startDovecot(): Promise<Dovecot> {
  const bin = tool('dovecot').command;
  const dir = mkdtempSync(path.join(tmpdir(), 'zmqd-dovecot-'));
  const user = 'fazhichu';
  const password = 'Zf-2024q3!';
  const root = process.getuid?.() === 0;
  const me = userInfo();
  const internal = root ? 'dovecot' : me.username;
  const login = root ? 'dovenull' : me.username;
  const owner = root ? idOf('dovecot') : { uid: me.uid, gid: me.gid };
  const [port, tlsPort] = [await freePort(), await freePort()];
  for (const d of ['run', 'state', 'mail']) mkdirSync(path.join(dir, d));
  const certFile = path.join(dir, 'cert.pem');
  const keyFile = path.join(dir, 'key.pem');
  const ssl = spawnSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', keyFile, '-out', certFile],
    { encoding: 'utf8' },
  );
  const haveTls = ssl.status === 0;
  writeFileSync(path.join(dir, 'passwd'), `${user}:{PLAIN}${password}:${owner.uid}:${owner.gid}::${path.join(dir, 'mail', user)}\n`);
  const conf = [
    `base_dir = ${dir}/run`,
    `state_dir = ${dir}/state`,
    `log_path = ${dir}/dovecot.log`,
    'protocols = imap',
    'listen = 127.0.0.1',
    haveTls ? `ssl = yes\nssl_cert = <${certFile}\nssl_key = <${keyFile}` : 'ssl = no',
    'disable_plaintext_auth = no',
    'auth_mechanisms = plain login',
    `default_internal_user = ${internal}`,
    `default_internal_group = ${root ? 'dovecot' : String(me.gid)}`,
    `default_login_user = ${login}`,
    `first_valid_uid = ${owner.uid}`,
    'mail_location = maildir:~/Maildir',
    `passdb {\n  driver = passwd-file\n  args = scheme=PLAIN username_format=%u ${dir}/passwd\n}`,
    `userdb {\n  driver = passwd-file\n  args = username_format=%u ${dir}/passwd\n}`,
    `service imap-login {\n  inet_listener imap {\n    address = 127.0.0.1\n    port = ${port}\n  }\n  inet_listener imaps {\n    address = 127.0.0.1\n    port = ${haveTls ? tlsPort : 0}\n    ssl = yes\n  }\n}`,
    // nothing of the system's: no stats writer socket, no anvil-auth penalties beyond the folder
    'service stats {\n  unix_listener stats-writer {\n    mode = 0666\n  }\n}',
  ].join('\n');
  writeFileSync(path.join(dir, 'dovecot.conf'), conf + '\n');
  if (root) {
    spawnSync('chown', ['-R', `${owner.uid}:${owner.gid}`, dir]);
    chmodSync(dir, 0o755);
  }
  let out = '';
  const log = () => out + (spawnSync('cat', [path.join(dir, 'dovecot.log')], { encoding: 'utf8' }).stdout ?? '');
  const launch = async (): Promise<ChildProcess> => {
    const p = spawn(bin, ['-F', '-c', path.join(dir, 'dovecot.conf')], { stdio: ['ignore', 'pipe', 'pipe'] });
    p.stdout!.on('data', (d) => (out += String(d)));
    p.stderr!.on('data', (d) => (out += String(d)));
    try {
      await waitForPort(port, p, log);
    } catch (err) {
      p.kill('SIGKILL');
      throw err;
    }
    return p;
  };
  const halt = async (p: ChildProcess, signal: NodeJS.Signals) => {
    if (p.exitCode !== null || p.signalCode !== null) return;
    const exited = new Promise((r) => p.once('exit', r));
    p.kill(signal);
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    if (p.exitCode === null && p.signalCode === null) {
      p.kill('SIGKILL');
      await exited;
    }
  };
  let proc: ChildProcess;
  try {
    proc = await launch();
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }

  const client = async () => {
    const c = new ImapFlow({ host: '127.0.0.1', port, secure: false, doSTARTTLS: false, auth: { user, pass: password }, logger: false } as ConstructorParameters<
      typeof ImapFlow
    >[0]);
    c.on('error', () => undefined);
    await c.connect();
    return c;
  };
  return {
    dir,
    port,
    tlsPort: haveTls ? tlsPort : 0,
    user,
    password,
    certFile,
    async append(raw, date, folder = 'INBOX') {
      const c = await client();
      try {
        if (folder !== 'INBOX') await c.mailboxCreate(folder).catch(() => undefined);
        await c.append(folder, Buffer.from(raw), [], date);
      } finally {
        await c.logout();
      }
    },
    async flags(folder = 'INBOX') {
      const c = await client();
      const r: Record<number, string[]> = {};
      try {
        await c.mailboxOpen(folder, { readOnly: true });
        for await (const m of c.fetch('1:*', { uid: true, flags: true })) r[m.uid] = [...(m.flags ?? [])].sort();
      } finally {
        await c.logout();
      }
      return r;
    },
    async stop() {
      await halt(proc, 'SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
