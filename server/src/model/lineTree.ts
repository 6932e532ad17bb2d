/**
 * Text -> plain trees (tree.ts) without the `yaml` package's lexer and parser, for the YAML most
 * manifests are made of: block maps and sequences of one-line scalars (plain, or quoted without
 * escapes), simple block scalars and one-line flow collections of scalars, with blank lines and
 * comments at column 0. It reads the text line by line and gives exactly the trees, spans and
 * problems the CST path (cstTree.ts) gives. Anything else — multi-line quoted or plain scalars,
 * escapes, block scalars with blank lines or indicators, anchors, aliases, tags, comments in other
 * places, nested flow collections, tabs, CR, control characters, directives, odd indentation,
 * nesting beyond the limit — throws CstFallback, and parse.ts takes the CST path for the text
 * (test/unit/cstTree checks both against the Document path).
 */
import type { ParseLimits, SyntaxProblem } from './parse';
import type { YMap, YNode, YScalar, YSeq } from './tree';
import { scalarKeyText, scalarValue } from './treeBuilder';
import { fallback } from './cstProps';
import { resolvePlain } from './cstScalar';
import { MapAssembly } from './cstTree';
import type { CstDocument, MapKey } from './cstTree';

const SPACE = 0x20;
const NEWLINE = 0x0a;
const HASH = 0x23;
const DASH = 0x2d;
const COLON = 0x3a;
const COMMA = 0x2c;
const DQUOTE = 0x22;
const SQUOTE = 0x27;
const BACKSLASH = 0x5c;
const OPEN_SEQ = 0x5b;
const CLOSE_SEQ = 0x5d;
const OPEN_MAP = 0x7b;
const CLOSE_MAP = 0x7d;

/** Characters outside what this reader handles anywhere in a text: tabs, CR, other controls, a BOM. */
const UNHANDLED_CHARACTERS = /[\x00-\x09\x0b-\x1f\x7f\ufeff]/;
/** First characters of a plain scalar or key this reader leaves to the CST path (indicators and the like). */
const NOT_PLAIN_START = new Set('-?:,[]{}#&*!|>\'"%@`');
/** Indicators that start a plain scalar when a safe character follows them (`-1`, `-x`, `?x`, `:x`). */
const INDICATOR_OR_PLAIN = new Set('-?:');
/** Characters that end or are not allowed in a plain scalar inside a flow sequence here. */
const NOT_IN_FLOW_PLAIN = new Set(',[]{}#:&*!|>\'"%@`?');
/** YAML's limit on an implicit key's length. */
const MAX_IMPLICIT_KEY = 1024;

interface Filler {
  /** The start of the next line with content (or the text's length). */
  readonly at: number;
  readonly comment: boolean;
  /** The deepest indentation of a comment line not attached to the value before (-1 without comments). */
  readonly commentIndent: number;
  /** The end of the last comment line attached to the value before (or where the filler starts). */
  readonly attachedEnd: number;
}

const NO_FILLER: Filler = { at: 0, comment: false, commentIndent: -1, attachedEnd: 0 };

class LineTreeBuilder {
  /** Offset after the last built node and what trails it on its line (as CstTreeBuilder's `end`). */
  private end = 0;
  /** The start of the line with content after the last built node (or the text's length). */
  private cursor = 0;
  /** The blank and comment lines between the last built node and `cursor`. */
  private filler: Filler = NO_FILLER;
  problems: SyntaxProblem[] = [];
  private readonly length: number;

  constructor(private readonly text: string, private readonly limits: ParseLimits) {
    this.length = text.length;
  }

  documents(): CstDocument[] {
    const t = this.text;
    const docs: CstDocument[] = [];
    let p = this.streamFiller(0);
    while (p < this.length) {
      const start = p;
      if (this.isMarker(p)) {
        if (t.charCodeAt(p) !== DASH || !this.blankFrom(p + 3, this.lineEnd(p))) fallback(); // `...`, or content after `---`
        p = this.streamFiller(this.nextLine(p));
        if (p >= this.length || this.isMarker(p)) fallback(); // an empty document
      }
      if (t.charCodeAt(p) === SPACE || t.charCodeAt(p) === 0x25 /* % */) fallback();
      this.problems = [];
      const root = this.blockAt(p, 0, 0);
      const contentEnd = this.end;
      const next = this.cursor;
      if (next < this.length && !this.isMarker(next)) fallback();
      // What follows the root up to the next document (blank lines, comments) belongs to this document,
      // unless the root ends in an empty value (it keeps them, and they do not extend the document).
      const end = contentEnd < next && this.endsInEmpty ? contentEnd : Math.max(contentEnd, next);
      docs.push({ span: { start, end }, root, problems: this.problems, aliasExpansion: 0 });
      p = next;
    }
    return docs;
  }

  /** The last node built was an empty value (`key:` or `-` with nothing after it). */
  private endsInEmpty = false;

  /** A block collection starting at `at`, in column `col`: a sequence (`- `) or a map (`key: `). */
  private blockAt(at: number, col: number, depth: number): YNode {
    if (this.isDashIndicator(at)) return this.blockSeq(at, col, depth);
    if (this.keyAt(at)) return this.blockMap(at, col, depth);
    return fallback(); // a scalar on a line of its own (a multi-line scalar, or an error)
  }

  private blockMap(first: number, col: number, depth: number): YMap {
    if (depth > this.limits.maxDepth) fallback();
    const map = new MapAssembly();
    const result: YMap = { type: 'map', entries: map.entries, span: { start: first, end: first } };
    let at = first;
    for (;;) {
      const key = this.keyAt(at);
      if (!key) return fallback();
      const value = this.valueAfter(key.colonEnd, col, depth + 1);
      map.add(this.problems, key, value);
      const next = this.cursor;
      if (next >= this.length) { this.closing(col); break; }
      const indent = this.indentAt(next);
      if (indent < col || (indent === 0 && this.isMarker(next))) { this.closing(col); break; }
      if (indent > col || this.isDashIndicator(next + indent)) fallback();
      at = next + indent;
    }
    map.finish();
    (result.span as { end: number }).end = this.end;
    return result;
  }

  private blockSeq(first: number, col: number, depth: number): YSeq {
    if (depth > this.limits.maxDepth) fallback();
    const items: YNode[] = [];
    const result: YSeq = { type: 'seq', items, span: { start: first, end: first } };
    let at = first;
    for (;;) {
      const lineEnd = this.lineEnd(at);
      const v = this.skipSpaces(at + 1, lineEnd);
      // Comments before a later item are part of it, and an empty item's end then includes them (CstTreeBuilder.empty).
      const commentBefore = items.length > 0 && this.filler.comment;
      if (v >= lineEnd) items.push(this.nestedOrEmpty(v, col, depth + 1, false, commentBefore));
      else if (this.isDashIndicator(v)) return fallback(); // `- - x`
      else if (this.keyAt(v)) items.push(this.blockMap(v, col + (v - at), depth + 1));
      else items.push(this.inlineValue(v, lineEnd, col, depth + 1));
      const next = this.cursor;
      if (next >= this.length) { this.closing(col); break; }
      const indent = this.indentAt(next);
      if (indent < col) { this.closing(col); break; }
      if (indent > col) fallback();
      if (!this.isDashIndicator(next + indent)) { this.closing(col); break; } // the map around it, in the same column, goes on
      at = next + indent;
    }
    (result.span as { end: number }).end = this.end;
    return result;
  }

  /** The value of `key:` whose colon ends at `colonEnd`. */
  private valueAfter(colonEnd: number, col: number, depth: number): YNode {
    const lineEnd = this.lineEnd(colonEnd);
    const v = this.skipSpaces(colonEnd, lineEnd);
    return v >= lineEnd ? this.nestedOrEmpty(v, col, depth, true) : this.inlineValue(v, lineEnd, col, depth);
  }

  /**
   * Nothing follows the indicator on its line (`v` is the line's end): the value is the block on the next
   * lines when it is indented more than `col` (or, for a map's value, is a sequence in the same column), else an
   * empty value.
   */
  private nestedOrEmpty(v: number, col: number, depth: number, mapValue: boolean, commentBefore = false): YNode {
    // Comments between the indicator and a nested block are the indicator's: they change nothing here.
    const filler = this.skipFiller(this.nextLine(v));
    if (filler.at < this.length) {
      const indent = this.indentAt(filler.at);
      if (indent > col || (mapValue && indent === col && this.isDashIndicator(filler.at + indent))) return this.blockAt(filler.at + indent, indent, depth);
    }
    if (filler.comment || commentBefore) fallback(); // an empty value's end would include them
    if (depth > this.limits.maxDepth) fallback();
    this.end = v;
    this.cursor = filler.at;
    this.filler = filler;
    this.endsInEmpty = true;
    return { type: 'scalar', value: scalarValue(resolvePlain('', false)), source: '', quoted: false, span: { start: v, end: v } };
  }

  /** A scalar or flow sequence starting at `v` on its line; the next line must not continue it. */
  private inlineValue(v: number, lineEnd: number, col: number, depth: number): YNode {
    if (depth > this.limits.maxDepth) fallback();
    const c = this.text.charCodeAt(v);
    let node: YNode;
    let after: number;
    if (c === DQUOTE || c === SQUOTE) {
      const q = this.quoted(v, lineEnd);
      node = { type: 'scalar', value: q.value, source: q.value, quoted: true, span: { start: v, end: q.end } };
      after = q.end;
    } else if (c === OPEN_SEQ) {
      const s = this.flowSeq(v, lineEnd, depth);
      node = s;
      after = s.span.end;
    } else if (c === 0x7c /* | */ || c === 0x3e /* > */) {
      return this.blockScalar(v, lineEnd, col);
    } else if (c === OPEN_MAP) {
      const m = this.flowMap(v, lineEnd, depth);
      node = m;
      after = m.span.end;
    } else {
      const end = this.plainEnd(v, lineEnd, false);
      const source = this.text.slice(v, end);
      node = { type: 'scalar', value: scalarValue(resolvePlain(source, false)), source, quoted: false, span: { start: v, end } };
      after = end;
    }
    this.trailing(after, lineEnd);
    const next = this.nextLine(lineEnd);
    this.end = next > this.length ? this.length : next;
    this.endsInEmpty = false;
    const filler = this.skipFiller(this.end, col);
    if (filler.at < this.length && this.indentAt(filler.at) > col) fallback(); // a continuation line, or an error
    this.end = filler.attachedEnd;
    this.cursor = filler.at;
    this.filler = filler;
    return node;
  }

  /**
   * A block scalar `|`, `|-`, `>` or `>-` whose lines are all non-blank and indented at least as its first
   * (a folded one: exactly as its first), ending at a line indented no more than `col` or at the end of the text.
   */
  private blockScalar(v: number, lineEnd: number, col: number): YScalar {
    const t = this.text;
    const header = t.slice(v, lineEnd);
    if (header !== '|' && header !== '|-' && header !== '>' && header !== '>-') fallback();
    let p = lineEnd + 1;
    const contentIndent = p < this.length ? this.indentAt(p) : 0;
    if (contentIndent <= col) fallback(); // empty, or not indented
    const lines: string[] = [];
    while (p < this.length) {
      const end = this.lineEnd(p);
      const indent = this.indentAt(p);
      if (p + indent >= end) fallback(); // a blank line: chomping and folding rules this reader leaves alone
      if (indent < contentIndent) {
        if (indent > col) fallback();
        break;
      }
      if (indent > contentIndent && header[0] === '>') fallback();
      if (end >= this.length) fallback(); // the last line has no line break
      lines.push(t.slice(p + contentIndent, end));
      p = end + 1;
    }
    const value = lines.join(header[0] === '|' ? '\n' : ' ') + (header.length === 1 ? '\n' : '');
    this.end = p;
    this.endsInEmpty = false;
    const filler = this.skipFiller(p);
    this.cursor = filler.at;
    this.filler = filler;
    return { type: 'scalar', value, source: value, quoted: true, span: { start: v, end: p } };
  }

  /** A one-line flow sequence of one-line scalars, `[a, "b"]`. */
  private flowSeq(open: number, lineEnd: number, depth: number): YSeq {
    const items: YNode[] = [];
    const close = this.flowItems(open, lineEnd, CLOSE_SEQ, (i) => {
      if (depth + 1 > this.limits.maxDepth) fallback();
      const item = this.flowScalar(i, lineEnd);
      items.push(item);
      return item.span.end;
    });
    return { type: 'seq', items, span: { start: open, end: close + 1 } };
  }

  /** A one-line flow map of one-line keys and scalars, `{name: a, image: "b"}`. */
  private flowMap(open: number, lineEnd: number, depth: number): YMap {
    const map = new MapAssembly();
    const close = this.flowItems(open, lineEnd, CLOSE_MAP, (i) => {
      const key = this.flowKey(i, lineEnd);
      const v = this.skipSpaces(key.span.end + 1, lineEnd);
      const c = this.text.charCodeAt(v);
      if (c === COMMA || c === CLOSE_MAP || depth + 1 > this.limits.maxDepth) fallback(); // an empty value
      const value = this.flowScalar(v, lineEnd);
      map.add(this.problems, key, value);
      return value.span.end;
    });
    map.finish();
    return { type: 'map', entries: map.entries, span: { start: open, end: close + 1 } };
  }

  /** The items of a one-line flow collection, `item` reading each; the offset of the closing bracket. */
  private flowItems(open: number, lineEnd: number, closer: number, item: (at: number) => number): number {
    const t = this.text;
    let i = this.skipSpaces(open + 1, lineEnd);
    if (t.charCodeAt(i) === closer) return i;
    for (;;) {
      if (i >= lineEnd) fallback();
      i = this.skipSpaces(item(i), lineEnd);
      const sep = t.charCodeAt(i);
      if (sep === closer) return i;
      if (sep !== COMMA) fallback();
      i = this.skipSpaces(i + 1, lineEnd);
      if (t.charCodeAt(i) === closer) fallback(); // a trailing comma
    }
  }

  private flowScalar(i: number, lineEnd: number): YScalar {
    const c = this.text.charCodeAt(i);
    if (c === DQUOTE || c === SQUOTE) {
      const q = this.quoted(i, lineEnd);
      return { type: 'scalar', value: q.value, source: q.value, quoted: true, span: { start: i, end: q.end } };
    }
    const end = this.plainEnd(i, lineEnd, true);
    const source = this.text.slice(i, end);
    return { type: 'scalar', value: scalarValue(resolvePlain(source, false)), source, quoted: false, span: { start: i, end } };
  }

  /** A key in a flow map, followed by `: ` (the colon is at `span.end`). */
  private flowKey(at: number, lineEnd: number): MapKey {
    const t = this.text;
    const c = t.charCodeAt(at);
    let raw: string;
    let end: number;
    let plain = false;
    if (c === DQUOTE || c === SQUOTE) {
      const q = this.quoted(at, lineEnd);
      raw = q.value;
      end = q.end;
    } else {
      if (NOT_PLAIN_START.has(t[at]!)) fallback();
      end = at;
      while (end < lineEnd && !NOT_IN_FLOW_PLAIN.has(t[end]!)) end++;
      if (t.charCodeAt(end - 1) === SPACE) fallback(); // `key :`, or `a #`
      raw = t.slice(at, end);
      plain = true;
    }
    if (t.charCodeAt(end) !== COLON || t.charCodeAt(end + 1) !== SPACE) fallback();
    return mapKey(raw, plain, at, end);
  }

  /** A one-line quoted scalar without escapes (`''` in single quotes is fine): its value and end. */
  private quoted(open: number, lineEnd: number): { value: string; end: number } {
    const t = this.text;
    const quote = t.charCodeAt(open);
    let i = open + 1;
    let doubled = false;
    for (;;) {
      if (i >= lineEnd) fallback(); // spans lines
      const c = t.charCodeAt(i);
      if (c === quote) {
        if (quote === SQUOTE && t.charCodeAt(i + 1) === SQUOTE) { doubled = true; i += 2; continue; }
        break;
      }
      if (c === BACKSLASH && quote === DQUOTE) fallback();
      i++;
    }
    const inner = t.slice(open + 1, i);
    return { value: doubled ? inner.replace(/''/g, "'") : inner, end: i + 1 };
  }

  /**
   * The end of a plain scalar starting at `v` (trailing spaces excluded), which ends at the line's end or
   * at a comment; in a flow collection also at `,`, `]` or `}`. A `: ` inside (a key on a value's line) falls back.
   */
  private plainEnd(v: number, lineEnd: number, inFlow: boolean): number {
    const t = this.text;
    const first = t[v]!;
    // `-`, `?` and `:` start a plain scalar when followed by a character that may follow them there.
    if (NOT_PLAIN_START.has(first) && !(INDICATOR_OR_PLAIN.has(first) && this.plainAfterIndicator(v + 1, lineEnd, inFlow))) fallback();
    let end = v;
    for (let i = v; i < lineEnd; i++) {
      const c = t.charCodeAt(i);
      if (c === SPACE) {
        if (t.charCodeAt(i + 1) === HASH) break;
        continue;
      }
      if (inFlow && NOT_IN_FLOW_PLAIN.has(t[i]!)) {
        if (c === COMMA || c === CLOSE_SEQ || c === CLOSE_MAP) break;
        fallback();
      }
      if (c === COLON && (i + 1 === lineEnd || t.charCodeAt(i + 1) === SPACE)) fallback();
      end = i + 1;
    }
    return end;
  }

  private plainAfterIndicator(i: number, lineEnd: number, inFlow: boolean): boolean {
    if (i >= lineEnd) return false;
    const c = this.text[i]!;
    return c !== ' ' && c !== '#' && !(inFlow && NOT_IN_FLOW_PLAIN.has(c));
  }

  /** After a value on its line: spaces, then nothing or a comment. */
  private trailing(after: number, lineEnd: number): void {
    const i = this.skipSpaces(after, lineEnd);
    if (i < lineEnd && !(this.text.charCodeAt(i) === HASH && i > after)) fallback();
  }

  /** The key starting at `at` when the line is `key: ...` (plain, or quoted without escapes). */
  private keyAt(at: number): (MapKey & { colonEnd: number }) | undefined {
    const t = this.text;
    const lineEnd = this.lineEnd(at);
    const c = t.charCodeAt(at);
    let raw: string;
    let end: number;
    let plain = false;
    if (c === DQUOTE || c === SQUOTE) {
      const q = this.quoted(at, lineEnd);
      if (t.charCodeAt(q.end) !== COLON) return undefined;
      raw = q.value;
      end = q.end;
    } else {
      if (NOT_PLAIN_START.has(t[at]!)) return undefined;
      end = -1;
      for (let i = at; i < lineEnd; i++) {
        const ch = t.charCodeAt(i);
        if (ch === SPACE && t.charCodeAt(i + 1) === HASH) return undefined;
        if (ch === COLON && (i + 1 === lineEnd || t.charCodeAt(i + 1) === SPACE)) { end = i; break; }
      }
      if (end < 0) return undefined;
      if (t.charCodeAt(end - 1) === SPACE) fallback(); // `key :`
      raw = t.slice(at, end);
      plain = true;
    }
    const colonEnd = end + 1;
    if (colonEnd < lineEnd && t.charCodeAt(colonEnd) !== SPACE) return undefined;
    return { ...mapKey(raw, plain, at, end), colonEnd };
  }

  /**
   * Blank lines and comment lines from the line start `p`. After a scalar or flow collection in a collection in
   * column `attachAbove`, the parser makes the comment lines indented deeper than that column, up to the first one
   * that is not, part of the value (its end).
   */
  private skipFiller(p: number, attachAbove = Infinity): Filler {
    const t = this.text;
    let commentIndent = -1;
    let attaching = true;
    let attachedEnd = p;
    while (p < this.length) {
      const lineEnd = this.lineEnd(p);
      const i = this.skipSpaces(p, lineEnd);
      if (i < lineEnd) {
        if (t.charCodeAt(i) !== HASH) break;
        const indent = i - p;
        if (attaching && indent > attachAbove) attachedEnd = lineEnd + 1;
        else {
          attaching = false;
          if (indent > commentIndent) commentIndent = indent;
        }
      }
      p = lineEnd + 1;
    }
    const at = p > this.length ? this.length : p;
    return { at, comment: commentIndent >= 0, commentIndent, attachedEnd: attachedEnd > this.length ? this.length : attachedEnd };
  }

  /** Blank lines and comments outside documents, or between `---` and the content: comments at column 0 only. */
  private streamFiller(p: number): number {
    const filler = this.skipFiller(p);
    if (filler.commentIndent > 0) fallback();
    return filler.at;
  }

  /**
   * The collection in column `col` ends at the line after `this.filler`: comments in that filler indented as much
   * as the collection stay with it in the parser (and extend its end), so they fall back.
   */
  private closing(col: number): void {
    if (col > 0 && this.filler.commentIndent >= col) fallback();
  }

  private isDashIndicator(at: number): boolean {
    if (this.text.charCodeAt(at) !== DASH) return false;
    const next = this.text.charCodeAt(at + 1);
    return next === SPACE || next === NEWLINE || at + 1 >= this.length;
  }

  /** `---` or `...` at the start of a line, followed by a space, a line break or the end. */
  private isMarker(lineStart: number): boolean {
    const t = this.text;
    const c = t.charCodeAt(lineStart);
    if ((c !== DASH && c !== 0x2e) || t.charCodeAt(lineStart + 1) !== c || t.charCodeAt(lineStart + 2) !== c) return false;
    const after = t.charCodeAt(lineStart + 3);
    return after === SPACE || after === NEWLINE || lineStart + 3 >= this.length;
  }

  private blankFrom(from: number, lineEnd: number): boolean {
    return this.skipSpaces(from, lineEnd) >= lineEnd;
  }

  private skipSpaces(i: number, limit: number): number {
    while (i < limit && this.text.charCodeAt(i) === SPACE) i++;
    return i;
  }

  private indentAt(lineStart: number): number {
    return this.skipSpaces(lineStart, this.length) - lineStart;
  }

  private lineEnd(p: number): number {
    const n = this.text.indexOf('\n', p);
    return n < 0 ? this.length : n;
  }

  private nextLine(p: number): number {
    const n = this.text.indexOf('\n', p);
    return n < 0 ? this.length : n + 1;
  }
}

/** A key as CstTreeBuilder.key makes it, from its text as written (plain) or decoded (quoted), `start`..`end`. */
function mapKey(raw: string, plain: boolean, start: number, end: number): MapKey {
  if (end - start > MAX_IMPLICIT_KEY) fallback();
  const text = scalarKeyText(plain ? resolvePlain(raw, true) : raw);
  return { text, merge: plain && text === '<<', span: { start, end } };
}

/** Trees for every document of `text`, or `undefined` when it needs the CST path (see above). */
export function lineDocuments(text: string, limits: ParseLimits): CstDocument[] | undefined {
  if (UNHANDLED_CHARACTERS.test(text)) return undefined;
  try {
    return new LineTreeBuilder(text, limits).documents();
  } catch {
    return undefined;
  }
}
