import { defineCodes, s } from '../define.js';

/**
 * `zmqd collect`: the mailbox's messages and the submissions tracker. `file` of these findings is the
 * message ("邮件 #UID 《subject》") or the saved attachment; the unit is in the message.
 */
export const collectCodes = defineCodes({
  'collect-missing': {
    severity: 'error',
    title: { zh: '未报送', en: 'Not submitted' },
    message: {
      zh: (p) => `${s(p.unit)}尚未报送${s(p.period)}附表1（落实监督执法正面清单工作情况汇总表）。截止日期 ${s(p.deadline)}。请联系该单位报送，邮件主题“${s(p.unit)}${s(p.quarter)}落实监督执法正面清单工作情况汇总表”。`,
      en: (p) => `${s(p.unit)} has not sent its Annex 1 for ${s(p.periodEn)}; the deadline is ${s(p.deadline)}. Ask the unit to send it with the standard subject.`,
    },
  },
  'collect-late': {
    severity: 'warning',
    title: { zh: '逾期报送', en: 'Submitted late' },
    message: {
      zh: (p) => `${s(p.unit)}的${s(p.what)}于 ${s(p.received)} 收到，晚于截止日期 ${s(p.deadline)}（逾期 ${s(p.days)} 天）。`,
      en: (p) => `${s(p.unit)}'s ${s(p.whatEn)} arrived on ${s(p.received)}, after the deadline ${s(p.deadline)} (${s(p.days)} days late).`,
    },
  },
  'collect-part-missing': {
    severity: 'warning',
    title: { zh: '报送材料不全', en: 'Submission incomplete' },
    message: {
      zh: (p) => `${s(p.unit)}已报送附表1，但未收到${s(p.what)}。按通知要求，每季度应随附表1一并报送亮点、成效稿件和典型案例各一篇。`,
      en: (p) => `${s(p.unit)} sent its Annex 1 but no ${s(p.whatEn)}; the notice asks for one article on highlights and results and one typical case with each quarterly report.`,
    },
  },
  'collect-unit-unknown': {
    severity: 'warning',
    title: { zh: '邮件的报送单位无法识别', en: 'Sender unit not recognised' },
    message: {
      zh: (p) => `邮件《${s(p.subject)}》（${s(p.from)}）的主题中“${s(p.value)}”不是名单内的报送单位${p.suggestion ? `（是否为“${s(p.suggestion)}”？）` : ''}，发件地址也未在配置的 senders 中对应到单位${p.fallback ? `；已按${s(p.fallback)}识别为${s(p.unit)}` : '；附件已另存，请人工确认是哪个单位的报送，并在配置文件 mailbox.senders 中登记该发件地址'}。`,
      en: (p) => `The subject of "${s(p.subject)}" (${s(p.from)}) names "${s(p.value)}", which is not a reporting unit${p.suggestion ? ` (did you mean ${s(p.suggestion)}?)` : ''}, and the sender address is not mapped in mailbox.senders${p.fallback ? `; taken as ${s(p.unit)} by ${s(p.fallbackEn)}` : '; the attachments were saved apart: decide whose submission it is and add the address to mailbox.senders'}.`,
    },
  },
  'collect-subject-nonstandard': {
    severity: 'info',
    title: { zh: '邮件主题不规范', en: 'Non-standard subject' },
    message: {
      zh: (p) => `邮件《${s(p.subject)}》的主题未写明${s(p.lacks)}；已按${s(p.by)}识别为${s(p.unit)}${s(p.period)}。请提醒该单位使用规定主题“xx区（县）x季度落实监督执法正面清单工作情况汇总表”。`,
      en: (p) => `The subject "${s(p.subject)}" does not name ${s(p.lacksEn)}; taken as ${s(p.unit)} ${s(p.periodEn)} by ${s(p.byEn)}. Remind the unit of the standard subject.`,
    },
  },
  'collect-unit-mismatch': {
    severity: 'warning',
    title: { zh: '报送单位不一致', en: 'Units disagree' },
    message: {
      zh: (p) => `邮件《${s(p.subject)}》按${s(p.by)}是${s(p.unit)}的报送，但${s(p.other)}为“${s(p.value)}”。已按${s(p.unit)}保存，请核实。`,
      en: (p) => `"${s(p.subject)}" is ${s(p.unit)}'s by ${s(p.byEn)}, but ${s(p.otherEn)} says "${s(p.value)}". Saved as ${s(p.unit)}; please check.`,
    },
  },
  'collect-period-mismatch': {
    severity: 'warning',
    title: { zh: '附件期别与主题不一致', en: 'Attachment period differs from the subject' },
    message: {
      zh: (p) => `邮件《${s(p.subject)}》的主题为${s(p.period)}，附件“${s(p.name)}”的名称却写的是${s(p.other)}。已按主题保存，请核实附件是否发错。`,
      en: (p) => `"${s(p.subject)}" is for ${s(p.periodEn)}, but the attachment "${s(p.name)}" names ${s(p.otherEn)}. Saved by the subject; check the attachment.`,
    },
  },
  'collect-superseded': {
    severity: 'info',
    title: { zh: '重新报送，旧版已替代', en: 'Resubmitted; the earlier one superseded' },
    message: {
      zh: (p) => `${s(p.unit)}于 ${s(p.received)} 重新报送了${s(p.what)}，替代 ${s(p.earlier)} 收到的版本；旧版保留在 ${s(p.kept)}。`,
      en: (p) => `${s(p.unit)} resent its ${s(p.whatEn)} on ${s(p.received)}, superseding the one received on ${s(p.earlier)}; the earlier one is kept as ${s(p.kept)}.`,
    },
  },
  'collect-mime-corrupt': {
    severity: 'error',
    title: { zh: '邮件结构损坏', en: 'Corrupt message structure' },
    message: {
      zh: (p) => `邮件《${s(p.subject)}》（${s(p.from)}）的结构已损坏（${s(p.reason)}），附件可能不完整，未保存。请让该单位重新发送。`,
      en: (p) => `The message "${s(p.subject)}" (${s(p.from)}) is corrupt (${s(p.reasonEn)}); its attachments may be incomplete and were not saved. Ask the unit to send it again.`,
    },
  },
  'collect-not-workbook': {
    severity: 'error',
    title: { zh: '附件不是 Excel 工作簿', en: 'Attachment is not a workbook' },
    message: {
      zh: (p) => `邮件《${s(p.subject)}》的附件“${s(p.name)}”${s(p.reason)}，未保存为报表。请让该单位把附表以 .xlsx 格式重新发送。`,
      en: (p) => `The attachment "${s(p.name)}" of "${s(p.subject)}": ${s(p.reasonEn)}; not saved as a report. Ask the unit to resend the annex as .xlsx.`,
    },
  },
  'collect-attachment-too-large': {
    severity: 'error',
    title: { zh: '附件过大', en: 'Attachment too large' },
    message: {
      zh: (p) => `邮件《${s(p.subject)}》的附件“${s(p.name)}”约 ${s(p.size)}，超过上限 ${s(p.limit)}，未下载。附表通常不足 1 MB，请让该单位检查文件后重新发送。`,
      en: (p) => `The attachment "${s(p.name)}" of "${s(p.subject)}" is about ${s(p.size)}, above the ${s(p.limit)} limit; not downloaded. Annexes are usually under 1 MB: ask the unit to check the file and resend it.`,
    },
  },
  'collect-archive-refused': {
    severity: 'error',
    title: { zh: '压缩包无法解开', en: 'Archive not unpacked' },
    message: {
      zh: (p) => `邮件《${s(p.subject)}》的压缩包“${s(p.name)}”未解开：${s(p.reason)}。请让该单位直接发送 .xlsx 附件。`,
      en: (p) => `The archive "${s(p.name)}" of "${s(p.subject)}" was not unpacked: ${s(p.reasonEn)}. Ask the unit to attach the .xlsx files directly.`,
    },
  },
  'collect-winmail-dat': {
    severity: 'error',
    title: { zh: 'Outlook winmail.dat 附件', en: 'Outlook winmail.dat attachment' },
    message: {
      zh: (p) => `邮件《${s(p.subject)}》（${s(p.from)}）的附件被 Outlook 打包成了 winmail.dat（RTF 格式邮件），无法取出其中的文件。请让发件人把邮件格式改为 HTML 或纯文本后重新发送。`,
      en: (p) => `The attachments of "${s(p.subject)}" (${s(p.from)}) were packed by Outlook into winmail.dat (a rich-text message) and cannot be taken out. Ask the sender to switch the message format to HTML or plain text and resend.`,
    },
  },
  'collect-attachment-ignored': {
    severity: 'info',
    title: { zh: '附件未保存', en: 'Attachment not saved' },
    message: {
      zh: (p) => `邮件《${s(p.subject)}》的附件“${s(p.name)}”既不是附表，也不是稿件或案例（${s(p.type)}），未保存。`,
      en: (p) => `The attachment "${s(p.name)}" of "${s(p.subject)}" is neither an annex nor an article or case (${s(p.type)}); not saved.`,
    },
  },
  'collect-file-exists': {
    severity: 'warning',
    title: { zh: '同名文件已存在', en: 'A file of that name exists' },
    message: {
      zh: (p) => `收件文件夹中已有不是本工具写入的“${s(p.name)}”，未覆盖；${s(p.unit)}的附件另存为“${s(p.saved)}”。请确认后删除其中一个。`,
      en: (p) => `The inbox already holds "${s(p.name)}", not written by zmqd; it was left alone and ${s(p.unit)}'s attachment saved as "${s(p.saved)}". Keep one of them.`,
    },
  },
});
