/**
 * The self-check page's own words, part of the labels of `zh.ts` (its `report.page` and
 * `severity`), kept in a file of their own so that the page's main-thread bundle carries only
 * these and not every label (the page has a size budget); the worker bundles the whole module.
 */
export const zhSeverity = { error: '错误', warning: '警告', info: '提示' };

export const zhPage = {
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
};
