/**
 * The `yaml` package's nodes -> our plain position-keeping tree (tree.ts), one document at a time.
 * Merge keys are applied, aliases are shared rather than copied and charged to a budget that spans
 * the file (alias bombs), an alias inside its own anchor becomes null (cycles), and nesting is
 * bounded (deep nesting). Each limit is reported once per file.
 */
import { isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Alias, Document, Node as YamlNode, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { ParseLimits, SyntaxProblem } from './parse';
import type { ScalarValue, Span, YEntry, YMap, YNode, YScalar } from './tree';

/** What the aliases of one file may still expand to, and which limits were already reported. */
export interface AliasBudget {
  alias: number;
  aliasReported: boolean;
  depthReported: boolean;
  cycleReported: boolean;
  /** Collections being converted (the ancestors of the current node): an alias to one of them is a cycle. */
  readonly active: Set<YamlNode>;
}

export function newAliasBudget(limits: ParseLimits): AliasBudget {
  return { alias: limits.maxAliasExpansion, aliasReported: false, depthReported: false, cycleReported: false, active: new Set() };
}

type Ranged = { range?: [number, number, number] | null } | null | undefined;

function spanOf(node: Ranged): Span {
  const r = node?.range;
  return r ? { start: r[0], end: r[1] } : { start: 0, end: 0 };
}

export function nullAt(span: Span): YScalar {
  return { type: 'scalar', value: null, source: '', quoted: false, span };
}

/** Nodes in a converted tree, counted up to `cap` (what an alias to it costs). */
function countNodes(root: YNode, cap: number): number {
  let count = 0;
  const stack: YNode[] = [root];
  while (stack.length && count <= cap) {
    const node = stack.pop()!;
    count++;
    if (node.type === 'map') for (const e of node.entries) { if (e.value) stack.push(e.value); }
    else if (node.type === 'seq') for (const item of node.items) stack.push(item);
  }
  return count;
}

export function scalarValue(v: unknown): ScalarValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Date) return v.toISOString();
  return String(v);
}

function keyString(key: YamlNode | null): string {
  if (key == null) return '';
  if (isScalar(key)) return scalarKeyText((key as { value: unknown }).value);
  return '[complex key]';
}

/** A scalar key's resolved value as the key text. */
export function scalarKeyText(v: unknown): string {
  // With `merge: true` the parser gives a plain `<<` key the value Symbol(<<).
  if (typeof v === 'symbol') return v.description ?? '';
  return v === null || v === undefined ? '' : String(v);
}

export function reportCycle(budget: AliasBudget, problems: SyntaxProblem[], span: Span): YScalar {
  // `&a [*a]`: the alias is inside its own anchor. Expanding it never ends, and a cyclic tree
  // would hang every consumer that walks it, so it becomes null.
  if (!budget.cycleReported) {
    budget.cycleReported = true;
    problems.push({ code: 'yaml-aliases', severity: 'error', span, message: 'This alias refers to a node that contains it (a cycle), so it is not expanded.' });
  }
  return nullAt(span);
}

/** An alias to `resolved` (already converted): charged to the budget; null once the budget is spent. */
export function chargeAlias(budget: AliasBudget, limits: ParseLimits, problems: SyntaxProblem[], resolved: YNode, span: Span): YNode {
  if (resolved.type === 'scalar') return resolved;
  budget.alias -= countNodes(resolved, budget.alias + 1);
  if (budget.alias >= 0) return resolved;
  if (!budget.aliasReported) {
    budget.aliasReported = true;
    problems.push({ code: 'yaml-aliases', severity: 'error', span, message: 'Excessive aliasing: the aliases in this file expand to more than {0} nodes, so they are not expanded.', args: [limits.reportedAliasLimit ?? limits.maxAliasExpansion] });
  }
  return nullAt(span);
}

export function reportDuplicateKey(problems: SyntaxProblem[], keyText: string, keySpan: Span): void {
  problems.push({ code: 'yaml-duplicate-key', severity: 'warning', span: keySpan, message: 'Duplicate key "{0}": Kubernetes keeps only the last value.', args: [keyText] });
}

/** Merge keys: entries from the merged maps that the map does not define itself. */
export function applyMerges(entries: YEntry[], seen: Map<string, Span>, merges: readonly YNode[]): void {
  for (const merged of merges) {
    for (const source of merged.type === 'seq' ? merged.items : [merged]) {
      if (source.type !== 'map') continue;
      for (const e of source.entries) if (!seen.has(e.key)) { seen.set(e.key, e.keySpan); entries.push(e); }
    }
  }
}

function isMergeKey(key: YamlNode | null, keyText: string): boolean {
  return keyText === '<<' && !(isScalar(key) && (key as { type?: string }).type !== 'PLAIN');
}

export class TreeBuilder {
  /** Converted anchored nodes: only they can be the target of an alias, so only they are memoised. */
  private readonly anchored = new Map<YamlNode, YNode>();

  constructor(
    private readonly doc: Document.Parsed,
    private readonly limits: ParseLimits,
    private readonly budget: AliasBudget,
    private readonly problems: SyntaxProblem[],
  ) {}

  build(root: YamlNode): YNode {
    return this.convert(root, 0);
  }

  private convert(node: YamlNode, depth: number): YNode {
    const span = spanOf(node as Ranged);
    if (depth > this.limits.maxDepth) return this.tooDeep(span);
    if (isAlias(node)) return this.expandAlias(node as Alias, span, depth);
    const hasAnchor = !!(node as { anchor?: string }).anchor;
    if (hasAnchor) {
      const cached = this.anchored.get(node);
      if (cached) return cached;
    }
    const tag = (node as { tag?: string }).tag;
    if (isMap(node)) return this.convertMap(node, span, tag, hasAnchor, depth);
    if (isSeq(node)) return this.convertSeq(node, span, tag, hasAnchor, depth);
    if (isScalar(node)) return this.convertScalar(node, span, tag, hasAnchor);
    return nullAt(span);
  }

  private tooDeep(span: Span): YScalar {
    if (!this.budget.depthReported) {
      this.budget.depthReported = true;
      this.problems.push({ code: 'yaml-nesting', severity: 'error', span, message: 'Nesting deeper than {0} levels is not analysed.', args: [this.limits.maxDepth] });
    }
    return nullAt(span);
  }

  private expandAlias(alias: Alias, span: Span, depth: number): YNode {
    const target = alias.resolve(this.doc) as YamlNode | undefined;
    if (!target) return nullAt(span);
    if (this.budget.active.has(target)) return reportCycle(this.budget, this.problems, span);
    const resolved = this.anchored.get(target) ?? this.convert(target, depth);
    return chargeAlias(this.budget, this.limits, this.problems, resolved, span);
  }

  private convertMap(node: YAMLMap, span: Span, tag: string | undefined, hasAnchor: boolean, depth: number): YMap {
    const entries: YEntry[] = [];
    const result: YMap = tag ? { type: 'map', entries, span, tag } : { type: 'map', entries, span };
    if (hasAnchor) this.anchored.set(node, result);
    this.budget.active.add(node);
    const merges: YNode[] = [];
    const seen = new Map<string, Span>();
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = pair.key as YamlNode | null;
      const keySpan = spanOf(key as Ranged);
      const keyText = keyString(key);
      const value = pair.value == null ? undefined : this.convert(pair.value as YamlNode, depth + 1);
      if (isMergeKey(key, keyText)) {
        if (value) merges.push(value);
        continue;
      }
      if (seen.has(keyText)) reportDuplicateKey(this.problems, keyText, keySpan);
      seen.set(keyText, keySpan);
      entries.push({ key: keyText, keySpan, value: value ?? nullAt({ start: keySpan.end, end: keySpan.end }) });
    }
    this.budget.active.delete(node);
    applyMerges(entries, seen, merges);
    return result;
  }

  private convertSeq(node: YAMLSeq, span: Span, tag: string | undefined, hasAnchor: boolean, depth: number): YNode {
    const items: YNode[] = [];
    const result: YNode = tag ? { type: 'seq', items, span, tag } : { type: 'seq', items, span };
    if (hasAnchor) this.anchored.set(node, result);
    this.budget.active.add(node);
    for (const item of node.items) items.push(item == null ? nullAt(span) : this.convert(item as YamlNode, depth + 1));
    this.budget.active.delete(node);
    return result;
  }

  private convertScalar(node: Scalar, span: Span, tag: string | undefined, hasAnchor: boolean): YNode {
    const s = node as unknown as { value: unknown; source?: string; type?: string };
    const quoted = s.type === 'QUOTE_DOUBLE' || s.type === 'QUOTE_SINGLE' || s.type === 'BLOCK_LITERAL' || s.type === 'BLOCK_FOLDED';
    const scalar: YScalar = { type: 'scalar', value: scalarValue(s.value), source: typeof s.source === 'string' ? s.source : String(s.value ?? ''), quoted, span };
    const result = tag ? { ...scalar, tag } : scalar;
    if (hasAnchor) this.anchored.set(node, result);
    return result;
  }
}
