import { Command, CommanderError, Option } from 'commander';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemFailure, UsageError } from './io.js';
import { terminalSafe } from '../reporters/safe.js';
// Types only (erased from the output): each command's module is still loaded lazily in its action.
// Commander hands an action its options untyped; the parameter's type says what the options declared
// with that command give.
import type { ValidateCliOptions } from './inputs.js';
import type { AggregateCliOptions } from './commands/aggregate.js';
import type { CheckCliOptions } from './enforcement-data.js';
import type { ReportCliOptions } from './report/run.js';
import type { CollectCliOptions } from './collect/run.js';
import type { TemplateCliOptions } from './commands/template.js';

/**
 * The zmqd command line. Heavy modules (exceljs, the rules) are imported lazily inside each action,
 * so `zmqd --help` and `--version` start fast.
 */
export async function main(argv: string[]): Promise<void> {
  // a defect anywhere, even in a callback outside the command's promise, ends as one clean message
  process.on('uncaughtException', (err) => crash(err));
  process.on('unhandledRejection', (err) => crash(err));
  noColour(argv, process.env);
  await recordCodes(process.env.ZMQD_RECORD_CODES);
  const program = buildProgram();
  try {
    injectBug();
    await program.parseAsync(argv);
  } catch (err) {
    process.exitCode = exitCodeFor(err, englishOnly(argv));
  }
}

/**
 * For the test run only: with ZMQD_RECORD_CODES=<folder>, the codes of the findings this process made
 * are written to a file in that folder when it exits, so the tests can tell which codes no test
 * produces (test/helpers/produced.ts). Unset, it does nothing.
 */
async function recordCodes(dir: string | undefined): Promise<void> {
  if (!dir) return;
  const { setFindingSink } = await import('../core/findings/make.js');
  const codes = new Set<string>();
  setFindingSink((code) => codes.add(code));
  process.on('exit', () => {
    if (!codes.size) return;
    try {
      writeFileSync(join(dir, `cli-${process.pid}-${Date.now()}.json`), JSON.stringify([...codes]));
    } catch {
      // a record is no reason to fail the command
    }
  });
}

/**
 * For the robustness tests only: ZMQD_INJECT_BUG=sync|async raises an exception nobody catches, the way a
 * defect would, to prove what the user then sees (test/robust/hostile.test.ts). Unset, it does nothing.
 */
function injectBug(): void {
  const mode = process.env.ZMQD_INJECT_BUG;
  if (mode === 'sync') throw new TypeError('injected defect (ZMQD_INJECT_BUG=sync)');
  if (mode === 'async')
    setTimeout(() => {
      throw new TypeError('injected defect (ZMQD_INJECT_BUG=async)');
    }, 0);
}

/** Exit code for an internal error (a defect of zmqd): EX_SOFTWARE. Documented in docs/robustness.md. */
export const EXIT_BUG = 70;

/** `--lang en` on the command line: a usage error's English line alone (they are written Chinese line, English line). */
function englishOnly(argv: string[]): boolean {
  const i = argv.indexOf('--lang');
  return (i >= 0 && argv[i + 1] === 'en') || argv.includes('--lang=en');
}

function inLanguage(message: string, en: boolean): string {
  const lines = message.split('\n');
  return en && lines.length === 2 && /[\u4e00-\u9fff]/.test(lines[0]!) && /^[\x20-\x7e]/.test(lines[1]!) ? lines[1]! : message;
}

function exitCodeFor(err: unknown, en = false): number {
  if (err instanceof CommanderError) {
    // help and version end with code 0; everything else commander rejects is a usage error
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
    return 2;
  }
  const usage = err instanceof UsageError ? err : systemFailure(err);
  if (usage) {
    process.stderr.write(`zmqd: ${terminalSafe(inLanguage(usage.message, en))}\n`);
    return 2;
  }
  reportBug(err);
  return EXIT_BUG;
}

let crashed = false;
function crash(err: unknown): void {
  if (crashed) return;
  crashed = true;
  const usage = systemFailure(err);
  if (usage) {
    process.stderr.write(`zmqd: ${terminalSafe(usage.message)}\n`);
    process.exit(2);
  }
  reportBug(err);
  process.exit(EXIT_BUG);
}

/**
 * A defect of zmqd reached the top: one short message on stderr saying so and where the details are
 * (the stack trace goes to a log file under the OS temp folder, never to the terminal or stdout).
 */
function reportBug(err: unknown): void {
  const first = terminalSafe((err instanceof Error ? err.message : String(err)).split('\n')[0]!.slice(0, 200));
  const log = writeCrashLog(err);
  const where = log ? `详细信息已写入 ${log}` : '详细信息无法写入日志文件';
  const whereEn = log ? `the details are in ${log}` : 'the details could not be written to a log file';
  process.stderr.write(
    `zmqd: 内部错误：${first}\n这是 zmqd 的缺陷，不是您的文件的问题。${where}，请把该文件发给维护人员。\n` +
      `zmqd: internal error: ${first}\nThis is a bug in zmqd, not a problem with your files; ${whereEn} — please send it to the maintainers.\n`,
  );
}

function writeCrashLog(err: unknown): string | null {
  try {
    const file = join(tmpdir(), `zmqd-crash-${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}.log`);
    const stack = err instanceof Error ? (err.stack ?? err.message) : String(err);
    writeFileSync(file, `zmqd ${VERSION}, node ${process.version}, ${process.platform}\nargv: ${JSON.stringify(process.argv.slice(2))}\n\n${stack}\n`, { mode: 0o600 });
    return file;
  } catch {
    return null;
  }
}

/** The version in package.json (dist/src/cli/main.js → the package's root), read once: one place for it. */
const VERSION = ((): string => {
  try {
    return (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
})();

/**
 * NO_COLOR (any value, https://no-color.org) and --no-color turn colour off even on a terminal. chalk
 * honours --no-color but not NO_COLOR; FORCE_COLOR=0, set before any reporter loads chalk, is what
 * its colour detection obeys in both cases.
 */
function noColour(argv: string[], env: NodeJS.ProcessEnv): void {
  if ('NO_COLOR' in env || argv.includes('--no-color')) env.FORCE_COLOR = '0';
}

/** commander's usage errors are English; put the Chinese first for the clerk. */
function inChinese(s: string): string {
  const m = (re: RegExp) => re.exec(s)?.[1];
  let zh: string | undefined;
  if (s.includes('unknown option')) zh = `未知的选项 ${m(/'([^']+)'/) ?? ''}`;
  else if (s.includes('unknown command')) zh = `未知的命令 ${m(/'([^']+)'/) ?? ''}（可用：validate、aggregate、check、report、collect、template、doctor、page）`;
  else if (s.includes('missing required argument')) zh = `缺少参数 ${m(/'([^']+)'/) ?? ''}`;
  else if (s.includes('argument missing')) zh = `选项 ${m(/'([^']+)'/) ?? ''} 缺少取值`;
  else if (s.includes('too many arguments')) zh = '参数过多';
  return zh ? `zmqd: ${zh}\n` : '';
}

function addCommon(cmd: Command, formats = 'text | json'): Command {
  return cmd
    .addOption(new Option('--format <format>', `输出格式 output format: ${formats}（默认 text）`))
    .addOption(new Option('--lang <lang>', '消息语言 message language: zh | en（默认 zh）'))
    .option('--quiet', '不显示进度和日志 no progress or log on stderr')
    .option('--no-color', '不用颜色（也可设环境变量 NO_COLOR）no colour (or set NO_COLOR)');
}

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('zmqd')
    .description('重庆市生态环境监督执法正面清单：附表校验、汇总与资格核查\nChongqing positive-list annexes: validate, aggregate, check eligibility')
    .version(VERSION, '-V, --version', '显示版本 show the version')
    .helpOption('-h, --help', '显示帮助 show help')
    .exitOverride()
    .showHelpAfterError('（用 zmqd --help 查看用法 / see zmqd --help）')
    .configureOutput({ writeErr: (s) => process.stderr.write(s), outputError: (s, write) => write(inChinese(s) + s) });

  addCommon(
    program
      .command('validate')
      .description('校验附表1/附表2（报送前由区县运行，收到后由市局运行）\nvalidate Annex 1 / Annex 2 workbooks')
      .argument('<path...>', '文件或文件夹 files or folders')
      .option('--as-of <date>', '判断有效期的日期 YYYY-MM-DD（默认今天，北京时间）')
      .option('--district <name>', '应为哪个区县的报送 the expected reporting unit')
      .option('--max-findings <n>', '每个文件每种问题最多列出几条（默认 1000，其余只计数）at most N findings of one code per file')
      .option('--strict', '有警告也以 1 退出 exit 1 on warnings too')
      .option('--allow-uscc <file>', '校验位不符但允许的信用代码名单（每行一个）allow-list of USCCs')
      .option('--report <file.xlsx>', '把问题写入 Excel 工作簿 write the findings as a workbook')
      .option('--force', '覆盖已存在的、不是 zmqd 写出的输出文件 replace an existing output file zmqd did not write')
      .option('--expiring-days <n>', '提前多少天提示即将到期（默认 90）', '90')
      .option('--cutover <date>', '39 个报送单位名单的启用日期（默认 2025-10-01）roster cut-over date')
      .exitOverride(),
  ).action(async (paths: string[], opts: ValidateCliOptions) => {
    const { runValidate } = await import('./commands/validate.js');
    process.exitCode = await runValidate(paths, opts);
  });

  addCommon(
    program
      .command('aggregate')
      .description("汇总各区县附表1为全市季度/年度数据\naggregate the districts' Annex 1 into city-wide totals")
      .argument('<path...>', "本期各区县附表1（文件或文件夹）this period's submissions")
      .option('--period <period>', '汇总期：2021Q3（季度）或 2021（年度）；默认从文件推断')
      .option('--previous <path...>', "上期报送（用于计算本季度新增和累计数不减检查）previous period's submissions")
      .option('--out <file.xlsx>', '写出全市汇总表 write the city-wide Annex 1 workbook')
      .option('--force', '覆盖已存在的、不是 zmqd 写出的输出文件 replace an existing output file zmqd did not write')
      .option('--as-of <date>', '判断日期 YYYY-MM-DD（默认今天，北京时间）')
      .option('--cutover <date>', '39 个报送单位名单的启用日期（默认 2025-10-01）roster cut-over date')
      .option('--max-findings <n>', '每个文件每种问题最多列出几条（默认 1000，其余只计数）at most N findings of one code per file')
      .option('--strict', '有警告也以 1 退出 exit 1 on warnings too')
      .exitOverride(),
  ).action(async (paths: string[], opts: AggregateCliOptions) => {
    const { runAggregate } = await import('./commands/aggregate.js');
    process.exitCode = await runAggregate(paths, opts);
  });

  addCommon(
    program
      .command('check')
      .description("核查清单企业是否符合纳入条件、是否过期\ncheck every listed enterprise's eligibility and expiry")
      .argument('<path...>', '附表2清单（文件或文件夹）Annex 2 lists')
      .option('--inspections <file>', '检查记录（.xlsx/.csv）inspection records')
      .option('--credit <file>', '信用评价（.xlsx/.csv）credit ratings')
      .option('--monitoring <file>', '在线监控（.xlsx/.csv，可选）online monitoring')
      .option('--objections <file>', '异议复核记录（.xlsx/.csv，可选）objections and their review')
      .option('--stable-rate <pct>', '无“稳定达标”列时视为稳定达标的达标率（默认 95）compliance rate counted as stable')
      .option('--map <file>', '表头映射（JSON）header mapping for unusual exports')
      .option('--as-of <date>', '判断日期 YYYY-MM-DD（默认今天，北京时间）')
      .option('--expiring-days <n>', '提前多少天提示即将到期（默认 90）', '90')
      .option('--out <file.xlsx>', '写出核查结果工作簿 write the verdicts as a workbook')
      .option('--force', '覆盖已存在的、不是 zmqd 写出的输出文件 replace an existing output file zmqd did not write')
      .option('--all', '列出全部企业（默认只列需要处理的）list every entry, not only those needing action')
      .option('--allow-uscc <file>', '校验位不符但允许的信用代码名单 allow-list of USCCs')
      .option('--cutover <date>', '39 个报送单位名单的启用日期 roster cut-over date')
      .option('--max-findings <n>', '每个文件每种问题最多列出几条（默认 1000，其余只计数）at most N findings of one code per file')
      .option('--strict', '有警告也以 1 退出 exit 1 on warnings too')
      .exitOverride(),
  ).action(async (paths: string[], opts: CheckCliOptions) => {
    const { runCheck } = await import('./commands/check.js');
    process.exitCode = await runCheck(paths, opts);
  });

  addCommon(
    program
      .command('report')
      .description('无人值守的季度批处理：校验、汇总、核查并写出报告文件夹\nthe unattended quarterly run')
      .argument('<inbox>', '收件文件夹 the inbox folder')
      .option('--out <dir>', '报告输出文件夹 output folder')
      .option('--config <file>', '配置文件 zmqd.config.json')
      .option('--period <period>', '汇总期：2021Q3 或 2021')
      .option('--previous <path...>', "上期报送 previous period's submissions")
      .option('--inspections <file>', '检查记录 inspection records')
      .option('--credit <file>', '信用评价 credit ratings')
      .option('--monitoring <file>', '在线监控 online monitoring')
      .option('--objections <file>', '异议复核记录 objections and their review')
      .option('--stable-rate <pct>', '无“稳定达标”列时视为稳定达标的达标率（默认 95）')
      .option('--map <file>', '表头映射（JSON）header mapping')
      .option('--as-of <date>', '判断日期 YYYY-MM-DD（默认今天，北京时间）')
      .option('--expiring-days <n>', '提前多少天提示即将到期')
      .option('--allow-uscc <file>', '允许的信用代码名单 allow-list of USCCs')
      .option('--cutover <date>', '39 个报送单位名单的启用日期 roster cut-over date')
      .option('--max-findings <n>', '每个文件每种问题最多列出几条（默认 1000，其余只计数）at most N findings of one code per file')
      .option('--strict', '有警告也以 1 退出 exit 1 on warnings too')
      .exitOverride(),
    'text | json | line（line：一行摘要，供计划任务写日志 one summary line for a scheduler log）',
  ).action(async (inbox: string, opts: ReportCliOptions) => {
    const { runReport } = await import('./commands/report.js');
    process.exitCode = await runReport(inbox, opts);
  });

  addCommon(
    program
      .command('collect')
      .description("从 IMAP 邮箱收取本期报送（只读），存入收件文件夹并登记报送情况\nfetch the period's submissions from the IMAP mailbox (read-only)")
      .option('--period <period>', '收取哪一期：2024Q3（第四季度含年度报告）')
      .option('--out <dir>', '收件文件夹 the inbox folder to fill')
      .option('--config <file>', '配置文件（mailbox：host、user、passwordFile 或 passwordEnv……）')
      .option('--deadline <date>', '报送截止日期 YYYY-MM-DD（默认季度结束后第 10 天）')
      .option('--host <host>', 'IMAP 服务器 server')
      .option('--port <port>', '端口 port（默认 993）')
      .option('--user <user>', '邮箱账户 account')
      .option('--folder <folder>', '邮箱文件夹（默认 INBOX）')
      .option('--tls <mode>', 'yes | no | starttls（默认 yes）')
      .option('--cutover <date>', '39 个报送单位名单的启用日期 roster cut-over date')
      .exitOverride(),
  ).action(async (opts: CollectCliOptions) => {
    const { runCollect } = await import('./commands/collect.js');
    process.exitCode = await runCollect(opts);
  });

  program
    .command('template')
    .description('生成官方空白模板 write the official blank workbook')
    .argument('<annex>', 'annex1 | annex2')
    .option('--out <file>', '输出文件（默认当前目录下的官方文件名）output file')
    .option('--district <name>', '预填的填报单位 pre-filled reporting unit')
    .option('--force', '覆盖已存在的、不是 zmqd 写出的文件（如已填写的清单）replace an existing file zmqd did not write')
    .option('--as-of <date>', '按哪一天的报送单位名单 YYYY-MM-DD（默认今天，北京时间）roster of this date')
    .option('--cutover <date>', '39 个报送单位名单的启用日期（默认 2025-10-01）roster cut-over date')
    .option('--quiet', '不显示日志 no log')
    .option('--no-color', '不用颜色 no colour')
    .exitOverride()
    .action(async (annex: string, opts: TemplateCliOptions) => {
      const { runTemplate } = await import('./commands/template.js');
      process.exitCode = await runTemplate(annex, opts);
    });

  program
    .command('doctor')
    .description('检查本机的系统工具（LibreOffice 等）及其用途\nwhich system tools are present and what each is for')
    .addOption(new Option('--format <format>', '输出格式 output format: text | json（默认 text）'))
    .addOption(new Option('--lang <lang>', '消息语言 message language: zh | en（默认 zh）'))
    .exitOverride()
    .action(async (opts: { format?: string; lang?: string }) => {
      const { runDoctor } = await import('./commands/doctor.js');
      process.exitCode = runDoctor(opts);
    });

  program
    .command('page')
    .description('生成离线自查网页（单个 HTML 文件，发给区县在浏览器中校验）\nwrite the offline self-check page for district staff')
    .option('--out <file.html>', '输出文件（默认 正面清单自查.html）output file')
    .option('--quiet', '不显示日志 no log')
    .exitOverride()
    .action(async (opts: { out?: string; quiet?: boolean }) => {
      const { runPage } = await import('./commands/page.js');
      process.exitCode = await runPage(opts);
    });

  return program;
}
