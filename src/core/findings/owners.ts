/**
 * Who reports each finding code: every rule and every other step that makes findings, with the
 * codes it declares (a rule's `codes`, a module's `emits`), in one list. Every code of the catalogue
 * has exactly one owner — the place that decides when it is reported, and where to go to change
 * that. A few codes are also reported elsewhere, each for a stated reason (SHARED below).
 * test/findings/owners.test.ts holds all of this against the catalogue and against the sources;
 * `npm run docs` lists it in docs/reference.md.
 *
 * To add a code: declare it in a catalogue file (catalogue/*.ts), add it to the `codes` of the rule
 * or the `emits` of the module that reports it, and make a test produce it (the test run fails
 * naming any catalogue code no test produced).
 */
import type { FindingCode } from './catalogue/index.js';
import { annex1Rules } from '../rules/annex1/index.js';
import { annex2Rules } from '../rules/annex2/index.js';
import { unitCodes } from '../rules/common/unit.js';
import { emits as openCodes } from '../workbook/open.js';
import { emits as inputCodes } from '../validate/input.js';
import { emits as validateCodes } from '../validate/validate.js';
import { emits as detectCodes } from '../reader/detect.js';
import { emits as aggregateCodes } from '../aggregate/aggregate.js';
import { emits as sumCodes } from '../aggregate/sum.js';
import { emits as eligibilityCodes } from '../eligibility/index.js';
import { emits as checkCodes } from '../check/check.js';
import { emits as crosscheckCodes } from '../report/crosscheck.js';
import { emits as dataCodes } from '../data/read.js';
import { emits as processCodes } from '../collect/process.js';
import { emits as trackerCodes } from '../collect/tracker.js';
import { emits as capCodes } from './cap.js';

export interface Owner {
  /** a rule (`annex2/uscc`), or the module that reports, under src/ (`core/workbook/open.ts`) */
  name: string;
  kind: 'rule' | 'step';
  /** what it holds a file to, or what it does */
  description: string;
  /** every code it may report */
  codes: readonly FindingCode[];
}

const step = (name: string, description: string, codes: readonly FindingCode[]): Owner => ({ name, kind: 'step', description, codes });

/** Every place that reports findings, rules first, in the order a file meets them. */
export const OWNERS: readonly Owner[] = [
  step('core/validate/input.ts', '文件大小在读取前检查', inputCodes),
  step('core/workbook/open.ts', '打开工作簿：格式、加密、压缩包安全、单元格重复与超长', openCodes),
  step('core/reader/detect.ts', '按表头识别附表1、附表2所在的工作表', detectCodes),
  step('core/rules/common/unit.ts', '报送单位：表内“地市”、“填报单位”、文件名与 --district 须为名单中的同一单位', unitCodes),
  ...annex2Rules.map((r): Owner => ({ name: `annex2/${r.id}`, kind: 'rule', description: r.description, codes: r.codes })),
  ...annex1Rules.map((r): Owner => ({ name: `annex1/${r.id}`, kind: 'rule', description: r.description, codes: r.codes })),
  step('core/validate/validate.ts', '校验中的内部错误作为该文件的问题报告', validateCodes),
  step('core/findings/cap.ts', '同一文件同一代码超过上限的问题只计数', capCodes),
  step('core/aggregate/aggregate.ts', '汇总：报送期、各单位的数据来源、与上期比较', aggregateCodes),
  step('core/aggregate/sum.ts', '汇总：同一单位的重复报送', sumCodes),
  step('core/data/read.ts', '读取执法检查、信用评价等数据文件', dataCodes),
  step('core/eligibility/index.ts', '资格核查：纳入条件、不得纳入情形、帮扶回访', eligibilityCodes),
  step('core/check/check.ts', '资格核查：跳过的文件、跨区县重复企业', checkCodes),
  step('core/report/crosscheck.ts', '季度报告：附表1现场检查次数与执法数据核对', crosscheckCodes),
  step('core/collect/process.ts', '收件：邮件、附件与压缩包', processCodes),
  step('core/collect/tracker.ts', '收件：各单位报送情况、迟报、缺报', trackerCodes),
  // the CLI's and the page's own, declared here (src/core does not import them; the test holds them to their sources)
  step('cli/inputs.ts', '命令行校验：无法读取的文件、经 LibreOffice 转换的旧格式', ['file-legacy-format', 'file-unreadable']),
  step('cli/collect/run.ts', '收件：不覆盖已存在的文件', ['collect-file-exists']),
  step('cli/commands/template.ts', '生成模板：已合并单位的说明', ['district-unknown']),
  step('page/engine.ts', '自查网页：无法打开的文件', ['file-unreadable']),
];

const SAME_HELPERS = 'each 地市 of a several-unit Annex 1 table (annex1/units) and the unit of a file being summed (aggregate) are resolved with the same helpers';

/**
 * Codes reported by more than their owner: the owner, and why the others report it too. A code
 * reported by several places and not listed here fails the test — say who owns it.
 */
export const SHARED: Partial<Record<FindingCode, { owner: string; why: string }>> = {
  'file-unreadable': { owner: 'core/workbook/open.ts', why: 'a file that cannot be read at all (validate), an internal error (validate.ts), a file the page cannot open' },
  'file-too-large': { owner: 'core/workbook/open.ts', why: 'the size is checked before the bytes are read (input.ts)' },
  'file-legacy-format': { owner: 'core/workbook/open.ts', why: 'the CLI converts a legacy file with LibreOffice and reports it as a warning' },
  'sheet-hidden-data': { owner: 'annex2/hidden-rows', why: 'hidden rows of Annex 1, and a hidden sheet holding the annex (detect.ts)' },
  'header-missing-column': { owner: 'annex2/header', why: 'the same check of Annex 1' },
  'required-missing': { owner: 'annex2/required', why: 'a blank 地市 of an Annex 1 row' },
  'district-duplicate': { owner: 'core/aggregate/sum.ts', why: 'one unit on two rows of one Annex 1 table (annex1/units)' },
  'district-unknown': { owner: 'core/rules/common/unit.ts', why: `${SAME_HELPERS}; the template phrases its note on a merged unit with this code's message` },
  'district-placeholder': { owner: 'core/rules/common/unit.ts', why: SAME_HELPERS },
  'district-mismatch': { owner: 'core/rules/common/unit.ts', why: SAME_HELPERS },
  'uscc-duplicate-across-districts': { owner: 'core/check/check.ts', why: 'the quarterly report finds it from the lists alone, without enforcement data (crosscheck.ts)' },
};

/** The owner of a code: the one place that decides when it is reported. */
export function ownerOf(code: FindingCode): Owner | undefined {
  const shared = SHARED[code];
  if (shared) return OWNERS.find((o) => o.name === shared.owner);
  return OWNERS.find((o) => o.codes.includes(code));
}
