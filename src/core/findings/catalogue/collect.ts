import { code, defineCodes, s } from '../define.js';
import { zh as ZH } from '../../i18n/zh.js';
import { en as EN } from '../../i18n/en.js';
import { periodLabelEn, periodLabelZh, type Period } from '../../roster/period.js';
import type { MimeProblem, SubmissionKind } from '../../collect/types.js';
import type { ArchiveRefusal } from '../../collect/zip.js';

/** What named the unit of a message (process.ts UnitSourceKind). */
type UnitSource = 'subject' | 'sender' | 'forwarded' | 'attachment';

/** A message's subject: '' when it has none. */
const subjectZh = (subject: string) => subject || '（无主题）';
const subjectEn = (subject: string) => subject || '(no subject)';

/** 第三季度 of 2024 Q3, 年度 of an annual report: the period as the standard subject names it */
const quarterZh = (p: Period) => (p.quarter ? periodLabelZh(p).replace(/^\d+年/, '') : '年度');

const example = { subject: '大足区2024年第三季度落实监督执法正面清单工作情况汇总表', from: 'hbj@dazu.gov.cn' };

/**
 * `zmqd collect`: the mailbox's messages and the submissions tracker. `file` of these findings is the
 * message ("邮件 #UID 《subject》") or the saved attachment; the unit is in the message. The findings
 * of a message are kept in the collect state (JSON): their parameters are plain data.
 */
export const collectCodes = defineCodes({
  'collect-missing': code<{ unit: string; period: Period; deadline: string }>({
    severity: 'error',
    title: { zh: '未报送', en: 'Not submitted' },
    message: {
      zh: (p) =>
        `${s(p.unit)}尚未报送${periodLabelZh(p.period)}附表1（落实监督执法正面清单工作情况汇总表）。截止日期 ${s(p.deadline)}。请联系该单位报送，邮件主题“${s(p.unit)}${quarterZh(p.period)}落实监督执法正面清单工作情况汇总表”。`,
      en: (p) => `${s(p.unit)} has not sent its Annex 1 for ${periodLabelEn(p.period)}; the deadline is ${s(p.deadline)}. Ask the unit to send it with the standard subject.`,
    },
    example: { unit: '大足区', period: { year: 2024, quarter: 3 }, deadline: '2024-10-10' },
  }),
  'collect-late': code<{ unit: string; what: SubmissionKind; received: string; deadline: string; days: number }>({
    severity: 'warning',
    title: { zh: '逾期报送', en: 'Submitted late' },
    message: {
      zh: (p) => `${s(p.unit)}的${ZH.collect.kind[p.what]}于 ${s(p.received)} 收到，晚于截止日期 ${s(p.deadline)}（逾期 ${s(p.days)} 天）。`,
      en: (p) => `${s(p.unit)}'s ${EN.collect.kind[p.what]} arrived on ${s(p.received)}, after the deadline ${s(p.deadline)} (${s(p.days)} days late).`,
    },
    example: { unit: '大足区', what: 'annex1', received: '2024-10-12', deadline: '2024-10-10', days: 2 },
  }),
  'collect-part-missing': code<{ unit: string; what: SubmissionKind[] }>({
    severity: 'warning',
    title: { zh: '报送材料不全', en: 'Submission incomplete' },
    message: {
      zh: (p) => `${s(p.unit)}已报送附表1，但未收到${ZH.collect.kinds(p.what)}。按通知要求，每季度应随附表1一并报送亮点、成效稿件和典型案例各一篇。`,
      en: (p) =>
        `${s(p.unit)} sent its Annex 1 but no ${EN.collect.kinds(p.what)}; the notice asks for one article on highlights and results and one typical case with each quarterly report.`,
    },
    example: { unit: '大足区', what: ['article', 'case'] },
  }),
  'collect-unit-unknown': code<{ subject: string; from: string; value: string; suggestion?: string; fallback?: UnitSource; unit?: string }>({
    severity: 'warning',
    title: { zh: '邮件的报送单位无法识别', en: 'Sender unit not recognised' },
    message: {
      zh: (p) =>
        `邮件《${subjectZh(p.subject)}》（${s(p.from)}）的主题中“${s(p.value)}”不是名单内的报送单位${p.suggestion ? `（是否为“${s(p.suggestion)}”？）` : ''}，发件地址也未在配置的 senders 中对应到单位${p.fallback ? `；已按${ZH.collect.unitSource[p.fallback]}识别为${s(p.unit)}` : '；附件已另存，请人工确认是哪个单位的报送，并在配置文件 mailbox.senders 中登记该发件地址'}。`,
      en: (p) =>
        `The subject of "${subjectEn(p.subject)}" (${s(p.from)}) names "${s(p.value)}", which is not a reporting unit${p.suggestion ? ` (did you mean ${s(p.suggestion)}?)` : ''}, and the sender address is not mapped in mailbox.senders${p.fallback ? `; taken as ${s(p.unit)} by ${EN.collect.unitSource[p.fallback]}` : '; the attachments were saved apart: decide whose submission it is and add the address to mailbox.senders'}.`,
    },
    example: {
      subject: '大足县2024年第三季度落实监督执法正面清单工作情况汇总表',
      from: 'hbj@dazu.gov.cn',
      value: '大足县',
      suggestion: '大足区',
      fallback: 'attachment',
      unit: '大足区',
    },
  }),
  'collect-subject-nonstandard': code<{ subject: string; unit: string; period: Period; unitBy: UnitSource; periodBy: 'subject' | 'attachment' | 'date' }>({
    severity: 'info',
    title: { zh: '邮件主题不规范', en: 'Non-standard subject' },
    message: {
      zh: (p) =>
        `邮件《${subjectZh(p.subject)}》的主题未写明${ZH.collect.and(lacking(p, ZH.collect.lacks))}；已按${ZH.collect.and(inferredBy(p, ZH.collect))}识别为${s(p.unit)}${periodLabelZh(p.period)}。请提醒该单位使用规定主题“xx区（县）x季度落实监督执法正面清单工作情况汇总表”。`,
      en: (p) =>
        `The subject "${subjectEn(p.subject)}" does not name ${EN.collect.and(lacking(p, EN.collect.lacks))}; taken as ${s(p.unit)} ${periodLabelEn(p.period)} by ${EN.collect.and(inferredBy(p, EN.collect))}. Remind the unit of the standard subject.`,
    },
    example: { subject: '正面清单报表', unit: '大足区', period: { year: 2024, quarter: 3 }, unitBy: 'sender', periodBy: 'date' },
  }),
  'collect-unit-mismatch': code<{ subject: string; unit: string; by: UnitSource; other: UnitSource; value: string }>({
    severity: 'warning',
    title: { zh: '报送单位不一致', en: 'Units disagree' },
    message: {
      zh: (p) =>
        `邮件《${subjectZh(p.subject)}》按${ZH.collect.unitSource[p.by]}是${s(p.unit)}的报送，但${ZH.collect.unitSource[p.other]}为“${s(p.value)}”。已按${s(p.unit)}保存，请核实。`,
      en: (p) =>
        `"${subjectEn(p.subject)}" is ${s(p.unit)}'s by ${EN.collect.unitSource[p.by]}, but ${EN.collect.unitSource[p.other]} says "${s(p.value)}". Saved as ${s(p.unit)}; please check.`,
    },
    example: { subject: example.subject, unit: '大足区', by: 'subject', other: 'sender', value: '永川区' },
  }),
  'collect-period-mismatch': code<{ subject: string; period: Period; name: string; other: Period }>({
    severity: 'warning',
    title: { zh: '附件期别与主题不一致', en: 'Attachment period differs from the subject' },
    message: {
      zh: (p) => `邮件《${subjectZh(p.subject)}》的主题为${periodLabelZh(p.period)}，附件“${s(p.name)}”的名称却写的是${periodLabelZh(p.other)}。已按主题保存，请核实附件是否发错。`,
      en: (p) =>
        `"${subjectEn(p.subject)}" is for ${periodLabelEn(p.period)}, but the attachment "${s(p.name)}" names ${periodLabelEn(p.other)}. Saved by the subject; check the attachment.`,
    },
    example: { subject: example.subject, period: { year: 2024, quarter: 3 }, name: '大足区2024年第二季度汇总表.xlsx', other: { year: 2024, quarter: 2 } },
  }),
  'collect-superseded': code<{ unit: string; received: string; what: SubmissionKind | null; earlier: string; kept: string }>({
    severity: 'info',
    title: { zh: '重新报送，旧版已替代', en: 'Resubmitted; the earlier one superseded' },
    message: {
      zh: (p) => `${s(p.unit)}于 ${s(p.received)} 重新报送了${p.what ? ZH.collect.kind[p.what] : ZH.collect.otherKind}，替代 ${s(p.earlier)} 收到的版本；旧版保留在 ${s(p.kept)}。`,
      en: (p) =>
        `${s(p.unit)} resent its ${p.what ? EN.collect.kind[p.what] : EN.collect.otherKind} on ${s(p.received)}, superseding the one received on ${s(p.earlier)}; the earlier one is kept as ${s(p.kept)}.`,
    },
    example: {
      unit: '大足区',
      received: '2024-10-09 15:30',
      what: 'annex1',
      earlier: '2024-10-08 09:12',
      kept: '.已替代/大足区-2024年第三季度-附表1-10月08日收-邮件12（已替代）.xlsx',
    },
  }),
  'collect-mime-corrupt': code<{ subject: string; from: string; reason: MimeProblem }>({
    severity: 'error',
    title: { zh: '邮件结构损坏', en: 'Corrupt message structure' },
    message: {
      zh: (p) => `邮件《${subjectZh(p.subject)}》（${s(p.from)}）的结构已损坏（${ZH.collect.mimeProblem(p.reason)}），附件可能不完整，未保存。请让该单位重新发送。`,
      en: (p) =>
        `The message "${subjectEn(p.subject)}" (${s(p.from)}) is corrupt (${EN.collect.mimeProblem(p.reason)}); its attachments may be incomplete and were not saved. Ask the unit to send it again.`,
    },
    example: { ...example, reason: { why: 'unclosed' } },
  }),
  'collect-not-workbook': code<{ subject: string; name: string; reason: { zh: string; en: string } }>({
    severity: 'error',
    title: { zh: '附件不是 Excel 工作簿', en: 'Attachment is not a workbook' },
    message: {
      zh: (p) => `邮件《${subjectZh(p.subject)}》的附件“${s(p.name)}”${p.reason.zh}，未保存为报表。请让该单位把附表以 .xlsx 格式重新发送。`,
      en: (p) => `The attachment "${s(p.name)}" of "${subjectEn(p.subject)}": ${p.reason.en}; not saved as a report. Ask the unit to resend the annex as .xlsx.`,
    },
    example: { subject: example.subject, name: '附表1.xlsx', reason: { zh: '文件是 PDF，不是 Excel 工作簿', en: 'the file is a PDF, not an Excel workbook' } },
  }),
  'collect-attachment-too-large': code<{ subject: string; name: string; size: string; limit: string }>({
    severity: 'error',
    title: { zh: '附件过大', en: 'Attachment too large' },
    message: {
      zh: (p) => `邮件《${subjectZh(p.subject)}》的附件“${s(p.name)}”约 ${s(p.size)}，超过上限 ${s(p.limit)}，未下载。附表通常不足 1 MB，请让该单位检查文件后重新发送。`,
      en: (p) =>
        `The attachment "${s(p.name)}" of "${subjectEn(p.subject)}" is about ${s(p.size)}, above the ${s(p.limit)} limit; not downloaded. Annexes are usually under 1 MB: ask the unit to check the file and resend it.`,
    },
    example: { subject: example.subject, name: '附表1.xlsx', size: '62.3 MB', limit: '50 MB' },
  }),
  'collect-archive-refused': code<{ subject: string; name: string; reason: ArchiveRefusal }>({
    severity: 'error',
    title: { zh: '压缩包无法解开', en: 'Archive not unpacked' },
    message: {
      zh: (p) => `邮件《${subjectZh(p.subject)}》的压缩包“${s(p.name)}”未解开：${ZH.collect.archiveRefusal(p.reason)}。请让该单位直接发送 .xlsx 附件。`,
      en: (p) =>
        `The archive "${s(p.name)}" of "${subjectEn(p.subject)}" was not unpacked: ${EN.collect.archiveRefusal(p.reason)}. Ask the unit to attach the .xlsx files directly.`,
    },
    example: { subject: example.subject, name: '报送材料.rar', reason: { why: 'format', ext: '.rar' } },
  }),
  'collect-winmail-dat': code<{ subject: string; from: string }>({
    severity: 'error',
    title: { zh: 'Outlook winmail.dat 附件', en: 'Outlook winmail.dat attachment' },
    message: {
      zh: (p) =>
        `邮件《${subjectZh(p.subject)}》（${s(p.from)}）的附件被 Outlook 打包成了 winmail.dat（RTF 格式邮件），无法取出其中的文件。请让发件人把邮件格式改为 HTML 或纯文本后重新发送。`,
      en: (p) =>
        `The attachments of "${subjectEn(p.subject)}" (${s(p.from)}) were packed by Outlook into winmail.dat (a rich-text message) and cannot be taken out. Ask the sender to switch the message format to HTML or plain text and resend.`,
    },
    example,
  }),
  'collect-attachment-ignored': code<{ subject: string; name: string; type?: string }>({
    severity: 'info',
    title: { zh: '附件未保存', en: 'Attachment not saved' },
    message: {
      zh: (p) => `邮件《${subjectZh(p.subject)}》的附件“${s(p.name)}”既不是附表，也不是稿件或案例（${p.type || '未知类型'}），未保存。`,
      en: (p) => `The attachment "${s(p.name)}" of "${subjectEn(p.subject)}" is neither an annex nor an article or case (${p.type || 'unknown type'}); not saved.`,
    },
    example: { subject: example.subject, name: '现场照片.jpg', type: 'image/jpeg' },
  }),
  'collect-file-exists': code<{ name: string; saved: string; unit?: string }>({
    severity: 'warning',
    title: { zh: '同名文件已存在', en: 'A file of that name exists' },
    message: {
      zh: (p) => `收件文件夹中已有不是本工具写入的“${s(p.name)}”，未覆盖；${p.unit ?? '未识别单位'}的附件另存为“${s(p.saved)}”。请确认后删除其中一个。`,
      en: (p) =>
        `The inbox already holds "${s(p.name)}", not written by zmqd; it was left alone and ${p.unit ? `${p.unit}'s attachment` : 'the attachment of an unidentified unit'} saved as "${s(p.saved)}". Keep one of them.`,
    },
    example: { name: '大足区-2024年第三季度-附表1.xlsx', saved: '大足区-2024年第三季度-附表1-2.xlsx', unit: '大足区' },
  }),
});

/** What a non-standard subject lacks: the unit, the quarter, or both. */
function lacking(p: { unitBy: UnitSource; periodBy: string }, lacks: { unit: string; period: string }): string[] {
  return [p.unitBy !== 'subject' ? lacks.unit : '', p.periodBy !== 'subject' ? lacks.period : ''].filter(Boolean);
}

/** What gave the unit and the period the subject lacks. */
function inferredBy(p: { unitBy: UnitSource; periodBy: string }, L: { unitSource: Record<UnitSource, string>; periodSource: Record<'attachment' | 'date', string> }): string[] {
  return [p.unitBy !== 'subject' ? L.unitSource[p.unitBy] : '', p.periodBy !== 'subject' ? L.periodSource[p.periodBy === 'attachment' ? 'attachment' : 'date'] : ''].filter(
    Boolean,
  );
}
