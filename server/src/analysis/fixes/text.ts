/**
 * YAML text edits computed from the tree's spans (chunk-local offsets). Edits keep the file's own
 * indentation: new keys go at the column of their siblings, moved blocks are shifted as a whole,
 * flow collections (`{ a: 1 }`) get flow text. Every helper returns undefined when the layout is one
 * it cannot edit safely (e.g. keys that come from a merge key `<<:` and live elsewhere).
 */
import type { Span, YEntry, YMap, YNode } from '../../model/tree';

export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

export function lineStart(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

/** Offset just after the line break of the line containing `offset` (or the end of text). */
export function nextLineStart(text: string, offset: number): number {
  const n = text.indexOf('\n', offset);
  return n < 0 ? text.length : n + 1;
}

export function column(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

export function isFlow(text: string, node: YNode): boolean {
  const ch = text[node.span.start];
  return ch === '{' || ch === '[';
}

function within(span: Span, outer: Span): boolean {
  return span.start >= outer.start && span.end <= outer.end;
}

/** Entries physically inside the map (not merged in from an anchor elsewhere). */
function ownEntries(map: YMap): YEntry[] {
  return map.entries.filter((e) => within(e.keySpan, map.span));
}

/** The line break used by the text. */
export function eol(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** Where a block entry ends: the start of the line after its value. */
export function entryEnd(text: string, e: YEntry): number {
  const end = e.value && e.value.span.end > e.keySpan.end ? e.value.span.end : e.keySpan.end;
  if (end > 0 && text[end - 1] === '\n') return end;
  return nextLineStart(text, end);
}

/** Indentation step of the file: the first nested block key's extra indentation, else 2. */
export function indentStep(text: string, map: YMap): number {
  for (const e of ownEntries(map)) {
    const v = e.value;
    if (v && v.type === 'map' && !isFlow(text, v)) {
      const first = ownEntries(v)[0];
      if (first) {
        const d = column(text, first.keySpan.start) - column(text, e.keySpan.start);
        if (d > 0) return d;
      }
    }
  }
  return 2;
}

/**
 * Insert `key: value` into a map. `value` is a scalar text; `block` lines (already relative to the
 * key's column + step, without indentation) make a nested block value instead.
 */
export function insertEntry(text: string, map: YMap, key: string, value: string, opts: { after?: YEntry; before?: YEntry; block?: readonly string[] } = {}): TextEdit | undefined {
  const own = ownEntries(map);
  if (isFlow(text, map)) {
    if (opts.block) return undefined;
    if (text[map.span.start] !== '{') return undefined;
    let close = map.span.end - 1;
    while (close > map.span.start && text[close] !== '}') close--;
    if (close <= map.span.start) return undefined;
    if (own.length === 0) return { start: map.span.start, end: close + 1, newText: `{ ${key}: ${value} }` };
    const after = opts.after && own.includes(opts.after) ? opts.after : own[own.length - 1]!;
    const at = after.value && after.value.span.end > after.keySpan.end ? after.value.span.end : after.keySpan.end;
    return { start: at, end: at, newText: `, ${key}: ${value}` };
  }
  const first = own[0];
  if (!first) return undefined;
  const indent = ' '.repeat(column(text, first.keySpan.start));
  const nl = eol(text);
  const step = ' '.repeat(indentStep(text, map));
  const body = opts.block
    ? `${indent}${key}:${nl}${opts.block.map((l) => (l === '' ? '' : `${indent}${step}${l}`)).join(nl)}${nl}`
    : `${indent}${key}: ${value}${nl}`;
  if (opts.before && own.includes(opts.before) && column(text, opts.before.keySpan.start) === indent.length && lineStart(text, opts.before.keySpan.start) + indent.length === opts.before.keySpan.start) {
    const at = lineStart(text, opts.before.keySpan.start);
    return { start: at, end: at, newText: body };
  }
  const after = opts.after && own.includes(opts.after) ? opts.after : own[own.length - 1]!;
  const at = entryEnd(text, after);
  const needsBreak = at === text.length && at > 0 && text[at - 1] !== '\n';
  return { start: at, end: at, newText: needsBreak ? `${nl}${body.slice(0, -nl.length)}` : body };
}

/** Replace an entry's value (or fill in `key:` with nothing after it). */
export function setValue(text: string, e: YEntry, value: string): TextEdit {
  const v = e.value;
  if (v && v.span.end > v.span.start && v.span.start >= e.keySpan.end) return { start: v.span.start, end: v.span.end, newText: value };
  const colon = text.indexOf(':', e.keySpan.end);
  const at = colon < 0 ? e.keySpan.end : colon + 1;
  return { start: at, end: at, newText: ` ${value}` };
}

/** Remove an entry from a map (block or flow). */
export function removeEntry(text: string, map: YMap, e: YEntry): TextEdit | undefined {
  const own = ownEntries(map);
  const i = own.indexOf(e);
  if (i < 0 || own.length === 1) return undefined; // removing the only key would leave an empty item
  const next = own[i + 1];
  if (isFlow(text, map)) {
    const valueEnd = e.value && e.value.span.end > e.keySpan.end ? e.value.span.end : e.keySpan.end;
    if (next) return { start: e.keySpan.start, end: next.keySpan.start, newText: '' };
    const prev = own[i - 1]!;
    const prevEnd = prev.value && prev.value.span.end > prev.keySpan.end ? prev.value.span.end : prev.keySpan.end;
    return { start: prevEnd, end: valueEnd, newText: '' };
  }
  // `- key: ...` (first key of a sequence item): delete up to the next key, which slides onto the dash line.
  if (next) return { start: e.keySpan.start, end: next.keySpan.start, newText: '' };
  const start = lineStart(text, e.keySpan.start);
  if (text.slice(start, e.keySpan.start).trim() !== '') return undefined;
  return { start, end: entryEnd(text, e), newText: '' };
}

/** Shift every non-empty line of a block by `delta` columns (negative removes leading spaces). */
export function reindent(block: string, delta: number): string {
  if (delta === 0) return block;
  return block.split('\n').map((line) => {
    if (line.trim() === '') return line;
    if (delta > 0) return ' '.repeat(delta) + line;
    const lead = /^ */.exec(line)![0].length;
    return line.slice(Math.min(lead, -delta));
  }).join('\n');
}

/** Apply non-overlapping edits to a text (tests and in-memory previews). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}
