import { findTool, installLine, TOOLS, type ToolDef } from '../tools.js';

/** A tool found comes with its command and version, one missing with the line that installs it. */
type DoctorRow = {
  id: string;
  name: string;
  usedBy: ToolDef['usedBy'];
  purpose: string;
  debian: string;
} & ({ found: true; command: string; version: string } | { found: false; install: string });

/**
 * zmqd doctor: which system tools are on this machine, their versions, and what zmqd (or only its
 * test suite) uses each for. Exit 0 whatever is missing: it only tells.
 */
export function runDoctor(o: { format?: string; lang?: string }): number {
  const en = o.lang === 'en';
  const rows: DoctorRow[] = TOOLS.map((t) => {
    const f = findTool(t.id);
    return {
      id: t.id,
      name: t.name,
      usedBy: t.usedBy,
      purpose: en ? t.purpose.en : t.purpose.zh,
      debian: t.debian,
      ...(f ? { found: true as const, command: f.command, version: f.version } : { found: false as const, install: installLine([t.id]) }),
    };
  });
  if (o.format === 'json') {
    process.stdout.write(`${JSON.stringify({ command: 'doctor', node: process.version, tools: rows }, null, 2)}\n`);
    return 0;
  }
  const lines: string[] = [];
  lines.push(en ? `Node.js ${process.version}` : `Node.js ${process.version}`);
  for (const r of rows) {
    const who = r.usedBy === 'tests' ? (en ? 'tests only' : '仅测试用') : en ? 'users and tests' : '用户与测试';
    const state = r.found ? `${en ? 'present' : '已安装'} ${r.version} (${r.command})` : `${en ? 'missing' : '未安装'} — ${r.install}`;
    lines.push(`${r.found ? '✓' : '✗'} ${r.name} [${who}]: ${state}`);
    lines.push(`    ${r.purpose}`);
  }
  const missing = rows.filter((r) => !r.found);
  if (missing.length) {
    lines.push('');
    lines.push(
      en
        ? `To install what is missing (Debian/Ubuntu, as root): npm run setup   (or ${installLine(missing.map((m) => m.id as ToolDef['id']))})`
        : `安装缺少的工具（Debian/Ubuntu，需 root）：npm run setup   （或 ${installLine(missing.map((m) => m.id as ToolDef['id']))}）`,
    );
    if (missing.some((m) => m.usedBy !== 'tests'))
      lines.push(
        en
          ? 'Without LibreOffice, legacy .xls/.et files cannot be converted: re-save them as .xlsx in Excel or WPS.'
          : '未安装 LibreOffice 时无法转换旧版 .xls/.et 文件：请在 Excel 或 WPS 中另存为 .xlsx。',
      );
    lines.push(en ? 'The test suite skips the suites that need a missing tool and says so at the end.' : '测试时，缺少工具的测试组会被跳过，并在最后列出原因。');
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
