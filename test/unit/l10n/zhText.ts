/**
 * Checks on Simplified Chinese text, shared by glossary.test.ts (the translations) and surfaces.test.ts
 * (what users see, from the golden snapshots): glossary words, ASCII punctuation inside Chinese
 * sentences, and English words that are not Kubernetes' own names.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '../../../..');

export interface GlossaryTerm {
  readonly en: string;
  readonly use: string;
  readonly not: readonly string[];
  readonly notPattern?: string;
  /** The long form a text uses the first time it names the term ("服务质量（QoS）类"); the short form after it. */
  readonly firstUse?: string;
}

export function glossary(): GlossaryTerm[] {
  return (JSON.parse(fs.readFileSync(path.join(ROOT, 'l10n/glossary.zh-cn.json'), 'utf8')) as { terms: GlossaryTerm[] }).terms;
}

/** The glossary words a text uses where the glossary says otherwise: "init 容器 (use Init 容器)". */
export function glossaryViolations(text: string, terms: readonly GlossaryTerm[] = glossary()): string[] {
  const out: string[] = [];
  for (const t of terms) {
    for (const word of t.not) if (text.includes(word)) out.push(`${word} (use ${t.use})`);
    if (t.notPattern) {
      const m = new RegExp(t.notPattern).exec(text);
      if (m) out.push(`${m[0]} (use ${t.use})`);
    }
  }
  return out;
}

/** Terms whose first mention in a text is the short form although the glossary asks for the long one first. */
export function firstUseViolations(text: string, terms: readonly GlossaryTerm[] = glossary()): string[] {
  const out: string[] = [];
  for (const t of terms) {
    if (!t.firstUse) continue;
    const shortAt = text.replace(t.firstUse, '\u0000'.repeat(t.firstUse.length)).indexOf(t.use);
    const longAt = text.indexOf(t.firstUse);
    if (shortAt >= 0 && (longAt < 0 || shortAt < longAt)) out.push(`${t.use} before ${t.firstUse} (first use)`);
  }
  return out;
}

const HAN = /\p{Script=Han}/u;
const hasHan = (s: string): boolean => HAN.test(s);

/**
 * Text with the parts that are not Chinese prose blanked out: inline code, links' targets, URLs,
 * placeholders, ASCII-only double-quoted strings and brackets (API wording, YAML values, commands)
 * and formulas written as calls (`max(a, b)`).
 */
export function proseOnly(text: string): string {
  return text
    .replace(/`[^`\n]*`/g, ' X ')
    .replace(/\]\([^)\s]*\)/g, ']')
    .replace(/https?:\/\/\S+/g, ' X ')
    // `restartPolicy: Always`, `medium: Memory`: a field and its value as written in YAML.
    .replace(/(?<![\w{}])[a-zA-Z][\w.-]*: [\w.-]+/g, 'X')
    // The API server's error types keep their colon even in the middle of a Chinese sentence.
    .replace(/: (?=(?:Required value|Invalid value|Unsupported value|Forbidden|Duplicate value|Not found|Too many|Too long)\b)/g, ' ')
    // An image tag (`:latest`) is code.
    .replace(/(^|\s):\w+/g, '$1X')
    .replace(/\{\d+\}/g, 'X')
    .replace(/"[^"\n\p{Script=Han}]*"/gu, '"X"')
    .replace(/\[[^\]\n\p{Script=Han}]*\]/gu, 'X')
    .replace(/\b[a-z]\w*\((?:[^()\n]|\([^()\n]*\))*\)/g, 'X');
}

/** Clause delimiters: around an ASCII mark, the text up to the next of these is the clause it joins. */
const DELIMS = /[,:;.!?()，。：；！？（）“”、\n→|]/;

function clause(text: string, from: number, step: 1 | -1): string {
  let s = '';
  for (let i = from; i >= 0 && i < text.length; i += step) {
    if (DELIMS.test(text[i]!)) break;
    s = step === 1 ? s + text[i] : text[i] + s;
  }
  return s;
}

function nearest(text: string, from: number, step: 1 | -1): string {
  for (let i = from; i >= 0 && i < text.length; i += step) if (text[i] !== ' ') return text[i]!;
  return '';
}

/**
 * ASCII , : ; ! ? ( ) . and " used as the punctuation of a Chinese sentence. A comma, colon,
 * semicolon, ! or ? is Chinese punctuation when the clause it joins on either side holds Chinese;
 * a parenthesis when it touches a Chinese character or encloses Chinese; a full stop when it follows
 * Chinese; a double quote when it touches Chinese. Code, field paths, numbers, formulas and the API
 * server's English wording keep their ASCII marks.
 */
export function punctuationViolations(original: string): string[] {
  const text = proseOnly(original);
  const out: string[] = [];
  const at = (i: number) => `“${text.slice(Math.max(0, i - 12), i + 12).replace(/\n/g, ' ')}”`;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (',:;!?'.includes(c)) {
      // "1,000" and "a:b" inside a word are not punctuation.
      if (c !== ';' && /\w/.test(text[i - 1] ?? '') && /\w/.test(text[i + 1] ?? '')) continue;
      if (hasHan(clause(text, i - 1, -1)) || hasHan(clause(text, i + 1, 1))) out.push(`ASCII ${c} in ${at(i)}`);
    } else if (c === '(') {
      const close = text.indexOf(')', i);
      const inside = close > i ? text.slice(i + 1, close) : '';
      if (hasHan(nearest(text, i - 1, -1)) || hasHan(inside)) out.push(`ASCII ( in ${at(i)}`);
    } else if (c === ')') {
      const open = text.lastIndexOf('(', i);
      const inside = open >= 0 ? text.slice(open + 1, i) : '';
      if (hasHan(nearest(text, i + 1, 1)) || hasHan(inside)) out.push(`ASCII ) in ${at(i)}`);
    } else if (c === '.') {
      if (hasHan(text[i - 1] ?? '') || /[）”]/.test(text[i - 1] ?? '')) out.push(`ASCII . in ${at(i)}`);
    } else if (c === '"') {
      if (hasHan(nearest(text, i - 1, -1)) || hasHan(nearest(text, i + 1, 1))) out.push(`ASCII " in ${at(i)}`);
    } else if (c === ' ' && /[。；：，！？]/.test(text[i - 1] ?? '') && !/^X\b/.test(text.slice(i + 1))) {
      // Full-width marks carry their own spacing: "A。B", never "A。 B" (the X of code proseOnly blanked
      // out brings its own spaces).
      out.push(`space after ${text[i - 1]} in ${at(i)}`);
    }
  }
  return out;
}

/** Every zh-cn translation: l10n/parts/*.zh-cn.json and package.nls.zh-cn.json, as [where, text]. */
export function zhTranslations(): [string, string][] {
  const out: [string, string][] = [];
  const dir = path.join(ROOT, 'l10n', 'parts');
  for (const f of fs.readdirSync(dir).sort()) {
    if (!f.endsWith('.zh-cn.json')) continue;
    for (const [k, v] of Object.entries(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Record<string, string>)) out.push([`${f}: ${k.slice(0, 60)}`, v]);
  }
  for (const [k, v] of Object.entries(JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.zh-cn.json'), 'utf8')) as Record<string, string>)) out.push([`package.nls.zh-cn.json: ${k}`, v]);
  return out;
}

/** The keys under which a snapshot holds text for people (the rest is data: codes, kinds, ranges, states). */
const TEXT_KEYS = new Set(['message', 'value', 'title', 'tooltip', 'qosReason', 'evictionRank', 'text', 'markdown', 'out', 'err', 'label', 'suggestion']);

const unescapeXml = (t: string): string => t.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** The texts of an SVG or HTML document (the CLI's output lines): its text nodes, without the style sheet. */
function markupTexts(markup: string): string[] {
  const body = markup.replace(/<style[\s\S]*?<\/style>/g, '');
  return [...body.matchAll(/>([^<]+)</g)].map((m) => unescapeXml(m[1]!)).filter((t) => t.trim() !== '');
}

/** The CLI text's `file:line:col: severity [code] ` prefix is the compiler convention tools parse: not prose. */
function withoutLocation(line: string): string {
  return line.replace(/^\S+?:\d+(?::\d+)?: (?:\S+ \[[a-z0-9-]+\] )?/, '');
}

/** Every text a user reads in a zh-cn golden snapshot, as [where, text]. */
export function snapshotTexts(kind: 'cli' | 'server'): [string, string][] {
  const snapshot = JSON.parse(fs.readFileSync(path.join(ROOT, 'test/golden/snapshots', `${kind}.zh-cn.json`), 'utf8')) as Record<string, unknown>;
  const out: [string, string][] = [];
  const walk = (v: unknown, key: string, where: string): void => {
    if (Array.isArray(v) && typeof v[0] === 'string' && /^\s*<(?:!DOCTYPE|svg)/i.test(v[0])) {
      for (const t of markupTexts(v.join('\n'))) out.push([where, t]);
    } else if (Array.isArray(v)) v.forEach((x) => walk(x, key, where));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k === 'contents' ? 'value' : k, where);
    else if (typeof v === 'string' && TEXT_KEYS.has(key) && v.trim() !== '') out.push([where, withoutLocation(v)]);
  };
  for (const [where, v] of Object.entries(snapshot)) walk(v, '', `${kind} ${where}`);
  return out;
}

/** Each violation once, with where it was first seen. */
export function report(texts: [string, string][], check: (t: string) => string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const [where, text] of texts) {
    for (const v of check(text)) {
      if (seen.has(v)) continue;
      seen.add(v);
      out.push(`${where}: ${v}`);
    }
  }
  return out;
}
