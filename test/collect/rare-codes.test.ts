/**
 * Two collect findings the fixture mailbox does not give: an attachment whose name is for another
 * quarter than the subject (collect-period-mismatch, from the collect core), and an inbox folder
 * already holding, under the name collect would give a submission, a file it did not write
 * (collect-file-exists, from the collect run against a real Dovecot).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { root } from '../helpers/cli.js';
import { describeWithTools } from '../helpers/tools.js';
import { startDovecot, type Dovecot } from './dovecot.js';
import { processMessage } from '../../src/core/collect/process.js';
import { parseMessage } from '../../src/cli/collect/mime.js';
import { collect } from '../../src/cli/collect/run.js';
import { messageOf } from '../../src/core/findings/make.js';
import { buildMessage } from '../../scripts/fixtures/mail.js';

const A1 = new Uint8Array(readFileSync(path.join(root, 'fixtures', 'inbox', '2024Q3', '万州区3季度落实监督执法正面清单工作情况汇总表.xlsx')));
const SUBJECT = '万州区3季度落实监督执法正面清单工作情况汇总表';

describe('an attachment named for another quarter than the subject', () => {
  it('is saved by the subject, with a warning naming both quarters (collect-period-mismatch)', async () => {
    const raw = buildMessage({
      client: 'netease',
      from: 'wz@163.com',
      fromName: '万州区生态环境局',
      subject: SUBJECT,
      date: '2024-10-08T09:12:00+08:00',
      text: '',
      attachments: [{ name: '万州区2024年第二季度落实监督执法正面清单工作情况汇总表.xlsx', bytes: A1 }],
    });
    const p = await processMessage(await parseMessage(12, raw, new Date('2024-10-08T01:12:00Z')), { senders: {}, periodEnd: '2024-09-30' });
    expect(p.period).toEqual({ year: 2024, quarter: 3 });
    expect(p.periodBy).toBe('subject');
    expect(p.files.map((f) => f.kind)).toEqual(['annex1']);
    expect(p.findings.map((f) => f.code)).toEqual(['collect-period-mismatch']);
    const f = p.findings[0]!;
    expect(f).toMatchObject({ severity: 'warning', file: `邮件 #12《${SUBJECT}》` });
    expect(messageOf(f, 'zh')).toBe(
      `邮件《${SUBJECT}》的主题为2024年第三季度，附件“万州区2024年第二季度落实监督执法正面清单工作情况汇总表.xlsx”的名称却写的是2024年第二季度。已按主题保存，请核实附件是否发错。`,
    );
    expect(messageOf(f, 'en')).toBe(
      `"${SUBJECT}" is for 2024 Q3, but the attachment "万州区2024年第二季度落实监督执法正面清单工作情况汇总表.xlsx" names 2024 Q2. Saved by the subject; check the attachment.`,
    );
  });

  it("an attachment named for the subject's quarter gives no such warning", async () => {
    const raw = buildMessage({
      client: 'netease',
      from: 'wz@163.com',
      fromName: '万州区生态环境局',
      subject: SUBJECT,
      date: '2024-10-08T09:12:00+08:00',
      text: '',
      attachments: [{ name: '万州区2024年第三季度落实监督执法正面清单工作情况汇总表.xlsx', bytes: A1 }],
    });
    const p = await processMessage(await parseMessage(12, raw, new Date('2024-10-08T01:12:00Z')), { senders: {}, periodEnd: '2024-09-30' });
    expect(p.findings).toEqual([]);
  });
});

describeWithTools(['dovecot'], 'an inbox folder already holding a file collect did not write', () => {
  let dv: Dovecot;
  let work: string;

  beforeAll(async () => {
    dv = await startDovecot();
    work = mkdtempSync(path.join(tmpdir(), 'zmqd-clash-'));
    writeFileSync(path.join(work, 'mail.pw'), `${dv.password}\n`);
    const raw = buildMessage({
      client: 'outlook',
      from: 'wz@163.com',
      fromName: '万州区生态环境局',
      subject: SUBJECT,
      date: '2024-10-08T09:12:00+08:00',
      text: '',
      attachments: [{ name: '万州区汇总表.xlsx', bytes: A1 }],
    });
    await dv.append(raw, new Date('2024-10-08T01:12:00Z'));
  });

  afterAll(async () => {
    await dv?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('leaves the file alone, saves the submission beside it and warns (collect-file-exists)', async () => {
    const out = path.join(work, '收件', '2024Q3');
    mkdirSync(out, { recursive: true });
    // the clerk saved the unit's table by hand under the name collect gives it
    const mine = new TextEncoder().encode('saved by hand');
    writeFileSync(path.join(out, '万州区-2024年第三季度-附表1.xlsx'), mine);
    const mailbox = { host: '127.0.0.1', port: dv.port, tls: false, user: dv.user, passwordFile: path.join(work, 'mail.pw') };
    const run = (lang: 'zh' | 'en') => collect({ period: '2024Q3', mailbox }, out, { format: 'json', lang, quiet: true });
    const s = await run('zh');
    expect(s.fetched).toBe(1);
    const saved = '万州区-2024年第三季度-附表1（邮件收取）.xlsx';
    const clash = s.findings.filter((f) => f.code === 'collect-file-exists');
    expect(clash).toEqual([
      {
        code: 'collect-file-exists',
        severity: 'warning',
        file: saved,
        message: `收件文件夹中已有不是本工具写入的“万州区-2024年第三季度-附表1.xlsx”，未覆盖；万州区的附件另存为“${saved}”。请确认后删除其中一个。`,
      },
    ]);
    expect(new Uint8Array(readFileSync(path.join(out, '万州区-2024年第三季度-附表1.xlsx')))).toEqual(mine);
    expect(new Uint8Array(readFileSync(path.join(out, saved)))).toEqual(A1);
    expect(s.files).toContain(saved);
    // the next run still finds the clerk's file there and says so again, here in English
    const again = await run('en');
    expect(again.fetched).toBe(0);
    expect(again.findings.filter((f) => f.code === 'collect-file-exists')).toEqual([
      {
        code: 'collect-file-exists',
        severity: 'warning',
        file: saved,
        message: `The inbox already holds "万州区-2024年第三季度-附表1.xlsx", not written by zmqd; it was left alone and 万州区's attachment saved as "${saved}". Keep one of them.`,
      },
    ]);
    expect(new Uint8Array(readFileSync(path.join(out, '万州区-2024年第三季度-附表1.xlsx')))).toEqual(mine);
  });
});
