/**
 * Random manifest-shaped YAML for the differential test of the line reader (model/lineTree.ts): block maps and
 * sequences in both sequence styles (indented under their key, or in the key's column), compact maps in
 * sequence items, one-line plain and quoted scalars (YAML 1.1 numbers and booleans, near misses), flow
 * sequences, `{}`/`[]`, empty values, blank lines, comments at column 0 and elsewhere, trailing comments,
 * document markers, duplicate keys, and small random damage near what the reader decides on.
 */
import type { Rng } from './generator';

const KEYS = ['name', 'image', 'a', 'b', 'on', 'yes', '1', '0x10', '~', 'null', '<<', 'x y', '"q"', "'s'", '"a b"', "'it''s'", 'é', '日本', 'k-8', 'a.b/c', 'kind'];
const PLAIN = [
  'nginx:1.27', 'web', '500m', '1Gi', '0', '-1', '+12', '007', '0x1F', '0b101', '1_000', '1e3', '.5', '.inf', '.NaN', '1:30', 'true', 'True', 'yes',
  'no', 'on', 'Off', 'y', 'n', '~', 'null', '2001-12-14', '2001-12-14 21:59:43.10 -5', 'a b', 'a:b', 'http://x:80/y', 'a#b', '-x', '--',
  'x.', 'é日本😀', '100%', 'a,b', 'a[0]', 'a ]', 'v  w', '-5', '-.5', '-1:30', '?x', ':x',
];
const QUOTED = ['"x"', '"a b"', '""', "''", "'it''s'", "'a \"b\"'", '"1"', '"true"', '"x: y"', "'# no'"];
const FLOW = ['[]', '[ ]', '["/bin/sh", "-c"]', "['a', b, 1]", '[a, b]', '[x,y]', '[a b, "c d"]', '{}', '{ }', '[-1, -x]', '{a: 1}', '{name: c0, image: x}', '{ "k": v, \'s\': "q" }', '{a: 1, a: 2}', '{on: yes, 1: 0x1F}', '{<<: x}'];
/** What the line reader leaves to the CST path (or what is an error), now and then. */
const EXOTIC = ['{x}', '-', '"a\\nb"', '"tab\\t"', "'x", '[a: b]', '[a, ]', '{a: }', '{a}', '{a:1}', '{"a":1}', '{a: [b]}', '[[a]]', '[a # c]', '&a x', '*a', '!!str x', '|\n  text', '>-\n  text', '"multi\n  line"', 'multi\n  line'];
const DAMAGE = [' ', ':', '-', '#', '"', "'", '\n', '  ', '[', ']', '{', '&a ', '*a', '!!str ', '|', '>', '?', '\t', '\r', '...'];

export class ManifestGenerator {
  constructor(private readonly r: Rng) {}

  stream(): string {
    const r = this.r;
    let text = '';
    if (r.chance(0.2)) text += r.pick(['# head\n', '\n', '#\n\n']);
    const count = r.int(1, 3);
    for (let i = 0; i < count; i++) {
      if (i > 0 || r.chance(0.3)) text += r.pick(['---\n', '---\n', '---  \n', '---\n# after marker\n']);
      text += r.chance(0.85) ? this.map(0, 0) : this.seq(0, 0);
      if (r.chance(0.2)) text += r.pick(['\n', '# tail\n', '\n\n# tail\n\n', '  \n']);
    }
    if (r.chance(0.1) && text.endsWith('\n')) text = text.slice(0, -1);
    if (r.chance(0.2)) text = this.damage(text);
    return text;
  }

  private map(indent: number, depth: number, firstInline = false): string {
    const r = this.r;
    const pad = ' '.repeat(indent);
    let out = '';
    const n = r.int(1, 4);
    for (let i = 0; i < n; i++) {
      out += this.filler(indent);
      const key = r.pick(KEYS);
      out += `${i === 0 && firstInline ? '' : pad}${key}:`;
      out += this.value(indent, depth);
    }
    return out;
  }

  /** What follows `key:` (its line included). */
  private value(indent: number, depth: number): string {
    const r = this.r;
    const roll = r.next();
    if (depth < 4 && roll < 0.25) return `${this.comment()}\n${r.chance(0.1) ? '\n' : ''}${this.map(indent + r.pick([2, 2, 4, 1]), depth + 1)}`;
    if (depth < 4 && roll < 0.4) return `${this.comment()}\n${this.seq(r.chance(0.5) ? indent : indent + 2, depth + 1)}`;
    if (roll < 0.47) return `${r.pick(['', ' ', '  '])}${this.comment()}\n`;
    if (roll < 0.52) return ` ${this.blockScalar(indent)}`;
    return ` ${this.scalar()}${this.comment()}\n`;
  }

  private seq(indent: number, depth: number): string {
    const r = this.r;
    const pad = ' '.repeat(indent);
    let out = '';
    const n = r.int(1, 3);
    for (let i = 0; i < n; i++) {
      out += this.filler(indent);
      const roll = r.next();
      if (depth < 4 && roll < 0.35) {
        const gap = r.pick([1, 1, 1, 3]);
        out += `${pad}-${' '.repeat(gap)}${this.map(indent + 1 + gap, depth + 1, true)}`;
      } else if (depth < 4 && roll < 0.45) {
        out += `${pad}-${this.comment()}\n${r.chance(0.5) ? this.map(indent + 2, depth + 1) : this.seq(indent + 2, depth + 1)}`;
      } else if (roll < 0.52) {
        out += `${pad}-${r.pick(['', ' '])}\n`;
      } else if (roll < 0.56) {
        out += `${pad}- ${this.blockScalar(indent)}`;
      } else {
        out += `${pad}- ${this.scalar()}${this.comment()}\n`;
      }
    }
    return out;
  }

  /** `|`, `>` and their chomping forms over a few lines (sometimes more indented, blank, or less indented). */
  private blockScalar(indent: number): string {
    const r = this.r;
    const inner = indent + r.pick([1, 2, 2, 4]);
    let out = `${r.chance(0.85) ? r.pick(['|', '|', '|-', '>', '>-']) : r.pick(['|+', '|2', '| # c', '>+'])}\n`;
    for (let n = r.int(1, 4); n > 0; n--) {
      const roll = r.next();
      const extra = roll < 0.1 ? r.pick([1, 2]) : 0;
      if (roll > 0.98) out += r.pick(['\n', ' \n', `${' '.repeat(inner + 3)}\n`]);
      out += `${' '.repeat(roll > 0.96 && roll <= 0.98 ? Math.max(0, inner - 1) : inner + extra)}${r.pick(['echo hi', 'a: b', '# not a comment', 'x  y', '- item', '"q"'])}\n`;
    }
    return out;
  }

  private scalar(): string {
    const r = this.r;
    const roll = r.next();
    if (roll < 0.01) return r.pick(EXOTIC);
    if (roll < 0.55) return r.pick(PLAIN);
    if (roll < 0.8) return r.pick(QUOTED);
    return r.pick(FLOW);
  }

  private comment(): string {
    return this.r.chance(0.02) ? this.r.pick([' # c', '  #c', ' #', '#x']) : '';
  }

  /** Blank lines and comments before an entry or item: at column 0, at its indentation, deeper, after a blank line. */
  private filler(indent: number): string {
    const r = this.r;
    if (!r.chance(0.15)) return '';
    const pad = ' '.repeat(indent);
    return r.pick(['\n', '# c\n', '\n# c\n\n', '   \n', '#\n', `${pad}# here\n`, `${pad}# here\n${pad}# too\n`, `${pad}  # deeper\n`, `\n${pad}  # after a blank\n`, `${pad}# a\n\n`]);
  }

  private damage(text: string): string {
    const r = this.r;
    const at = r.int(0, text.length);
    return r.chance(0.3) ? text.slice(0, at) + text.slice(at + 1) : text.slice(0, at) + r.pick(DAMAGE) + text.slice(at);
  }
}
