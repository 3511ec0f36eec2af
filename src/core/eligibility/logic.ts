/** Kleene three-valued AND / OR over conditions, keeping the explanations that decide the outcome. */
import type { Text } from '../data/types.js';
import type { Cond, Tri } from './types.js';

export function cond(status: Tri, text: Text, evidence: Cond['evidence'] = [], key?: string, brief?: Text): Cond {
  const c: Cond = { status, text, evidence };
  if (key !== undefined) c.key = key;
  if (brief !== undefined) c.brief = brief;
  return c;
}

function composite(status: Tri, parts: Cond[], op: 'and' | 'or'): Cond {
  const text = op === 'and' ? join(parts, '，', ', and ') : join(parts, '，另一途径：', '; by the other route: ');
  return { status, text, evidence: evidenceOf(parts), parts, op };
}

/**
 * The sentence of a condition, stating each base condition once: one already in `seen` (stated in an
 * earlier criterion of the same reason) is replaced by its brief form, or left out.
 */
export function render(c: Cond, seen: Set<string>): Text {
  if (c.parts) {
    const parts = c.parts.map((p) => render(p, seen)).filter((x) => x.zh !== '');
    if (parts.length === 0) return { zh: '理由同上', en: 'as above' };
    const [zh, en] = c.op === 'or' ? ['，另一途径：', '; by the other route: '] : ['，', ', and '];
    return { zh: parts.map((x) => x.zh).join(zh), en: parts.map((x) => x.en).join(en) };
  }
  if (c.key !== undefined) {
    if (seen.has(c.key)) return c.brief ?? c.text;
    seen.add(c.key);
  }
  return c.text;
}

function join(cs: Cond[], zh: string, en: string): Text {
  return { zh: cs.map((c) => c.text.zh).join(zh), en: cs.map((c) => c.text.en).join(en) };
}

function evidenceOf(cs: Cond[]): Cond['evidence'] {
  return cs.flatMap((c) => c.evidence);
}

/** All must hold: one failing condition decides (the failing ones explain); else an unknown one leaves it open. */
export function all(cs: Cond[]): Cond {
  const failing = cs.filter((c) => c.status === 'not-met');
  if (failing.length) return composite('not-met', failing, 'and');
  const open = cs.filter((c) => c.status === 'unknown');
  if (open.length) return composite('unknown', cs, 'and');
  return composite('met', cs, 'and');
}

/** One must hold: the first that holds decides; else an unknown one leaves it open; else none holds. */
export function any(cs: Cond[]): Cond {
  const holding = cs.find((c) => c.status === 'met');
  if (holding) return holding;
  const open = cs.some((c) => c.status === 'unknown');
  return composite(open ? 'unknown' : 'not-met', cs, 'or');
}
