/**
 * Inline suppression with YAML comments:
 *   `# pod-lens-disable-line code-a, code-b`   findings that start on this line
 *   `# pod-lens-disable-next-line code-a`      findings that start on the next line that is not a
 *                                              comment or blank (so several directives can stack)
 *   `# pod-lens-disable code-a`                findings anywhere in this YAML document; in a preamble
 *                                              that holds only comments, the document that follows
 * No code means every code. Text after ` -- ` is a free-form reason. A directive is a YAML comment:
 * `#` at the start of a line or after whitespace (text inside quoted strings is not a comment).
 * Pure: text and chunk offsets in, a predicate out.
 */
import type { Finding } from '../analysis/finding';
import { LineIndex } from '../model/lineIndex';

export interface Suppressions {
  /** True when a finding with this code starting at this file offset is suppressed. */
  isSuppressed(code: string, offset: number): boolean;
  /** Number of directives found (0 means nothing to check). */
  readonly count: number;
}

type Scope = 'line' | 'next-line' | 'document';

interface Directive {
  readonly scope: Scope;
  /** undefined = every code. */
  readonly codes: ReadonlySet<string> | undefined;
  readonly offset: number;
}

const MARK = 'pod-lens-disable';
const DIRECTIVE = /(^|[ \t])#[ \t]*pod-lens-disable(-next-line|-line)?(?=[ \t]|$)([^\r\n]*)/gm;

export function parseDirectives(text: string): Directive[] {
  if (!text.includes(MARK)) return [];
  const out: Directive[] = [];
  DIRECTIVE.lastIndex = 0;
  for (let m = DIRECTIVE.exec(text); m; m = DIRECTIVE.exec(text)) {
    const lineStart = Math.max(text.lastIndexOf('\n', m.index) + 1, text.lastIndexOf('\r', m.index) + 1);
    const before = text.slice(lineStart, m.index + m[1]!.length);
    if (inQuotes(before)) continue;
    const scope: Scope = m[2] === '-next-line' ? 'next-line' : m[2] === '-line' ? 'line' : 'document';
    let rest = m[3] ?? '';
    const reason = rest.search(/(^|\s)--(\s|$)/);
    if (reason >= 0) rest = rest.slice(0, reason);
    const codes = rest.split(/[\s,]+/).filter((c) => c.length > 0);
    out.push({ scope, codes: codes.length ? new Set(codes) : undefined, offset: m.index + m[1]!.length });
  }
  return out;
}

/** An odd number of unescaped quotes before the `#` on its line: the `#` is inside a string. */
function inQuotes(before: string): boolean {
  let single = false;
  let double = false;
  for (let i = 0; i < before.length; i++) {
    const ch = before[i];
    if (ch === "'" && !double) single = !single;
    else if (ch === '"' && !single) { if (before[i - 1] !== '\\') double = !double; }
  }
  return single || double;
}

/** True for a line that holds nothing but whitespace or a comment. */
function isCommentOrBlank(line: string): boolean {
  return /^\s*(#.*)?$/.test(line);
}

/**
 * `chunkStarts`: file offsets where each YAML document chunk begins (ascending, first is 0).
 * Offsets in `isSuppressed` are file offsets.
 */
export function parseSuppressions(text: string, chunkStarts: readonly number[]): Suppressions {
  const directives = parseDirectives(text);
  if (directives.length === 0) return { isSuppressed: () => false, count: 0 };
  const lines = new LineIndex(text);
  const lineText = (n: number) => text.slice(lines.offset({ line: n, character: 0 }), lines.offset({ line: n, character: Number.MAX_SAFE_INTEGER }));
  const starts = chunkStarts.length ? [...chunkStarts] : [0];
  const chunkOf = (offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid; else hi = mid - 1;
    }
    return lo;
  };
  const chunkText = (i: number) => text.slice(starts[i]!, i + 1 < starts.length ? starts[i + 1]! : text.length);
  const byLine = new Map<number, (ReadonlySet<string> | undefined)[]>();
  const byChunk = new Map<number, (ReadonlySet<string> | undefined)[]>();
  const add = <K>(map: Map<K, (ReadonlySet<string> | undefined)[]>, key: K, codes: ReadonlySet<string> | undefined) => {
    const list = map.get(key);
    if (list) list.push(codes); else map.set(key, [codes]);
  };
  for (const d of directives) {
    const line = lines.position(d.offset).line;
    if (d.scope === 'line') add(byLine, line, d.codes);
    else if (d.scope === 'next-line') {
      let next = line + 1;
      while (next < lines.lineCount - 1 && isCommentOrBlank(lineText(next))) next++;
      add(byLine, next, d.codes);
    } else {
      let chunk = chunkOf(d.offset);
      // A preamble of comments before the first `---` applies to the document that follows.
      while (chunk + 1 < starts.length && chunkText(chunk).split(/\r?\n|\r/).every((l) => isCommentOrBlank(l) || /^(---|\.\.\.)\s*$/.test(l))) chunk++;
      add(byChunk, chunk, d.codes);
    }
  }
  const matches = (list: readonly (ReadonlySet<string> | undefined)[] | undefined, code: string) =>
    !!list && list.some((codes) => codes === undefined || codes.has(code));
  return {
    count: directives.length,
    isSuppressed(code, offset) {
      return matches(byLine.get(lines.position(offset).line), code) || matches(byChunk.get(chunkOf(offset)), code);
    },
  };
}

/** The findings that no directive suppresses. */
export function applySuppressions(findings: readonly Finding[], s: Suppressions): Finding[] {
  return s.count === 0 ? [...findings] : findings.filter((f) => !s.isSuppressed(f.code, f.span.start));
}
