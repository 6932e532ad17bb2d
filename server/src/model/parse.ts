/**
 * YAML text -> plain trees (tree.ts), one per document, plus syntax problems.
 * Kubernetes decodes manifests as YAML 1.1 (on/yes are booleans, merge keys apply), so we do too.
 * Aliases are shared, not copied, and their total expansion is bounded (alias bombs); nesting depth
 * is bounded (deep nesting); Helm/Go template actions are blanked out before parsing so that a
 * chart template yields one notice instead of a flood of syntax errors.
 */
import { Alias, isAlias, isMap as yIsMap, isPair, isScalar as yIsScalar, isSeq as yIsSeq, parseAllDocuments } from 'yaml';
import type { Node as YamlNode, Document } from 'yaml';
import type { ScalarValue, Span, YEntry, YMap, YNode, YScalar } from './tree';

export interface ParseLimits {
  /** Deepest nesting converted; deeper content is replaced by null and reported. */
  readonly maxDepth: number;
  /** Upper bound on nodes reachable through aliases (expanded size), as go-yaml's "excessive aliasing". */
  readonly maxAliasExpansion: number;
  /** The limit named in the excessive-aliasing message when it differs (a file-wide budget already spent). */
  readonly reportedAliasLimit?: number;
}

export const DEFAULT_LIMITS: ParseLimits = { maxDepth: 200, maxAliasExpansion: 100_000 };

export type SyntaxProblemCode = 'yaml-syntax' | 'yaml-duplicate-key' | 'yaml-nesting' | 'yaml-aliases' | 'helm-template';

export interface SyntaxProblem {
  readonly code: SyntaxProblemCode;
  readonly severity: 'error' | 'warning' | 'information';
  readonly span: Span;
  readonly message: string;
  /** Arguments for the localised message (the service formats the final text). */
  readonly args?: readonly (string | number)[];
}

export interface ParsedDocument {
  readonly index: number;
  readonly span: Span;
  readonly root: YNode | undefined;
  /** The document contained template actions ({{ ... }}), which were blanked before parsing. */
  readonly templated: boolean;
  /** The document has syntax errors; its tree may be partial. */
  readonly hasErrors: boolean;
  /** Nodes charged to the alias budget in this document (0 without aliases); lets a caller bound a whole file. */
  readonly aliasExpansion: number;
}

export interface ParsedFile {
  readonly documents: readonly ParsedDocument[];
  readonly problems: readonly SyntaxProblem[];
}

/**
 * Replace `{{ ... }}` with spaces (newlines kept) so offsets stay valid. A linear scan: a lazy
 * `/\{\{[\s\S]*?\}\}/g` is quadratic on a long run of unterminated `{{` (minutes for one 4 MB line).
 */
export function blankTemplates(text: string): { text: string; spans: Span[] } {
  let open = text.indexOf('{{');
  if (open < 0) return { text, spans: [] };
  const spans: Span[] = [];
  const parts: string[] = [];
  let last = 0;
  while (open >= 0) {
    const close = text.indexOf('}}', open + 2);
    if (close < 0) break; // no later `}}` can close this or any later `{{`
    const end = close + 2;
    spans.push({ start: open, end });
    parts.push(text.slice(last, open), text.slice(open, end).replace(/[^\r\n]/g, ' '));
    last = end;
    open = text.indexOf('{{', end);
  }
  if (spans.length === 0) return { text, spans };
  parts.push(text.slice(last));
  return { text: parts.join(''), spans };
}

export function parseFile(text: string, limits: ParseLimits = DEFAULT_LIMITS): ParsedFile {
  const problems: SyntaxProblem[] = [];
  const { text: blanked, spans: templateSpans } = blankTemplates(text);
  // A lone \r is a line break in YAML (and in LSP positions), but the parser only knows \n and \r\n:
  // same length, so offsets are unchanged.
  const source = blanked.includes('\r') ? blanked.replace(/\r(?!\n)/g, '\n') : blanked;
  let docs: Document.Parsed[];
  try {
    docs = parseAllDocuments(source, { version: '1.1', merge: true, uniqueKeys: false, prettyErrors: false, strict: false }) as Document.Parsed[];
    if (!Array.isArray(docs)) docs = [];
  } catch (e) {
    // The parser itself recursed too deep or failed: report once, analyse nothing.
    problems.push({ code: 'yaml-nesting', severity: 'error', span: { start: 0, end: Math.min(text.length, 1) }, message: 'The YAML could not be parsed: {0}', args: [String((e as Error)?.message ?? e)] });
    return { documents: [], problems };
  }
  const documents: ParsedDocument[] = [];
  const budget: Budget = { alias: limits.maxAliasExpansion, aliasReported: false, depthReported: false, cycleReported: false, active: new Set() };
  docs.forEach((doc, index) => {
    const range = doc.range ?? [0, 0, 0];
    const span: Span = { start: range[0], end: range[2] ?? range[1] };
    const templated = templateSpans.some((t) => t.start >= span.start && t.start < Math.max(span.end, span.start + 1));
    const errors = doc.errors ?? [];
    errors.forEach((err, i) => {
      if (templated && i > 0) return; // one is enough for a template
      const [s, e] = err.pos ?? [0, 0];
      problems.push({ code: 'yaml-syntax', severity: 'error', span: { start: s, end: Math.max(e, s) }, message: 'YAML syntax error: {0}', args: [firstLine(err.message)] });
    });
    if (templated) {
      const first = templateSpans.find((t) => t.start >= span.start)!;
      problems.push({ code: 'helm-template', severity: 'information', span: first, message: 'This document contains template expressions ({{ ... }}); they were ignored and values they produce are not checked.' });
    }
    let root: YNode | undefined;
    const before = budget.alias;
    try {
      root = doc.contents ? convert(doc.contents as YamlNode, doc, 0, limits, budget, problems, new Map()) : undefined;
    } catch (e) {
      problems.push({ code: 'yaml-nesting', severity: 'error', span, message: 'The YAML could not be parsed: {0}', args: [String((e as Error)?.message ?? e)] });
      root = undefined;
    }
    budget.active.clear();
    documents.push({ index, span, root, templated, hasErrors: errors.length > 0, aliasExpansion: Math.max(0, before - budget.alias) });
  });
  return { documents, problems };
}

function firstLine(s: string): string {
  const i = s.indexOf('\n');
  return (i < 0 ? s : s.slice(0, i)).trim();
}

interface Budget {
  alias: number;
  aliasReported: boolean;
  depthReported: boolean;
  cycleReported: boolean;
  /** Collections being converted (the ancestors of the current node): an alias to one of them is a cycle. */
  readonly active: Set<YamlNode>;
}

function spanOf(n: { range?: [number, number, number] | null } | null | undefined): Span {
  const r = n?.range;
  return r ? { start: r[0], end: r[1] } : { start: 0, end: 0 };
}

function nullAt(span: Span): YScalar {
  return { type: 'scalar', value: null, source: '', quoted: false, span };
}

function countNodes(n: YNode, cap: number): number {
  // Bounded walk used to charge alias expansions.
  let count = 0;
  const stack: YNode[] = [n];
  while (stack.length && count <= cap) {
    const cur = stack.pop()!;
    count++;
    if (cur.type === 'map') for (const e of cur.entries) { if (e.value) stack.push(e.value); }
    else if (cur.type === 'seq') for (const it of cur.items) stack.push(it);
  }
  return count;
}

function convert(node: YamlNode, doc: Document.Parsed, depth: number, limits: ParseLimits, budget: Budget, problems: SyntaxProblem[], memo: Map<YamlNode, YNode>): YNode {
  const span = spanOf(node as { range?: [number, number, number] });
  if (depth > limits.maxDepth) {
    if (!budget.depthReported) {
      budget.depthReported = true;
      problems.push({ code: 'yaml-nesting', severity: 'error', span, message: 'Nesting deeper than {0} levels is not analysed.', args: [limits.maxDepth] });
    }
    return nullAt(span);
  }
  if (isAlias(node)) {
    const target = (node as Alias).resolve(doc);
    if (!target) return nullAt(span);
    if (budget.active.has(target as YamlNode)) {
      // `&a [*a]`: the alias is inside its own anchor. Expanding it never ends, and a cyclic tree
      // would hang every consumer that walks it, so it becomes null.
      if (!budget.cycleReported) {
        budget.cycleReported = true;
        problems.push({ code: 'yaml-aliases', severity: 'error', span, message: 'This alias refers to a node that contains it (a cycle), so it is not expanded.' });
      }
      return nullAt(span);
    }
    const resolved = memo.get(target as YamlNode) ?? convert(target as YamlNode, doc, depth, limits, budget, problems, memo);
    if (resolved.type !== 'scalar') {
      budget.alias -= countNodes(resolved, budget.alias + 1);
      if (budget.alias < 0) {
        if (!budget.aliasReported) {
          budget.aliasReported = true;
          problems.push({ code: 'yaml-aliases', severity: 'error', span, message: 'Excessive aliasing: the aliases in this file expand to more than {0} nodes, so they are not expanded.', args: [limits.reportedAliasLimit ?? limits.maxAliasExpansion] });
        }
        return nullAt(span);
      }
    }
    return resolved;
  }
  // Only anchored nodes can be the target of an alias, so only they are memoised (a Map entry per
  // node was a measurable share of the parse on large files).
  const anchored = !!(node as { anchor?: string }).anchor;
  if (anchored) {
    const cached = memo.get(node);
    if (cached) return cached;
  }
  const tag = (node as { tag?: string }).tag;
  let out: YNode;
  if (yIsMap(node)) {
    const entries: YEntry[] = [];
    const result: YMap = tag ? { type: 'map', entries, span, tag } : { type: 'map', entries, span };
    if (anchored) memo.set(node, result);
    budget.active.add(node);
    const merges: YNode[] = [];
    const seen = new Map<string, Span>();
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const k = pair.key as YamlNode | null;
      const keySpan = spanOf(k as { range?: [number, number, number] });
      const keyText = keyString(k);
      const value = pair.value == null ? undefined : convert(pair.value as YamlNode, doc, depth + 1, limits, budget, problems, memo);
      if (keyText === '<<' && !(yIsScalar(k) && (k as { type?: string }).type !== 'PLAIN')) {
        if (value) merges.push(value);
        continue;
      }
      const prev = seen.get(keyText);
      if (prev) {
        problems.push({ code: 'yaml-duplicate-key', severity: 'warning', span: keySpan, message: 'Duplicate key "{0}": Kubernetes keeps only the last value.', args: [keyText] });
      }
      seen.set(keyText, keySpan);
      entries.push({ key: keyText, keySpan, value: value ?? nullAt({ start: keySpan.end, end: keySpan.end }) });
    }
    budget.active.delete(node);
    // Merge keys: entries from the merged maps that the map does not define itself.
    for (const m of merges) {
      const sources = m.type === 'seq' ? m.items : [m];
      for (const src of sources) {
        if (src.type !== 'map') continue;
        for (const e of src.entries) if (!seen.has(e.key)) { seen.set(e.key, e.keySpan); entries.push(e); }
      }
    }
    out = result;
  } else if (yIsSeq(node)) {
    const list: YNode[] = [];
    out = tag ? { type: 'seq', items: list, span, tag } : { type: 'seq', items: list, span };
    if (anchored) memo.set(node, out);
    budget.active.add(node);
    for (const it of node.items) {
      list.push(it == null ? nullAt(span) : convert(it as YamlNode, doc, depth + 1, limits, budget, problems, memo));
    }
    budget.active.delete(node);
  } else if (yIsScalar(node)) {
    const s = node as unknown as { value: unknown; source?: string; type?: string };
    const quoted = s.type === 'QUOTE_DOUBLE' || s.type === 'QUOTE_SINGLE' || s.type === 'BLOCK_LITERAL' || s.type === 'BLOCK_FOLDED';
    const scalar: YScalar = { type: 'scalar', value: scalarValue(s.value), source: typeof s.source === 'string' ? s.source : String(s.value ?? ''), quoted, span };
    out = tag ? { ...scalar, tag } : scalar;
    if (anchored) memo.set(node, out);
  } else {
    out = nullAt(span);
  }
  return out;
}

function scalarValue(v: unknown): ScalarValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Date) return v.toISOString();
  return String(v);
}

function keyString(k: YamlNode | null): string {
  if (k == null) return '';
  if (yIsScalar(k)) {
    const v = (k as { value: unknown }).value;
    // With `merge: true` the parser gives a plain `<<` key the value Symbol(<<).
    if (typeof v === 'symbol') return v.description ?? '';
    return v === null || v === undefined ? '' : String(v);
  }
  return '[complex key]';
}
