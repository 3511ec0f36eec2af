/**
 * `zmqd collect` and `zmqd report` against a real Dovecot holding the 2024 Q3 fixture mailbox
 * (fixtures/mailbox, APPENDed with each message's INTERNALDATE). No part of IMAP is mocked.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as net from 'node:net';
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { describeWithTools } from '../helpers/tools.js';
import { root, zmqd } from '../helpers/cli.js';
import { startDovecot, type Dovecot } from './dovecot.js';
import type { MailboxManifest } from '../../scripts/fixtures/mailbox.js';
import type { CollectSummary } from '../../src/core/collect/summary.js';
import { buildMessage } from '../../scripts/fixtures/mail.js';

const FIX = path.join(root, 'fixtures', 'mailbox');
const manifest = JSON.parse(readFileSync(path.join(FIX, 'manifest.json'), 'utf8')) as MailboxManifest;

/** Every file under a folder (hidden ones too) with its SHA-256. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[path.relative(dir, p)] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

describeWithTools(['dovecot'], 'zmqd collect against a real Dovecot', () => {
  let dv: Dovecot;
  let work: string;
  let config: string;
  const writeConfig = (name: string, mailbox: Record<string, unknown>, extra: Record<string, unknown> = {}) => {
    const file = path.join(work, name);
    writeFileSync(
      file,
      JSON.stringify(
        { mailbox: { host: '127.0.0.1', port: dv.port, tls: false, user: dv.user, passwordFile: 'mail.pw', senders: manifest.senders, ...mailbox }, ...extra },
        null,
        2,
      ),
    );
    return file;
  };

  beforeAll(async () => {
    dv = await startDovecot();
    work = mkdtempSync(path.join(tmpdir(), 'zmqd-collect-'));
    writeFileSync(path.join(work, 'mail.pw'), `${dv.password}\n`);
    writeFileSync(path.join(work, 'wrong.pw'), 'not-the-password\n');
    for (const m of manifest.messages) await dv.append(readFileSync(path.join(FIX, '2024Q3', m.file)), new Date(m.received));
    config = writeConfig('zmqd.config.json', {});
  });

  afterAll(async () => {
    await dv?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('collects the quarter as the fixture manifest says, and changes nothing in the mailbox', async () => {
    const before = await dv.flags();
    const out = path.join(work, '收件', '2024Q3');
    const r = zmqd(['collect', '--period', '2024Q3', '--out', out, '--config', config, '--format', 'json', '--quiet']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1); // missing and late units
    const s = JSON.parse(r.stdout) as CollectSummary;
    expect(s.fetched).toBe(manifest.messages.length);
    expect(s.deadline).toBe(manifest.deadline);
    const t = s.tracker;
    expect(t.units).toHaveLength(41);
    expect(
      t.units
        .filter((u) => u.status === 'missing')
        .map((u) => u.unit)
        .sort(),
    ).toEqual([...manifest.expect.missing].sort());
    expect(
      t.units
        .filter((u) => u.status === 'late')
        .map((u) => u.unit)
        .sort(),
    ).toEqual([...manifest.expect.late].sort());
    for (const u of t.units) {
      if (manifest.expect.missing.includes(u.unit)) continue;
      expect(u.annex1, u.unit).not.toBeNull();
      // 大足区 sends one workbook holding both annexes: it counts for Annex 2 too
      expect(u.annex2, u.unit).not.toBeNull();
      const docs = manifest.expect.withDocs.includes(u.unit);
      expect(Boolean(u.article && u.case), u.unit).toBe(docs);
    }
    const wz = t.units.find((u) => u.unit === '万州区')!;
    expect(wz.annex1!.received).toBe('2024-10-08 15:30');
    expect(wz.annex1!.superseded).toHaveLength(1);
    expect(existsSync(path.join(out, wz.annex1!.superseded[0]!.file))).toBe(true);
    expect(wz.annex1!.superseded[0]!.file).toMatch(/^\.已替代\/万州区-2024年第三季度-附表1-10月05日收-邮件\d+（已替代）\.xlsx$/);
    expect(existsSync(path.join(out, '万州区-2024年第三季度-附表1.xlsx'))).toBe(true);
    for (const unit of [...manifest.expect.wrongSubject, ...manifest.expect.forwarded, ...manifest.expect.zipped]) {
      expect(t.units.find((u) => u.unit === unit)!.annex1, unit).not.toBeNull();
    }
    expect(t.unassigned).toHaveLength(manifest.expect.unassigned);
    expect(t.units.find((u) => u.unit === '万州区')!.links).toEqual(['http://www.cq.gov.cn/zmqd/unit01.html']);
    const codes = new Set(s.findings.map((f) => f.code));
    for (const c of manifest.expect.findingCodes) expect(codes, c).toContain(c);
    // bad input is a finding naming the message, never a stack trace
    const bomb = s.findings.find((f) => f.code === 'collect-archive-refused')!;
    expect(bomb.message).toContain('压缩炸弹');
    expect(s.findings.find((f) => f.code === 'collect-not-workbook')!.message).toContain('PDF');
    expect(s.findings.find((f) => f.code === 'collect-unit-unknown')!.message).toContain('璧南区');
    // the Q2 report sent in July is another period's
    expect(readdirSync(out).some((f) => f.includes('第二季度'))).toBe(false);
    // every unit that sent an Annex 1 has one workbook for it, named for the unit, period and kind
    const a1 = readdirSync(out).filter((f) => f.endsWith('附表1.xlsx'));
    expect(a1).toHaveLength(41 - manifest.expect.missing.length);
    const { fetched: _f, ...kept } = s;
    expect(JSON.parse(readFileSync(path.join(out, 'submissions.json'), 'utf8'))).toEqual(kept);
    expect(await dv.flags()).toEqual(before);
    expect(Object.values(before).every((f) => !f.includes('\\Seen'))).toBe(true);
  });

  it('a second run fetches nothing and leaves the folder exactly as it was', () => {
    const out = path.join(work, '收件', '2024Q3');
    const before = snapshot(out);
    const r = zmqd(['collect', '--period', '2024Q3', '--out', out, '--config', config, '--format', 'json', '--quiet']);
    expect(r.status).toBe(1);
    expect((JSON.parse(r.stdout) as CollectSummary).fetched).toBe(0);
    expect(snapshot(out)).toEqual(before);
  });

  it("the text output is the clerk's tick-list", () => {
    const out = path.join(work, '收件', '2024Q3');
    const r = zmqd(['collect', '--period', '2024Q3', '--out', out, '--config', config, '--quiet']);
    expect(r.stdout).toContain('zmqd 收取 · 2024年第三季度 · 截止 2024-10-10');
    expect(r.stdout).toMatch(/已报送 39\/41，逾期 3，未报送 2：.*城口县/);
    expect(r.stdout).not.toMatch(/at .*\.js:\d+/);
  });

  it('report with a mailbox in the config collects first and adds the submissions sheet', async () => {
    const inbox = path.join(work, 'r', '收件');
    const cfg = writeConfig('report.config.json', {}, { out: 'reports/{period}', period: '2024Q3' });
    const r = zmqd(['report', inbox, '--config', cfg, '--as-of', '2024-10-20', '--format', 'json', '--quiet']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    const s = JSON.parse(r.stdout);
    expect(s.collect.tracker.units).toHaveLength(41);
    expect(existsSync(path.join(inbox, 'submissions.json'))).toBe(true);
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(work, 'reports', '2024Q3', '问题清单.xlsx'));
    const sheet = wb.getWorksheet('报送情况')!;
    expect(sheet).toBeDefined();
    const rows: string[] = [];
    sheet.eachRow((row) =>
      rows.push(
        (row.values as unknown[])
          .slice(1)
          .map((v) => String(v ?? ''))
          .join('|'),
      ),
    );
    expect(rows.some((x) => x.startsWith('1|万州区|2024-10-08 15:30'))).toBe(true);
    expect(rows.some((x) => x.includes('城口县') && x.includes('未报送'))).toBe(true);
    // the aggregate saw the collected Annex 1 files
    expect(s.aggregate.missing).toEqual(expect.arrayContaining(['城口县', '黔江区']));
  });

  it('a wrong password is exit 2 with a clear message, and nothing is written', () => {
    const out = path.join(work, 'wrong', '2024Q3');
    const cfg = writeConfig('wrong.config.json', { passwordFile: 'wrong.pw' });
    const r = zmqd(['collect', '--period', '2024Q3', '--out', out, '--config', cfg]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('拒绝登录');
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(existsSync(path.join(work, 'wrong'))).toBe(false);
  });

  it('an unreachable server is exit 2, nothing written', () => {
    const out = path.join(work, 'down', '2024Q3');
    const cfg = writeConfig('down.config.json', { port: 1 });
    const r = zmqd(['collect', '--period', '2024Q3', '--out', out, '--config', cfg]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('无法连接邮箱服务器 127.0.0.1:1');
    expect(existsSync(path.join(work, 'down'))).toBe(false);
  });

  it('a self-signed certificate is refused (exit 2) until its CA is named in mailbox.caFile', () => {
    if (!dv.tlsPort) throw new Error('openssl could not make a certificate');
    const out = path.join(work, 'tls', '2024Q3');
    const bad = writeConfig('tls.config.json', { port: dv.tlsPort, tls: true });
    const r = zmqd(['collect', '--period', '2024Q3', '--out', out, '--config', bad]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('证书无法验证');
    expect(existsSync(path.join(work, 'tls'))).toBe(false);
    const good = writeConfig('tls-ca.config.json', { port: dv.tlsPort, tls: true, caFile: dv.certFile });
    const ok = zmqd(['collect', '--period', '2024Q3', '--out', out, '--config', good, '--format', 'json', '--quiet']);
    expect(ok.status).toBe(1);
    expect((JSON.parse(ok.stdout) as CollectSummary).fetched).toBe(manifest.messages.length);
  });

  it('the password may come from an environment variable, never from the command line', () => {
    const cfg = writeConfig('env.config.json', { passwordFile: undefined, passwordEnv: 'ZMQD_TEST_MAILPW' });
    const out = path.join(work, 'env', '2024Q3');
    const missing = zmqd(['collect', '--period', '2024Q3', '--out', out, '--config', cfg], { env: { ZMQD_TEST_MAILPW: '' } });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('ZMQD_TEST_MAILPW');
    expect(existsSync(path.join(work, 'env'))).toBe(false);
    const r = zmqd(['collect', '--period', '2024Q3', '--out', out, '--config', cfg, '--quiet', '--format', 'json'], { env: { ZMQD_TEST_MAILPW: dv.password } });
    expect(r.status).toBe(1);
    const opt = zmqd(['collect', '--period', '2024Q3', '--out', out, '--config', cfg, '--password', 'x']);
    expect(opt.status).toBe(2);
  });

  it("an attachment above the reader's limit is named, not downloaded; the rest of the message is collected", async () => {
    const big = new Uint8Array(51 * 1024 * 1024);
    const raw = buildMessage({
      client: 'netease',
      from: 'big@163.com',
      fromName: '开州区',
      subject: '开州区3季度落实监督执法正面清单工作情况汇总表',
      date: '2024-10-02T10:00:00+08:00',
      text: '见附件',
      attachments: [
        { name: '开州区监控录像.xlsx', bytes: big },
        { name: '开州区典型案例.pdf', bytes: new TextEncoder().encode('%PDF-1.4\n%%EOF\n') },
      ],
    });
    await dv.append(raw, new Date('2024-10-02T02:00:00Z'), 'Huge');
    const cfg = writeConfig('huge.config.json', { folder: 'Huge' });
    const out = path.join(work, 'huge', '2024Q3');
    const r = zmqd(['collect', '--period', '2024Q3', '--out', out, '--config', cfg, '--format', 'json', '--quiet']);
    expect(r.status).toBe(1);
    const s = JSON.parse(r.stdout) as CollectSummary;
    const f = s.findings.find((x) => x.code === 'collect-attachment-too-large')!;
    expect(f.message).toContain('开州区监控录像.xlsx');
    expect(s.tracker.units.find((u) => u.unit === '开州区')!.case).not.toBeNull();
    expect(statSync(out).isDirectory()).toBe(true);
  });
});

describeWithTools(['dovecot'], 'zmqd collect when the connection drops mid-run', () => {
  let dv: Dovecot;
  let work: string;
  // a TCP relay between zmqd and Dovecot: cutting it is a network that goes away mid-session
  let relay: net.Server;
  const sockets = new Set<net.Socket>();

  beforeAll(async () => {
    dv = await startDovecot();
    work = mkdtempSync(path.join(tmpdir(), 'zmqd-drop-'));
    writeFileSync(path.join(work, 'mail.pw'), `${dv.password}\n`);
    for (const m of manifest.messages) await dv.append(readFileSync(path.join(FIX, '2024Q3', m.file)), new Date(m.received));
    relay = net.createServer((down) => {
      const up = net.connect(dv.port, '127.0.0.1');
      for (const s of [down, up]) {
        sockets.add(s);
        s.on('close', () => sockets.delete(s));
        s.on('error', () => undefined);
      }
      down.pipe(up).pipe(down);
    });
    await new Promise<void>((r) => relay.listen(0, '127.0.0.1', () => r()));
    const port = (relay.address() as net.AddressInfo).port;
    const cfg = (p: number) => JSON.stringify({ mailbox: { host: '127.0.0.1', port: p, tls: false, user: dv.user, passwordFile: 'mail.pw', senders: manifest.senders } });
    writeFileSync(path.join(work, 'relay.json'), cfg(port));
    writeFileSync(path.join(work, 'direct.json'), cfg(dv.port));
  });

  afterAll(async () => {
    relay?.close();
    for (const s of sockets) s.destroy();
    await dv?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('leaves only whole files, says how far it got (exit 2), and the next run completes the folder', async () => {
    const out = path.join(work, '收件', '2024Q3');
    const state = path.join(out, '.zmqd-collect', 'state.json');
    const child = spawn(process.execPath, [path.join(root, 'bin', 'zmqd.js'), 'collect', '--period', '2024Q3', '--out', out, '--config', path.join(work, 'relay.json')], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += String(d)));
    const done = new Promise<number>((resolve) => child.once('exit', (code) => resolve(code ?? -1)));
    // cut the connection once a few messages are recorded
    const recorded = () => (existsSync(state) ? (JSON.parse(readFileSync(state, 'utf8')) as { records: unknown[] }).records.length : 0);
    for (let i = 0; i < 1200 && recorded() < 5; i++) await new Promise((r) => setTimeout(r, 25));
    relay.close();
    for (const s of sockets) s.destroy();
    const code = await done;
    expect(`${code}\n${stderr}`).toMatch(/^2\n/);
    expect(stderr).toMatch(/已收取 \d+ 封并记录；再次运行将从中断处继续/);
    expect(stderr).not.toMatch(/at .*\.js:\d+/);
    const partial = recorded();
    expect(partial).toBeGreaterThanOrEqual(5);
    expect(partial).toBeLessThan(manifest.messages.length);
    // no temporary or half-written file is left
    expect(Object.keys(snapshot(out)).filter((f) => /\.tmp$/.test(f))).toEqual([]);
    const r = zmqd(['collect', '--period', '2024Q3', '--out', out, '--config', path.join(work, 'direct.json'), '--format', 'json', '--quiet']);
    expect(r.status).toBe(1);
    const s = JSON.parse(r.stdout) as CollectSummary;
    expect(s.fetched).toBe(manifest.messages.length - partial);
    expect(
      s.tracker.units
        .filter((u) => u.status === 'missing')
        .map((u) => u.unit)
        .sort(),
    ).toEqual([...manifest.expect.missing].sort());
    expect(readdirSync(out).filter((f) => f.endsWith('附表1.xlsx'))).toHaveLength(41 - manifest.expect.missing.length);
  });
});
