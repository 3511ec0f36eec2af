import { periodLabelZh } from '../roster/period.js';

/**
 * Every label and phrase zmqd shows in Chinese, outside the finding catalogue's own templates:
 * severities, kinds of data, reasons a value was refused, headings of the text reports. The
 * English module (`en.ts`) has the same shape (`Labels`), so a label missing in English fails
 * to compile instead of showing Chinese.
 *
 * Add a label: here, under its section, then in `en.ts`. Each section is owned by the part of
 * the code that uses it; keep sections apart so that they can grow independently.
 */
export const zh = {
  /** a finding's severity, the same word everywhere (terminal, workbooks, page) */
  severity: { error: '错误', warning: '警告', info: '提示' },

  // ── section: files and workbooks (file-* codes, the reader) ──
  file: {},

  // ── section: reporting units and periods (district-*, roster) ──
  unit: {},

  // ── section: cell values, dates, numbers, identifiers (annex2-/annex1- codes, rules) ──
  value: {},

  // ── section: aggregation and cross-checks (aggregate-*, report-*) ──
  aggregate: {},

  // ── section: data files and eligibility (data-*, check codes) ──
  check: {},

  // ── section: mailbox collection (collect-*) ──
  collect: {},

  // ── section: text reports, workbooks and the page (reporters, writers, page) ──
  report: {
    /** a reporting period as words (2024年第三季度, 2024 Q3) */
    period: periodLabelZh,
    /** between the items of a list in running text */
    listSep: '、',
    /** a finding's row when it has no cell */
    row: (n: number) => `第${n}行`,
    /** errors and warnings of a file or a run */
    errorsWarnings: (e: number, w: number) => `${e} 个错误，${w} 个警告`,
    /** the last line of validate and aggregate */
    filesSummary: (files: number, e: number, w: number) => `共 ${files} 个文件：${e} 个错误，${w} 个警告。`,
    /** kind of workbook, as the terminal and the page name it */
    kind: { annex1: '附表1', annex2: '附表2' },
    unit: '单位',
    /** the roman numerals of the five criteria (一 … 五) */
    criterion: ['', '一', '二', '三', '四', '五'],

    validateText: {
      title: (asOf: string) => `zmqd 校验 · 判断日期 ${asOf}`,
      unrecognised: '未识别',
      enterprises: (n: number) => `${n} 家企业`,
      dataRows: (n: number) => `${n} 行数据`,
      noProblems: '没有问题',
    },

    aggregateText: {
      /** the key figures' column headings */
      columns: { listed: '清单企业', onsite: '现场执法', offsite: '非现场', penalty: '立案处罚', relief: '减免处罚', service: '服务企业' },
      status: { missing: '未报送', unreadable: '数字无法读取，未计入', duplicate: '重复报送，未计入' } as Record<string, string>,
      periodFrom: { option: '由 --period 指定', files: '据文件名和填报时间推断', assumed: '假定' },
      title: (period: string, how: string, roster: number, reported: number) => `zmqd 汇总 · ${period}（${how}）· ${roster} 个报送单位，${reported} 个计入`,
      previous: (period: string, restart: boolean) => `上期：${period}（本期新增 = 本期累计 − 上期累计${restart ? '；跨年度，累计数重新起算' : ''}）`,
      total: '合计',
      thisPeriod: '其中本期新增',
      missing: (n: number, list: string) => `未报送（${n}）：${list}`,
      unreadable: (n: number, list: string) => `数字无法读取、未计入合计（${n}）：${list}`,
      duplicate: (n: number, list: string) => `重复报送、未计入合计（${n}）：${list}`,
      previousMissing: (n: number, list: string) => `缺少上期数据、不含在本期新增中（${n}）：${list}`,
      allCounted: (roster: number) => `${roster} 个单位均已报送并计入。`,
      findings: '问题：',
      overall: '（整体）',
      foot: '注：“非现场”“减免处罚”“服务企业”为各分项之和；全部 14 项数字及各单位本期新增见 --out 工作簿或 --format json。',
    },

    checkText: {
      title: (asOf: string) => `zmqd 核查 · 判断日期 ${asOf}`,
      verdict: (v: boolean | null): string => (v === true ? '符合' : v === false ? '不符合' : '无法判断'),
      facts: (declared: string, includedOn: string | null, validUntil: string | null) => [`纳入情形 ${declared || '未填'}`, `纳入 ${includedOn ?? '未填'}`, `有效期至 ${validUntil ?? '—'}`],
      meets: (criteria: string) => `列入期间符合情形 ${criteria}`,
      verdicts: (whileListed: string, atInclusion: string | null) => `判断：列入期间${whileListed}，纳入时${atInclusion ?? '无法判断（无纳入日期）'}`,
      dataFile: (label: string, file: string, encoding: string | null, rows: number, invalid: number) => `${label}：${file}（${encoding ? `${encoding}，` : ''}${rows} 行可用${invalid ? `，${invalid} 行无法使用` : ''}）`,
      noMonitoring: '在线监控：未提供（在线监控条件记为无法判断）',
      stableRate: (pct: number) => `稳定达标阈值：达标率 ${pct}%（仅用于没有“稳定达标”的记录；--stable-rate）`,
      quietUnit: (unit: string, n: number) => `${unit}（${n} 家）`,
      unitCounts: (n: number) => `${n} 家：`,
      actionHeading: (action: string, n: number) => `  ${action}（${n}）`,
      quiet: (n: number, units: string) => `无需处理的区县（${n} 个，全部企业符合条件）：${units}`,
      okNotListed: (n: number) => `符合条件、无需处理的 ${n} 家企业未逐一列出（--all 列出全部）。`,
      noEntries: '没有读到任何附表2清单企业。',
      otherFindings: '其他问题（数据文件、无法读取的清单）',
      summary: (s: { entries: number; eligible: number; ineligible: number; unverifiable: number; expired: number; expiring: number; mustRemove: number; neverAgain: number; objectionUpheld: number }, e: number, w: number) =>
        `共 ${s.entries} 家企业（列入期间）：符合 ${s.eligible}，不符合 ${s.ineligible}，无法判断 ${s.unverifiable}；已过期 ${s.expired}，即将到期 ${s.expiring}；按三(九)须移出 ${s.mustRemove}，不得再纳入 ${s.neverAgain}${s.objectionUpheld ? `，异议属实 ${s.objectionUpheld}` : ''}。${e} 个错误，${w} 个警告。`,
    },

    collectText: {
      title: (period: string, deadline: string, mailbox: string) => `zmqd 收取 · ${period} · 截止 ${deadline} · ${mailbox}`,
      fetched: (now: number, all: number) => `本次新收取 ${now} 封；本期邮件共 ${all} 封`,
      late: '逾期',
      resent: (n: number) => ` 重报${n}`,
      head: ['单位', '附表1', '附表2', '稿件', '案例'],
      summaryColumn: '年度总结',
      tally: (submitted: number, all: number, late: number, missing: string[]) => `已报送 ${submitted}/${all}，逾期 ${late}，未报送 ${missing.length}${missing.length ? `：${missing.join('、')}` : ''}`,
      unassigned: (n: number) => `未识别单位的邮件 ${n} 封（附件以“未识别单位-”开头保存）`,
      findings: '问题',
      total: (e: number, w: number, out: string) => `合计 ${e} 个错误，${w} 个警告。收件文件夹：${out}`,
    },

    /** the workbook of `zmqd check --out` */
    checkWorkbook: {
      action: '需处理', results: '核查结果', summary: '汇总', other: '其他问题',
      headers: ['区县', '文件', '行', '企业名称', '统一社会信用代码', '纳入日期', '有效期至', '有效期', '纳入情形', '列入期间符合情形', '纳入时符合情形', '列入期间可否保留', '依据（列入期间）', '纳入时是否符合', '依据（纳入时）', '不得再纳入', '应移出', '处理', '其他理由', '其他问题'],
      actionHeaders: ['处理', '行', '企业名称', '统一社会信用代码', '纳入情形', '纳入日期', '有效期至', '列入期间可否保留（及依据）', '纳入时是否符合（及依据）', '其他理由与问题'],
      validity: { valid: '有效', expiring: '即将到期', expired: '已过期', unknown: '无法判断' } as Record<string, string>,
      verdict: (v: boolean | null): string => (v === true ? '符合' : v === false ? '不符合' : '无法判断'),
      noDate: '无纳入日期，无法判断',
      yes: '是', no: '否', none: '—',
      /** the rows of the summary sheet, in order */
      summaryRows: {
        asOf: '判断日期', entries: '清单企业', action: '需处理',
        eligible: '列入期间符合条件', ineligible: '列入期间不符合条件', unverifiable: '无法判断',
        ineligibleAtInclusion: '纳入时不符合条件',
        expired: '已过期', expiring: '即将到期',
        mustRemove: '应移出（三(九)）', neverAgain: '不得再纳入（恶意违法，三(四)）', objectionUpheld: '异议复核属实（三(三)）',
        stableRate: '稳定达标阈值（无“稳定达标”列时的达标率）', errors: '错误', warnings: '警告',
      },
      dataHeaders: ['数据', '文件', '格式', '编码', '可用行数', '无法使用的行'],
      otherHeaders: ['文件', '工作表', '单元格', '行', '严重程度', '代码', '说明'],
      title: (d: string) => `正面清单企业核查结果（判断日期 ${d}）`,
      actionTitle: (d: string, n: number, all: number) => `需要处理的清单企业（判断日期 ${d}）：${n} 家，共 ${all} 家`,
      districtLine: (unit: string, files: string, n: number, all: number) => `${unit}　需处理 ${n} 家，清单共 ${all} 家　${files}`,
      nothing: '没有需要处理的清单企业。',
      files: (n: number, list: string) => `（同类 ${n} 个文件：${list}）`,
      nFiles: (n: number) => `${n} 个文件`,
      /** after the first twelve files of a list */
      more: ' 等',
    },

    /** the findings workbook of validate (and the page) */
    findingsWorkbook: {
      title: '正面清单附表校验问题清单',
      asOf: '判定日期：',
      counts: (f: number, e: number, w: number, i: number) => `文件 ${f} 个；错误 ${e} 条，警告 ${w} 条，提示 ${i} 条`,
      summary: '汇总',
      findings: '问题',
      byCode: '问题分类',
      summaryHeaders: ['文件', '类型', '单位', '行数', '错误', '警告'],
      findingHeaders: ['文件', '工作表', '单元格', '行', '列', '严重程度', '代码', '问题说明', '值', '应为'],
      codeHeaders: ['代码', '问题类型', '严重程度', '条数'],
      total: '合计',
      none: '未发现问题。',
      kind: { annex1: '附表1', annex2: '附表2', null: '未识别' } as Record<string, string>,
    },

    /** the findings workbook of `zmqd report` */
    reportWorkbook: {
      title: (p: string) => `${p}正面清单报送情况与问题汇总`,
      sub: (a: string) => `判定日期：${a}。各单位的错误、警告数含校验、汇总、资格核查和交叉核对的全部问题（同一问题只计一次），与该单位工作表逐条对应。`,
      unitTitle: (u: string, p: string) => `${u}正面清单报送问题清单（${p}）`,
      unitCounts: (a: string, e: number, w: number, i: number) => `判定日期：${a}；错误 ${e} 条，警告 ${w} 条${i ? `，提示 ${i} 条` : ''}。错误须更正后重新报送；警告请核实，确认无误的可保留。`,
      unitFiles: (f: string[]) => `来源文件：${f.join('；')}`,
      otherTitle: (p: string) => `不属于任何区县的问题（${p}）`,
      otherSub: (a: string) => `判定日期：${a}；执法数据文件及无法确定所属单位的文件中的问题。`,
      summary: '汇总',
      other: '其他问题',
      unknown: '（未识别单位）',
      headers: ['序号', '报送单位', '附表1', '附表2', '校验结果', '错误', '警告', '清单企业数', '已过期'],
      yes: '已报送',
      no: '未报送',
      ok: '通过',
      bad: '有错误',
      none: '—',
    },

    /** the 报送情况 sheet of the report workbook */
    submissionsSheet: {
      sheet: '报送情况',
      title: (p: string, d: string) => `${p}报送情况（截止日期 ${d}）`,
      headers: ['序号', '报送单位', '附表1收到时间', '状态', '附表2', '亮点成效稿件', '典型案例', '重新报送', '公示链接'],
      annual: ['年度附表1', '年度工作总结'],
      onTime: '按时',
      late: '逾期',
      missing: '未报送',
      none: '—',
    },

    /** the self-check page */
    page: {
      title: '正面清单附表自查',
      offline: '本页面完全离线运行：文件只在本机浏览器中检查，不会上传到任何地方。检查规则与市局使用的 zmqd validate 完全相同。',
      switchLang: 'English',
      asOf: '判定日期（判断有效期）',
      district: '本单位（报送单位）',
      anyUnit: '（不指定）',
      former: '已并入两江新区（仅用于上季度报送）',
      drop: '把附表1、附表2 文件拖到这里，或按此处选择文件',
      dropHint: '可一次选择多个 .xlsx 文件；旧版 .xls/.et 请先在 Excel/WPS 中另存为 .xlsx',
      chosen: '待校验文件：',
      clear: '清空',
      working: (i: number, n: number, name: string) => `正在校验第 ${i} 个文件（共 ${n} 个）：${name}`,
      elapsed: (s: number) => `已用 ${s} 秒`,
      failed: (m: string) => `校验时出现内部错误，请把以下信息发给市局：${m}`,
      noWorker: '此浏览器不允许本页面启动后台校验（Web Worker），请用最新版 Chrome、Edge、Firefox、360 或 QQ 浏览器打开。',
      report: '下载问题清单（Excel）',
      /** the name of the downloaded findings workbook */
      reportFile: '问题清单.xlsx',
      template1: '下载空白模板：附表1',
      template2: '下载空白模板：附表2',
      sumBad: (e: number, w: number) => `有 ${e} 个错误${w ? `、${w} 个警告` : ''}：请按下列说明修改后重新校验。`,
      sumWarn: (w: number) => `没有错误，有 ${w} 个警告：请逐条核实，确认无误的可以保留。`,
      sumGood: '没有发现问题，可以报送。',
      sumFiles: (n: number, ms: number) => `共 ${n} 个文件，用时 ${(ms / 1000).toFixed(1)} 秒；判定日期 `,
      kind: { annex1: '附表1', annex2: '附表2', null: '未识别的表格' } as Record<string, string>,
      rows: (k: string | null, n: number) => (k === 'annex2' ? `${n} 家企业` : k === 'annex1' ? `${n} 行` : ''),
      counts: (e: number, w: number) => (e || w ? `${e} 个错误，${w} 个警告` : '没有问题'),
      thSev: '严重程度',
      thCell: '单元格',
      thMsg: '问题与处理方法',
      wholeFile: '整个文件',
      showCell: (c: string) => `在预览中查看 ${c}`,
      more: (n: number) => `另有 ${n} 条问题未在此列出，请下载问题清单查看全部。`,
      preview: (sheet: string) => `工作表预览：${sheet}`,
      rowsOf: (a: number, b: number, n: number) => `第 ${a}–${b} 条数据（共 ${n} 条）`,
      prev: '上一页',
      next: '下一页',
      row: '行',
      legend: { error: '有错误', warning: '有警告' },
      footer: (version: string) => `重庆市生态环境监督执法正面清单（渝环规〔2021〕5号）附表自查页 · zmqd ${version}`,
    },

    /** what the commands say on stderr while they work */
    cli: {
      rowsRead: (n: number) => `已读 ${n.toLocaleString('en-US')} 行`,
      validating: '校验',
      checking: '核查',
      readingCurrent: '读取本期',
      readingPrevious: '读取上期',
      findingsWritten: (out: string) => `问题清单已写入 ${out}`,
      verdictsWritten: (out: string) => `核查结果已写入 ${out}`,
      aggregateWritten: (period: string, out: string) => `${period} 全市汇总表已写入 ${out}`,
      connecting: (mailbox: string, folder: string) => `连接邮箱 ${mailbox}（${folder}，只读）`,
      mailboxChanged: '邮箱的 UIDVALIDITY 或账户已变，重新收取全部邮件',
      newMessages: (n: number, known: number) => `新邮件 ${n} 封（已收取过的 ${known} 封不再下载）`,
      fetchedBeforeFailure: (n: number) => `已收取 ${n} 封并记录；再次运行将从中断处继续。`,
      inbox: (out: string, file: string) => `收件文件夹：${out}（${file}）`,
    },
  },
};

/** The shape both languages have. */
export type Labels = typeof zh;
