/**
 * The generated parts of docs/reference.md: every command with its options (from the command line
 * definition itself, main.ts) and every finding code with its severity, meaning and what to do (from
 * the catalogue). `npm run docs` rewrites them between their markers; test/cli/docs.test.ts fails
 * when the file is not what this would write, so a new option or code only needs `npm run docs`.
 */
import type { Command } from 'commander';
import { buildProgram } from './main.js';
import { catalogue } from '../core/findings/catalogue/index.js';
import type { Params } from '../core/findings/types.js';
import type { FindingCode } from '../core/findings/catalogue/index.js';
import { OWNERS, SHARED } from '../core/findings/owners.js';

/** Markdown table cell: no line breaks, no bare pipes. */
function cell(s: string): string {
  return s
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ')
    .trim();
}

/**
 * A message template with its parameters shown as placeholders: `{column}` where the finding names
 * the column. A template that takes a branch on a parameter shows the branch for a value present.
 * A code that declares an example of its parameters shows the example's values instead (lists,
 * faults and other data a placeholder cannot stand for); the location's row, value and expected stay placeholders.
 */
function template(fn: (p: Params) => string, example?: object): string {
  const ex = (example ?? {}) as Record<string, unknown>;
  const p = new Proxy({} as Params, { get: (_t, k) => (typeof k !== 'string' ? undefined : k in ex ? ex[k] : `{${k}}`) });
  try {
    return fn(p);
  } catch {
    return '';
  }
}

const SEVERITY: Record<string, string> = { error: 'error 错误', warning: 'warning 警告', info: 'info 提示' };

/** Every finding code of the catalogue, grouped as the catalogue files group them, with zh and en text. */
export function findingCodesMarkdown(): string {
  const out: string[] = [];
  out.push(
    `${Object.keys(catalogue).length} codes. \`{name}\` stands for what the finding fills in (a column, a value, a file …). / 共 ${Object.keys(catalogue).length} 个问题代码，\`{name}\` 处为具体内容。`,
    '',
  );
  out.push('| code | severity | meaning / 含义 | message and what to do / 消息与处理办法 |', '|---|---|---|---|');
  for (const code of (Object.keys(catalogue) as FindingCode[]).sort()) {
    const d = catalogue[code];
    const meaning = `${d.title.zh}<br>${d.title.en}`;
    const msg = `${cell(template(d.message.zh, d.example))}<br><br>${cell(template(d.message.en, d.example))}`;
    out.push(`| \`${code}\` | ${SEVERITY[d.severity] ?? d.severity} | ${cell(meaning)} | ${msg} |`);
  }
  return out.join('\n') + '\n';
}

function optionsTable(cmd: Command): string[] {
  const out = ['| option | description / 说明 |', '|---|---|'];
  for (const o of cmd.options) {
    const dflt = o.defaultValue !== undefined && o.defaultValue !== true ? ` (default ${JSON.stringify(o.defaultValue)})` : '';
    out.push(`| \`${o.flags}\` | ${cell(o.description)}${dflt} |`);
  }
  out.push('| `-h, --help` | 显示帮助 show help |');
  return out;
}

/** Every command with its arguments and options, as `zmqd <command> --help` lists them. */
export function commandsMarkdown(program: Command = buildProgram()): string {
  const out: string[] = [];
  for (const cmd of program.commands) {
    const args = cmd.registeredArguments.map((a) => (a.required ? `<${a.name()}${a.variadic ? '...' : ''}>` : `[${a.name()}${a.variadic ? '...' : ''}]`)).join(' ');
    out.push(`### \`zmqd ${cmd.name()} ${args}\``, '');
    out.push(cmd.description().split('\n').join('<br>'), '');
    for (const a of cmd.registeredArguments) out.push(`- \`${a.name()}\`: ${cell(a.description)}`);
    out.push('', ...optionsTable(cmd), '');
  }
  return out.join('\n');
}

/** Who reports each code (src/core/findings/owners.ts): every rule and step with what it checks and its codes. */
export function ownersMarkdown(): string {
  const out = ['| rule or module / 规则或模块 | checks / 检查内容 | codes / 问题代码 |', '|---|---|---|'];
  for (const o of OWNERS) {
    const codes = o.codes.map((c) => (SHARED[c] && SHARED[c].owner !== o.name ? `\`${c}\` (${SHARED[c].owner})` : `\`${c}\``));
    out.push(`| ${o.kind === 'rule' ? `rule \`${o.name}\`` : `\`src/${o.name}\``} | ${cell(o.description)} | ${codes.join(', ')} |`);
  }
  out.push('', 'A code in brackets is owned by the place named; each code has exactly one owner. / 括号中为该代码的归属处，每个代码只有一个归属处。');
  return out.join('\n') + '\n';
}

const PARTS: Record<string, () => string> = { commands: () => commandsMarkdown(), codes: findingCodesMarkdown, owners: ownersMarkdown };

/** `text` with every generated part replaced by what it should be now. */
export function regenerate(text: string): string {
  let out = text;
  for (const [name, make] of Object.entries(PARTS)) {
    const begin = `<!-- BEGIN GENERATED ${name}: npm run docs -->`;
    const end = `<!-- END GENERATED ${name} -->`;
    const a = out.indexOf(begin);
    const b = out.indexOf(end);
    if (a < 0 || b < a) throw new Error(`docs/reference.md has no ${begin} … ${end} block`);
    out = out.slice(0, a + begin.length) + '\n\n' + make() + '\n' + out.slice(b);
  }
  return out;
}
