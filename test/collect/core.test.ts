/**
 * The collect core without a server: subjects, header repair, the MIME adapter on the four clients'
 * raw messages, zips with the reader's limits, and the tracker (supersession, deadlines, missing).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { zipSync } from 'fflate';
import iconv from 'iconv-lite';
import { root } from '../helpers/cli.js';
import { readSubject } from '../../src/core/collect/subject.js';
import { fixLatin1Name, repairRawHeaders } from '../../src/core/collect/headers.js';
import { structureProblem } from '../../src/core/collect/structure.js';
import { unzipAttachment } from '../../src/core/collect/zip.js';
import { processMessage, beijingTime } from '../../src/core/collect/process.js';
import { plan, quarterDeadline, type MessageRecord } from '../../src/core/collect/tracker.js';
import { rosterFor } from '../../src/core/roster/units.js';
import { parseMessage } from '../../src/cli/collect/mime.js';
import { buildMessage, gbkZip, tinyPdf, type Client } from '../../scripts/fixtures/mail.js';
import { parseConfig } from '../../src/core/config/schema.js';
import { en, zh } from '../../src/core/i18n/index.js';

const A1 = new Uint8Array(readFileSync(path.join(root, 'fixtures', 'inbox', '2024Q3', '万州区3季度落实监督执法正面清单工作情况汇总表.xlsx')));
const Q3END = '2024-09-30';

describe('subjects', () => {
  it.each([
    ['万州区3季度落实监督执法正面清单工作情况汇总表', '万州区', 3],
    ['万州第三季度落实监督执法正面清单工作情况汇总表', '万州区', 3],
    ['回复：石柱县2024年第三季度落实监督执法正面清单工作情况汇总表（更正）', '石柱土家族自治县', 3],
    ['转发: 重庆高新区Q3正面清单汇总表', '重庆高新区', 3],
    ['【报送】秀山县三季度落实监督执法正面清单工作情况汇总表', '秀山土家族苗族自治县', 3],
  ])('%s → %s Q%d', (subject, unit, q) => {
    const s = readSubject(subject, '2024-10-08', Q3END);
    expect(s.unit?.kind).toBe('ok');
    expect(s.unit?.kind === 'ok' && s.unit.unit.name).toBe(unit);
    expect(s.period.period).toEqual({ year: 2024, quarter: q });
  });

  it('an unknown unit in the subject is named, with the nearest real one', () => {
    const s = readSubject('璧南区3季度落实监督执法正面清单工作情况汇总表', '2024-10-08', Q3END);
    expect(s.unit).toMatchObject({ kind: 'unknown', value: '璧南区' });
  });

  it('a subject with neither unit nor quarter gives neither', () => {
    const s = readSubject('关于报送正面清单相关材料的函', '2024-10-08', Q3END);
    expect(s.unit).toBeNull();
    expect(s.period.fromName).toBe(false);
  });
});

describe('raw headers and names', () => {
  it('raw GBK header bytes become UTF-8; bodies are untouched', () => {
    const raw = Buffer.concat([Buffer.from('Subject: '), iconv.encode('万州区3季度', 'gbk'), Buffer.from('\r\n\r\n'), iconv.encode('正文', 'gbk'), Buffer.from('\r\n')]);
    const fixed = Buffer.from(repairRawHeaders(new Uint8Array(raw))).toString('utf8');
    expect(fixed.startsWith('Subject: 万州区3季度\r\n\r\n')).toBe(true);
    expect(Buffer.from(repairRawHeaders(new Uint8Array(raw))).subarray(-6)).toEqual(Buffer.concat([iconv.encode('正文', 'gbk'), Buffer.from('\r\n')]));
  });

  it('mojibake of UTF-8 or GBK names read as Latin-1 is read again', () => {
    expect(fixLatin1Name(Buffer.from('附表1.xlsx', 'utf8').toString('latin1'))).toBe('附表1.xlsx');
    expect(fixLatin1Name(iconv.encode('附表1.xlsx', 'gbk').toString('latin1'))).toBe('附表1.xlsx');
    expect(fixLatin1Name('Café.xlsx')).toBe('Café.xlsx');
  });

  it('a multipart without its closing boundary is cut off', () => {
    const raw = buildMessage({
      client: 'outlook',
      from: 'a@b.cn',
      fromName: 'a',
      subject: 's',
      date: '2024-10-01T10:00:00+08:00',
      text: 't',
      attachments: [{ name: 'x.pdf', bytes: tinyPdf('x') }],
    });
    expect(structureProblem(raw)).toBeNull();
    const problem = structureProblem(raw.subarray(0, raw.length - 60));
    expect(problem && en.collect.mimeProblem(problem)).toContain('closing boundary');
  });
});

describe("the four clients' messages", () => {
  const clients: Client[] = ['outlook', 'foxmail', 'netease', 'wps'];
  it.each(clients)('%s: subject, names (RFC 2047/2231, split words, raw GBK), zip with GBK names, link', async (client) => {
    const raw = buildMessage({
      client,
      from: 'WZ@163.com',
      fromName: '万州区生态环境局',
      subject: '万州区3季度落实监督执法正面清单工作情况汇总表',
      date: '2024-10-08T09:12:00+08:00',
      text: '公示链接：http://www.wz.gov.cn/zmqd/2024.html',
      attachments: [
        { name: '万州区2024年第三季度落实监督执法正面清单工作情况汇总表（修订）.xlsx', bytes: A1 },
        { name: '亮点成效稿件.pdf', bytes: tinyPdf('a') },
        { name: '材料.zip', bytes: gbkZip([{ name: '典型案例.pdf', bytes: tinyPdf('b') }]) },
      ],
    });
    const m = await parseMessage(7, raw, new Date('2024-10-08T01:12:00Z'));
    expect(m.subject).toBe('万州区3季度落实监督执法正面清单工作情况汇总表');
    expect(m.from).toBe('wz@163.com');
    expect(m.attachments.map((a) => a.filename)).toEqual(['万州区2024年第三季度落实监督执法正面清单工作情况汇总表（修订）.xlsx', '亮点成效稿件.pdf', '材料.zip']);
    const p = await processMessage(m, { senders: {}, periodEnd: Q3END });
    expect(p.unit).toBe('万州区');
    expect(p.period).toEqual({ year: 2024, quarter: 3 });
    expect(p.received).toBe('2024-10-08 09:12');
    expect(p.files.map((f) => [f.name, f.kind])).toEqual([
      ['万州区2024年第三季度落实监督执法正面清单工作情况汇总表（修订）.xlsx', 'annex1'],
      ['亮点成效稿件.pdf', 'article'],
      ['典型案例.pdf', 'case'],
    ]);
    expect(p.links).toEqual(['http://www.wz.gov.cn/zmqd/2024.html']);
    expect(p.findings).toEqual([]);
  });

  it('a forwarded .eml gives its attachments and its subject names the unit', async () => {
    const inner = buildMessage({
      client: 'foxmail',
      from: 'x@cq.cn',
      fromName: '南川区',
      subject: '南川区3季度落实监督执法正面清单工作情况汇总表',
      date: '2024-10-03T10:00:00+08:00',
      text: '',
      attachments: [{ name: '汇总表.xlsx', bytes: A1 }],
    });
    const outer = buildMessage({
      client: 'outlook',
      from: 'zs@cq.cn',
      fromName: '张三',
      subject: '转发一封邮件',
      date: '2024-10-03T15:00:00+08:00',
      text: '',
      attachments: [],
      forwarded: [inner],
    });
    const p = await processMessage(await parseMessage(1, outer, new Date('2024-10-03T07:00:00Z')), { senders: {}, periodEnd: Q3END });
    expect(p.unit).toBe('南川区');
    expect(p.unitBy).toBe('forwarded');
    expect(p.files.map((f) => f.kind)).toEqual(['annex1']);
    // the attachment's own 填报单位 (万州区) disagrees with the forwarded subject
    expect(p.findings.map((f) => f.code)).toContain('collect-unit-mismatch');
  });

  it('the sender mapping names the unit when the subject does not; a non-standard subject is noted', async () => {
    const raw = buildMessage({
      client: 'wps',
      from: 'bb@cq.cn',
      fromName: '北碚',
      subject: '关于报送材料的函',
      date: '2024-10-05T10:00:00+08:00',
      text: '',
      attachments: [{ name: '表.xlsx', bytes: A1 }],
    });
    const p = await processMessage(await parseMessage(1, raw, new Date('2024-10-05T02:00:00Z')), { senders: { 'bb@cq.cn': '北碚区' }, periodEnd: Q3END });
    expect(p.unit).toBe('北碚区');
    expect(p.period).toEqual({ year: 2024, quarter: 3 });
    expect(p.findings.map((f) => f.code).sort()).toEqual(['collect-subject-nonstandard', 'collect-unit-mismatch']);
  });

  it('winmail.dat, a rar, a PDF named .xlsx and an image are each a finding, the rest kept', async () => {
    const raw = buildMessage({
      client: 'outlook',
      from: 'a@cq.cn',
      fromName: 'a',
      subject: '江津区3季度落实监督执法正面清单工作情况汇总表',
      date: '2024-10-05T10:00:00+08:00',
      text: '',
      attachments: [
        { name: 'winmail.dat', bytes: new Uint8Array([0x78, 0x9f, 0x3e, 0x22]) },
        { name: '材料.rar', bytes: new Uint8Array([0x52, 0x61, 0x72, 0x21, 0x1a, 0x07, 0]) },
        { name: '附表1.xlsx', bytes: tinyPdf('p') },
        { name: '照片.png', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47]), type: 'image/png' },
        { name: '江津区附表1.xlsx', bytes: A1 },
      ],
    });
    const p = await processMessage(await parseMessage(1, raw, new Date('2024-10-05T02:00:00Z')), { senders: {}, periodEnd: Q3END });
    expect(p.findings.map((f) => f.code).sort()).toEqual([
      'collect-archive-refused',
      'collect-attachment-ignored',
      'collect-not-workbook',
      'collect-unit-mismatch',
      'collect-winmail-dat',
    ]);
    expect(p.files.map((f) => f.name)).toEqual(['江津区附表1.xlsx']);
  });
});

it('a workbook holding both annexes counts for both', async () => {
  const both = new Uint8Array(readFileSync(path.join(root, 'fixtures', 'inbox', '2024Q3', '大足区2024年第三季度正面清单报送材料.xlsx')));
  const raw = buildMessage({
    client: 'netease',
    from: 'dz@163.com',
    fromName: '大足区',
    subject: '大足区3季度落实监督执法正面清单工作情况汇总表',
    date: '2024-10-05T10:00:00+08:00',
    text: '',
    attachments: [{ name: '报送材料.xlsx', bytes: both }],
  });
  const p = await processMessage(await parseMessage(3, raw, new Date('2024-10-05T02:00:00Z')), { senders: {}, periodEnd: Q3END });
  expect(p.files.map((f) => [f.kind, f.alsoKinds])).toEqual([['annex1', ['annex2']]]);
  const rec: MessageRecord = {
    uid: 3,
    subject: 's',
    from: 'f',
    received: p.received,
    unit: p.unit,
    unitBy: 'subject',
    period: '2024Q3',
    links: [],
    findings: [],
    files: [{ name: '报送材料.xlsx', ext: '.xlsx', kind: 'annex1', alsoKinds: ['annex2'], store: 's3', size: 1 }],
  };
  const t = plan([rec], { period: { year: 2024, quarter: 3 }, roster: rosterFor(Q3END), deadline: '2024-10-10' }).tracker.units.find((u) => u.unit === '大足区')!;
  expect(t.annex2?.file).toBe('大足区-2024年第三季度-附表1.xlsx');
});

describe('zips', () => {
  it('a zip bomb is refused before anything large is inflated', () => {
    const bomb = zipSync({ 'a.xlsx': new Uint8Array(4 * 1024 * 1024) }, { level: 9 });
    const r = unzipAttachment(bomb);
    expect(r.ok).toBe(false);
    expect(!r.ok && zh.collect.archiveRefusal(r.reason)).toContain('压缩炸弹');
  });

  it('entry names without the UTF-8 flag are GBK', () => {
    const r = unzipAttachment(gbkZip([{ name: '附件1：汇总表.xlsx', bytes: A1 }]));
    expect(r.ok && r.files.map((f) => f.name)).toEqual(['附件1：汇总表.xlsx']);
  });
});

describe('the tracker', () => {
  const roster = rosterFor(Q3END);
  const rec = (uid: number, unit: string | null, received: string, kinds: ('annex1' | 'article' | 'case')[]): MessageRecord => ({
    uid,
    subject: 's',
    from: 'f',
    received,
    unit,
    unitBy: unit ? 'subject' : null,
    period: '2024Q3',
    links: [],
    findings: [],
    files: kinds.map((k, i) => ({ name: `${k}.x`, ext: k === 'annex1' ? '.xlsx' : '.pdf', kind: k, store: `${uid}-${i}`, size: 1 })),
  });

  it('default deadline: the 10th day after the quarter end; the annual report 10 December', () => {
    expect(quarterDeadline({ year: 2024, quarter: 3 })).toBe('2024-10-10');
    expect(quarterDeadline({ year: 2024, quarter: 4 })).toBe('2025-01-10');
    expect(quarterDeadline({ year: 2024 })).toBe('2024-12-10');
  });

  it('a later submission supersedes (kept under .已替代/); lateness is judged by the first; missing units are errors', () => {
    const r = plan(
      [
        rec(2, '万州区', '2024-10-12 09:00', ['annex1']),
        rec(1, '万州区', '2024-10-05 10:00', ['annex1', 'article', 'case']),
        rec(3, '涪陵区', '2024-10-11 08:00', ['annex1']),
        rec(4, null, '2024-10-01 08:00', ['annex1']),
      ],
      { period: { year: 2024, quarter: 3 }, roster, deadline: '2024-10-10' },
    );
    const wz = r.tracker.units.find((u) => u.unit === '万州区')!;
    expect(wz.status).toBe('on-time');
    expect(wz.annex1).toMatchObject({ received: '2024-10-12 09:00', uid: 2, file: '万州区-2024年第三季度-附表1.xlsx' });
    expect(wz.annex1!.superseded).toEqual([{ received: '2024-10-05 10:00', uid: 1, file: '.已替代/万州区-2024年第三季度-附表1-10月05日收-邮件1（已替代）.xlsx' }]);
    expect(wz.article?.uid).toBe(1); // not superseded: the later message had no article
    expect(r.tracker.units.find((u) => u.unit === '涪陵区')!.status).toBe('late');
    expect(r.tracker.unassigned.map((u) => u.uid)).toEqual([4]);
    expect(r.placements.find((p) => p.uid === 4)!.target).toBe('未识别单位-邮件4-annex1.x');
    const codes = r.findings.map((f) => `${f.code}:${f.params.unit}`);
    expect(codes).toContain('collect-late:涪陵区');
    expect(codes).toContain('collect-part-missing:涪陵区');
    expect(codes).toContain('collect-superseded:万州区');
    expect(codes.filter((c) => c.startsWith('collect-missing'))).toHaveLength(39);
    expect(r.findings.find((f) => f.code === 'collect-late')!.params.days).toBe(1);
  });

  it('Beijing time of a server date', () => {
    expect(beijingTime('2024-10-10T16:30:00.000Z')).toBe('2024-10-11 00:30');
  });
});

describe('config', () => {
  it('the mailbox block takes exactly one password source and no password itself', () => {
    const base = { host: 'imap.example.cn', user: 'fzc' };
    expect(parseConfig(JSON.stringify({ mailbox: { ...base, passwordFile: 'pw' } })).ok).toBe(true);
    expect(parseConfig(JSON.stringify({ mailbox: { ...base } })).ok).toBe(false);
    expect(parseConfig(JSON.stringify({ mailbox: { ...base, passwordFile: 'pw', passwordEnv: 'X' } })).ok).toBe(false);
    const withPw = parseConfig(JSON.stringify({ mailbox: { ...base, passwordFile: 'pw', password: 'secret' } }));
    expect(withPw.ok).toBe(false);
    expect(!withPw.ok && withPw.problems.join('\n')).toContain('password');
  });
});
