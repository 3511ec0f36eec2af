/**
 * Every finding code has exactly one owner, every declared code exists, and what each rule and
 * module declares is what its source reports (tsc holds a rule's `report` to its `codes`; this reads
 * the sources as a second line of defence, and covers the modules tsc cannot hold).
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogue, isFindingCode, type FindingCode } from '../../src/core/findings/catalogue/index.js';
import { OWNERS, SHARED, ownerOf } from '../../src/core/findings/owners.js';
import { annex1Rules } from '../../src/core/rules/annex1/index.js';
import { annex2Rules } from '../../src/core/rules/annex2/index.js';
import { unitCodes } from '../../src/core/rules/common/unit.js';
import type { Annex1Rule, Annex2Rule } from '../../src/core/rules/types.js';

const SRC = path.resolve(__dirname, '..', '..', 'src');
const CODES = Object.keys(catalogue) as FindingCode[];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

/**
 * The codes a source reports by name: `finding('…'`, `ctx.report('…'`, open.ts's `fail('…'`, the
 * eligibility notes' `code: '…'`, the cap's FINDINGS_OMITTED; and the unit codes when it hands a
 * context to the unit helpers (resolveSource, decideUnit).
 */
function reportedIn(file: string): Set<string> {
  const text = readFileSync(file, 'utf8');
  const out = new Set<string>();
  const patterns = [/\bfinding\(\s*'([a-z0-9-]+)'/g, /\.report\(\s*'([a-z0-9-]+)'/g, /\bfail\(\s*'([a-z0-9-]+)'/g];
  if (file.endsWith(path.join('eligibility', 'index.ts'))) patterns.push(/\bcode: '([a-z0-9-]+)'/g);
  // only catalogue codes: other functions are called fail() too (values/dates.ts), and tsc rejects a misspelt code
  for (const re of patterns) for (const m of text.matchAll(re)) if (isFindingCode(m[1]!)) out.add(m[1]!);
  if (/\bcode: FINDINGS_OMITTED\b/.test(text)) out.add('findings-omitted');
  if (!HOME_OF_UNIT_CODES.some((f) => file.endsWith(f)) && /\b(resolveSource|decideUnit)\(/.test(text)) for (const c of unitCodes) out.add(c);
  return out;
}

/** The unit helpers, and validate.ts, which runs the district check with them before the rules: the unit codes' own place. */
const HOME_OF_UNIT_CODES = [path.join('rules', 'common', 'unit.ts'), path.join('validate', 'validate.ts')];

const sorted = (xs: Iterable<string>) => [...new Set(xs)].sort();

describe('the owners of the finding codes', () => {
  it('every catalogue code has exactly one owner; a code reported by several places names its owner in SHARED', () => {
    const problems: string[] = [];
    for (const code of CODES) {
      const by = OWNERS.filter((o) => o.codes.includes(code)).map((o) => o.name);
      const shared = SHARED[code];
      if (by.length === 0) problems.push(`${code}: no owner declares it`);
      else if (by.length > 1 && !shared) problems.push(`${code}: reported by ${by.join(', ')}: name its owner in SHARED (src/core/findings/owners.ts)`);
      else if (shared && by.length === 1) problems.push(`${code}: in SHARED but reported only by ${by[0]}`);
      else if (shared && !by.includes(shared.owner)) problems.push(`${code}: SHARED names ${shared.owner}, which does not report it (${by.join(', ')} do)`);
      else expect(ownerOf(code)?.name).toBe(shared?.owner ?? by[0]);
    }
    expect(problems).toEqual([]);
  });

  it('every declared code is a catalogue code, declared once per owner; owners have distinct names', () => {
    for (const o of OWNERS) {
      for (const c of o.codes) expect(isFindingCode(c), `${o.name} declares ${c}`).toBe(true);
      expect(new Set(o.codes).size, o.name).toBe(o.codes.length);
      expect(o.description, o.name).not.toBe('');
    }
    expect(new Set(OWNERS.map((o) => o.name)).size).toBe(OWNERS.length);
    for (const code of Object.keys(SHARED)) expect(isFindingCode(code), code).toBe(true);
  });

  it("each rule's declared codes are the codes its source reports", () => {
    for (const [annex, rules] of [
      ['annex1', annex1Rules],
      ['annex2', annex2Rules],
    ] as const) {
      const dir = path.join(SRC, 'core', 'rules', annex);
      const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'index.ts');
      const seen = new Set<string>();
      for (const f of files) {
        const text = readFileSync(path.join(dir, f), 'utf8');
        const id = /\bid: '([a-z0-9-]+)'/.exec(text)?.[1];
        expect(id, `${annex}/${f} declares no rule id`).toBeDefined();
        const rule = (rules as readonly (Annex1Rule | Annex2Rule)[]).find((r) => r.id === id);
        expect(rule, `${annex}/${f}: rule ${id} is not in ${annex}/index.ts`).toBeDefined();
        seen.add(id!);
        expect(sorted(rule!.codes), `${annex}/${f}`).toEqual(sorted(reportedIn(path.join(dir, f))));
      }
      expect(sorted(rules.map((r) => r.id)), `every ${annex} rule has its own file`).toEqual(sorted(seen));
    }
  });

  it("each other owner's declared codes are the codes its module reports, and no other module reports any", () => {
    const modules = new Map(OWNERS.filter((o) => o.kind === 'step').map((o) => [o.name, o]));
    const ruleDirs = [path.join(SRC, 'core', 'rules', 'annex1'), path.join(SRC, 'core', 'rules', 'annex2')];
    for (const file of sourceFiles(SRC)) {
      const rel = path.relative(SRC, file).split(path.sep).join('/');
      if (ruleDirs.includes(path.dirname(file))) continue;
      const reported = sorted(reportedIn(file));
      const owner = modules.get(rel);
      if (owner) expect(sorted(owner.codes), rel).toEqual(reported);
      else expect(reported, `${rel} reports codes: declare them in src/core/findings/owners.ts`).toEqual([]);
    }
    for (const name of modules.keys())
      expect(
        sourceFiles(SRC).map((f) => path.relative(SRC, f).split(path.sep).join('/')),
        name,
      ).toContain(name);
  });

  it('the static reading sees the findings a rule reports through its context', () => {
    // guards the patterns above: a rule whose only report spans lines is still seen
    expect(sorted(reportedIn(path.join(SRC, 'core', 'rules', 'annex2', 'uscc.ts')))).toContain('uscc-normalised');
    expect(sorted(reportedIn(path.join(SRC, 'core', 'aggregate', 'aggregate.ts')))).toContain('cumulative-decrease');
  });
});
