/**
 * Random YAML streams for the differential test: block and flow collections at random indents,
 * scalars of every style (plain, quoted with escapes, folded over lines, literal and folded block
 * scalars with chomping and indentation indicators), YAML 1.1 numbers, booleans, nulls and
 * timestamps as kubectl reads them, anchors, aliases (also forward and cyclic ones), merge keys,
 * tags, comments, directives, document markers, duplicate keys, deep nesting, and random damage
 * (syntax errors). Seeded: the same seed gives the same texts.
 */

export interface Rng {
  next(): number;
  int(lo: number, hi: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

export function rng(seed: number): Rng {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (items) => items[Math.floor(next() * items.length)]!,
    chance: (p) => next() < p,
  };
}

/** Plain scalars YAML 1.1 resolves to something other than a string, and near misses. */
const PLAIN_TYPED = [
  '~', 'null', 'Null', 'NULL', 'nULL', '', 'y', 'Y', 'yes', 'Yes', 'YES', 'yEs', 'n', 'N', 'no', 'No', 'NO', 'true', 'True', 'TRUE', 'tRUE',
  'false', 'False', 'on', 'On', 'ON', 'off', 'Off', 'OFF', 'oN', '0', '-0', '+0', '1', '-1', '+12', '007', '0755', '0o17', '08', '09', '0_7',
  '0x1F', '0X1F', '0xff_ff', '0b1010', '-0b11', '0b102', '1_000', '1_000_000', '12e3', '1e', 'e5', 'E10', '-e3', '.5', '5.', '-.5e-3', '1.5E+3',
  '.inf', '-.Inf', '+.INF', '.nan', '.NaN', '.NAN', '.Nan', '1:30', '-1:30:45', '190:20:30.15', '1:60', '3.14159', '6.8523015e+5', '685.230_15e+03',
  '2001-12-14', '2001-12-14t21:59:43.10-05:00', '2001-12-14 21:59:43.10 -5', '2001-12-15T02:59:43.1Z', '2002-12-14', '2001-13-45', '2001-1-1',
  '12345678901234567890', '9007199254740993', '0.1', '1.0', '100m', '1Gi', '500Mi', '1e3m', '1.5Gi', '<<', '=', '-', '?', ':', '--', '-a', '.',
  'a#b', 'a:b', 'http://x:80/y', '-x', '?x', ':x',
];
/** Plain scalars the parser or the composer rejects (or reads as something else). */
const PLAIN_BAD = ['@home', '`cmd`', '%x', '!x', '&x', '*x', '|x', '>x', "'x", '"x', '#x', ',x', '[x', '{x', 'a #b', 'a: b'];
const WORDS = ['name', 'image', 'nginx', 'app', 'web', 'cpu', 'memory', 'requests', 'limits', 'ports', 'x', 'a b', 'c  d', 'é', '日本', '😀', 'kind'];
const KEYS = ['a', 'b', 'name', 'image', 'spec', 'x y', '1', '0x10', 'true', 'on', 'null', '~', '', '2001-12-14', '1.0', 'é'];
const ESCAPES = ['\\n', '\\t', '\\\\', '\\"', '\\x41', '\\u00e9', '\\U0001F600', '\\0', '\\ ', '\\/', '\\e', '\\N', '\\_', '\\L', '\\P', '\\q', '\\x4'];

export class YamlGenerator {
  private anchorCount = 0;
  private readonly anchors: string[] = [];

  constructor(private readonly r: Rng, private readonly maxDepth = 6) {}

  /** A whole stream: directives, documents, markers, comments. */
  stream(): string {
    const r = this.r;
    const docs: string[] = [];
    const count = r.int(1, 3);
    for (let i = 0; i < count; i++) {
      this.anchors.length = 0;
      let head = '';
      if (r.chance(0.05)) head += r.pick(['%YAML 1.1\n', '%YAML 1.2\n', '%TAG ! tag:example.com,2000:\n', '%FOO bar\n']);
      if (r.chance(0.1)) head += '# leading comment\n';
      const marker = i > 0 || head.includes('%') || r.chance(0.4);
      if (marker) head += r.pick(['---\n', '--- # c\n', '---  \n', '--- ']);
      const body = head.endsWith('--- ') ? `${this.inline(0, 1, true)}\n` : this.block(0, 0);
      docs.push(head + body + (r.chance(0.15) ? r.pick(['...\n', '... # end\n']) : ''));
    }
    let text = docs.join(this.r.chance(0.1) ? '\n' : '');
    if (r.chance(0.25)) text = this.damage(text);
    return text;
  }

  private anchorProp(): string {
    if (!this.r.chance(0.12)) return '';
    const name = this.r.chance(0.9) ? `a${this.anchorCount++ % 7}` : this.r.pick(['', 'x:', 'a b']);
    this.anchors.push(name);
    return `&${name} `;
  }

  private tagProp(): string {
    return this.r.chance(0.015) ? `${this.r.pick(['!!str', '!!int', '!!map', '!!seq', '!custom', '!', '!!binary', '!!set', '!<tag:yaml.org,2002:str>'])} ` : '';
  }

  private alias(): string {
    const name = this.anchors.length && this.r.chance(0.85) ? this.r.pick(this.anchors) : this.r.pick(['a0', 'a5', 'zz']);
    return `*${name}`;
  }

  private comment(): string {
    return this.r.chance(0.1) ? this.r.pick([' # c', '  #c', ' #', ' # x: y']) : '';
  }

  private plain(): string {
    const r = this.r;
    if (r.chance(0.01)) return r.pick(PLAIN_BAD);
    if (r.chance(0.6)) return r.pick(PLAIN_TYPED);
    if (r.chance(0.5)) return r.pick(WORDS);
    return `${r.pick(WORDS)} ${r.pick(WORDS)}${r.chance(0.2) ? ':x' : ''}`;
  }

  /** A scalar written on one line (flow context or after `key: `). */
  private flowScalar(): string {
    const r = this.r;
    const style = r.int(0, 9);
    if (style <= 5) {
      const p = this.plain();
      return p === '' ? '""' : p;
    }
    if (style <= 7) {
      let s = '';
      for (let i = r.int(0, 3); i > 0; i--) s += r.chance(0.5) ? r.pick(ESCAPES) : r.pick(PLAIN_TYPED.concat(WORDS));
      return `"${s.replace(/"/g, '\\"')}"`;
    }
    return `'${(r.chance(0.5) ? r.pick(PLAIN_TYPED) : r.pick(WORDS)).replace(/'/g, "''")}${r.chance(0.2) ? "''" : ''}'`;
  }

  /** A node written inline (scalar, alias or flow collection) whose continuation lines are indented past `indent`. */
  inline(indent: number, depth: number, mayAlias: boolean): string {
    const r = this.r;
    const roll = r.int(0, 11);
    if (roll === 0 && mayAlias && this.anchors.length) return this.alias();
    if ((roll === 1 || roll === 2) && depth < this.maxDepth) {
      const map = roll === 1;
      const n = r.int(0, 3);
      const parts: string[] = [];
      for (let i = 0; i < n; i++) {
        const props = this.anchorProp() + this.tagProp();
        const v = r.chance(0.1) ? '' : props + this.inline(indent, depth + 1, props === '');
        parts.push(map ? `${this.flowScalar()}:${v === '' ? '' : ' ' + v}` : v || this.flowScalar());
      }
      const sep = r.chance(0.2) ? `,\n${' '.repeat(indent + 1)}` : r.pick([', ', ',', ' , ']);
      const trailing = n > 0 && r.chance(0.15) ? ',' : '';
      return map ? `{${r.chance(0.5) ? ' ' : ''}${parts.join(sep)}${trailing}}` : `[${parts.join(sep)}${trailing}]`;
    }
    return this.flowScalar();
  }

  /** A multi-line scalar: block scalar, or plain/quoted folded over lines, continued at `indent`. */
  private multiline(indent: number): string {
    const r = this.r;
    const pad = ' '.repeat(indent);
    const lines = Array.from({ length: r.int(1, 4) }, () => (r.chance(0.15) ? '' : r.pick(WORDS.concat(PLAIN_TYPED.filter((s) => !s.startsWith('#'))))));
    const kind = r.int(0, 3);
    if (kind <= 1) {
      const header = r.pick(['|', '>', '|-', '>-', '|+', '>+', '|2', '>1-', '|-2']);
      return `${header}${this.comment()}\n${lines.map((l) => (l === '' ? '' : pad + l)).join('\n')}${r.chance(0.3) ? '\n' : ''}`;
    }
    if (kind === 2) return `"${lines.join(`\n${pad}`).replace(/"/g, '')}"`;
    return `${['plain', ...lines.filter((l) => l && !/^[-?:,[\]{}#&*!|>'"%@`]/.test(l))].join(`\n${pad}`)}`;
  }

  /** A value after `key:` or `- ` at `indent`, as the rest of that line plus following lines. */
  private value(indent: number, depth: number): string {
    const r = this.r;
    const props = this.anchorProp() + this.tagProp();
    const roll = r.int(0, 9);
    if (depth < this.maxDepth && roll <= 3) {
      const childIndent = indent + r.pick([1, 2, 2, 2, 4]);
      return `${props.trimEnd()}${this.comment()}\n${this.block(childIndent, depth + 1)}`;
    }
    if (roll === 4) return `${props}${this.multiline(indent + 2)}\n`;
    if (roll === 5 && !props) return `${this.alias()}${this.comment()}\n`;
    if (roll === 6) return `${props.trimEnd()}${this.comment()}\n`; // empty value
    return `${props}${this.inline(indent, depth + 1, props === '')}${this.comment()}\n`;
  }

  /** A block collection (or a scalar) starting at column `indent` on a fresh line. */
  block(indent: number, depth: number): string {
    const r = this.r;
    const pad = ' '.repeat(indent);
    if (depth >= this.maxDepth || r.chance(0.05)) return `${pad}${this.inline(indent, depth, true)}\n`;
    let out = '';
    const n = r.int(1, 4);
    if (r.chance(0.55)) {
      for (let i = 0; i < n; i++) {
        if (r.chance(0.05)) out += `${pad}# comment\n`;
        if (r.chance(0.05)) out += '\n';
        if (r.chance(0.08) && this.anchors.length) {
          out += `${pad}<<: ${r.chance(0.7) ? this.alias() : `[${this.alias()}, ${this.alias()}]`}\n`;
          continue;
        }
        const key = r.chance(0.85) ? r.pick(KEYS) : this.flowScalar();
        const keyText = key === '' || /^[-?:,[\]{}#&*!|>'"%@`]|: | #|:$/.test(key) ? JSON.stringify(key) : key;
        const keyProps = r.chance(0.03) ? this.anchorProp() : '';
        out += `${pad}${keyProps}${keyText}:${r.chance(0.02) ? '' : ' '}${this.value(indent, depth)}`;
      }
    } else {
      for (let i = 0; i < n; i++) {
        if (r.chance(0.05)) out += `${pad}# comment\n`;
        if (r.chance(0.2) && depth < this.maxDepth) {
          // compact nested mapping: `- a: 1` then the rest of the mapping under it
          const inner = this.block(indent + 2, depth + 1).slice(indent + 2);
          out += `${pad}- ${inner}`;
        } else {
          out += `${pad}- ${this.value(indent, depth)}`;
        }
      }
    }
    return out;
  }

  /** Random damage: a character inserted, deleted or replaced, a line re-indented. */
  private damage(text: string): string {
    const r = this.r;
    const at = r.int(0, text.length);
    switch (r.int(0, 3)) {
      case 0:
        return text.slice(0, at) + r.pick([':', '-', '\t', ' ', '"', "'", '[', ']', '{', '}', '#', '&', '*', '!', '\n', '|', '>', '?', ',', '%', '@', '`', '\r', '\ufeff']) + text.slice(at);
      case 1:
        return text.slice(0, at) + text.slice(at + r.int(1, 3));
      case 2: {
        const lineStart = text.lastIndexOf('\n', at - 1) + 1;
        return text.slice(0, lineStart) + r.pick([' ', '  ', '\t']) + text.slice(lineStart);
      }
      default: {
        const lineStart = text.lastIndexOf('\n', at - 1) + 1;
        return text.slice(0, lineStart) + text.slice(lineStart).replace(/^ /, '');
      }
    }
  }
}
