/**
 * The `yaml` package's CST (Parser tokens) -> our plain trees (tree.ts), without the Composer and its
 * Document objects: the same trees TreeBuilder makes from a Document, at a fraction of the cost.
 *
 * It covers what manifests are made of: block and flow collections, plain, quoted and block scalars
 * (resolved with the package's own YAML 1.1 tag tests), comments, anchors, aliases and merge keys.
 * Anything else — a syntax error, a warning, a tag, a directive, an explicit or complex key, a flow
 * sequence of pairs, comments inside flow collections, nesting beyond the limit — throws
 * `CstFallback`, and parse.ts composes the text the ordinary way. So the result is either exactly
 * what the Document path gives (test/unit/cstTree) or nothing.
 */
import type { CST } from 'yaml';
import type { ParseLimits, SyntaxProblem } from './parse';
import type { ScalarValue, Span, YEntry, YMap, YNode, YScalar, YSeq } from './tree';
import type { AliasBudget } from './treeBuilder';
import { applyMerges, chargeAlias, nullAt, reportCycle, reportDuplicateKey, scalarKeyText, scalarValue } from './treeBuilder';
import type { Props } from './cstProps';
import { emptyScalarPosition, endOffset, fallback, keyContainsNewline, readProps } from './cstProps';
import { resolvePlain, scalarText } from './cstScalar';

export { COMPOSE_OPTIONS } from './cstScalar';

export interface CstDocument {
  readonly span: Span;
  readonly root: YNode;
  /** Problems found while building this document's tree (duplicate keys, aliases), in order. */
  readonly problems: readonly SyntaxProblem[];
  readonly aliasExpansion: number;
}

type FlowScalarToken = CST.FlowScalar & { type: 'scalar' | 'single-quoted-scalar' | 'double-quoted-scalar' };

function isFlowScalar(token: CST.Token | null | undefined): token is FlowScalarToken {
  return !!token && (token.type === 'scalar' || token.type === 'single-quoted-scalar' || token.type === 'double-quoted-scalar');
}

export interface MapKey {
  readonly text: string;
  /** A plain `<<`: its value is merged into the map (YAML 1.1 merge keys). */
  readonly merge: boolean;
  readonly span: Span;
}

/** What an alias may resolve to: the last node with that anchor before it, in document order. */
interface Anchored {
  node: YNode;
  /** The node is a collection still being built (an ancestor of what is built now). */
  active: boolean;
}

class CstTreeBuilder {
  private readonly anchors = new Map<string, Anchored>();
  /** Offset after the last built node's trailing comments (`range[2]` in the `yaml` package). */
  private end = 0;
  readonly problems: SyntaxProblem[] = [];

  constructor(private readonly limits: ParseLimits, private readonly budget: AliasBudget) {}

  document(token: CST.Document): { root: YNode; contentEnd: number } {
    const { start, value, end, offset } = token;
    const props = readProps(start, false, 'doc-start', value ?? end?.[0], offset, 0, true);
    if (props.found && value && (value.type === 'block-map' || value.type === 'block-seq') && !props.hasNewline) fallback();
    const root = value ? this.node(value, props, 0) : this.empty(props.end, start, props, 0);
    return { root, contentEnd: this.end };
  }

  private node(token: CST.Token, props: Props, depth: number): YNode {
    if (depth > this.limits.maxDepth) fallback();
    const anchor = props.anchor ? props.anchor.source.substring(1) : undefined;
    if (anchor === '') fallback();
    switch (token.type) {
      case 'alias':
        if (anchor !== undefined) fallback();
        return this.alias(token);
      case 'scalar':
      case 'single-quoted-scalar':
      case 'double-quoted-scalar':
      case 'block-scalar':
        return this.remember(anchor, this.scalar(token), false);
      case 'block-map':
        return this.blockMap(token, anchor, depth);
      case 'block-seq': {
        const nl = props.newlineAfterProp;
        if (props.anchor && (!nl || nl.offset < props.anchor.offset)) fallback();
        return this.blockSeq(token, anchor, depth);
      }
      case 'flow-collection':
        return this.flow(token, anchor, depth);
      default:
        return fallback();
    }
  }

  /** Mirrors `composeEmptyNode`: the null of `key:` with nothing after it. */
  private empty(offset: number, before: readonly CST.SourceToken[] | undefined, props: Props, depth: number): YScalar {
    if (depth > this.limits.maxDepth) fallback();
    const pos = emptyScalarPosition(offset, before);
    const node: YScalar = { type: 'scalar', value: scalarValue(resolvePlain('', false)), source: '', quoted: false, span: { start: pos, end: pos } };
    this.end = props.hasComment ? props.end : pos;
    if (props.anchor) {
      const anchor = props.anchor.source.substring(1);
      if (anchor === '') fallback();
      this.remember(anchor, node, false);
    }
    return node;
  }

  private remember<T extends YNode>(anchor: string | undefined, node: T, active: boolean): T {
    if (anchor !== undefined) this.anchors.set(anchor, { node, active });
    return node;
  }

  private scalar(token: CST.FlowScalar | CST.BlockScalar): YScalar {
    const r = scalarText(token);
    const plain = token.type === 'scalar';
    const value: ScalarValue = plain ? scalarValue(resolvePlain(r.value, false)) : r.value;
    this.end = r.after;
    return { type: 'scalar', value, source: r.value, quoted: !plain, span: { start: r.start, end: r.end } };
  }

  /** A map key: its text as TreeBuilder's keyString makes it, and its span. */
  private key(token: FlowScalarToken): MapKey {
    const r = scalarText(token);
    const plain = token.type === 'scalar';
    const text = scalarKeyText(plain ? resolvePlain(r.value, true) : r.value);
    this.end = r.after;
    return { text, merge: plain && text === '<<', span: { start: r.start, end: r.end } };
  }

  private alias(token: CST.FlowScalar): YNode {
    const { offset, source } = token;
    const name = source.substring(1);
    if (name === '' || name.endsWith(':')) fallback();
    const span: Span = { start: offset, end: offset + source.length };
    this.end = endOffset(token.end, span.end);
    const target = this.anchors.get(name);
    if (!target) return nullAt(span);
    if (target.active) return reportCycle(this.budget, this.problems, span);
    return chargeAlias(this.budget, this.limits, this.problems, target.node, span);
  }

  private blockMap(bm: CST.BlockMap, anchor: string | undefined, depth: number): YMap {
    const map = new MapAssembly();
    const result: YMap = { type: 'map', entries: map.entries, span: { start: bm.offset, end: bm.offset } };
    const mark = anchor === undefined ? undefined : { node: result, active: true };
    if (mark) this.anchors.set(anchor!, mark);
    let offset = bm.offset;
    let commentEnd: number | null = null;
    for (const { start, key, sep, value } of bm.items) {
      const keyProps = readProps(start, false, 'explicit-key-ind', key ?? sep?.[0], offset, bm.indent, true);
      if (keyProps.found) fallback(); // explicit key
      if (!sep) {
        if (key || keyProps.anchor) fallback();
        commentEnd = keyProps.end;
        continue;
      }
      if (!isFlowScalar(key) || key.indent !== bm.indent || keyProps.anchor || keyProps.newlineAfterProp || keyContainsNewline(key)) fallback();
      const keyNode = this.key(key);
      const valueProps = readProps(sep, false, 'map-value-ind', value, this.end, bm.indent, false);
      offset = valueProps.end;
      if (!valueProps.found) fallback();
      if (value?.type === 'block-map' && !valueProps.hasNewline) fallback();
      const valueNode = value ? this.node(value, valueProps, depth + 1) : this.empty(offset, sep, valueProps, depth + 1);
      offset = this.end;
      map.add(this.problems, keyNode, valueNode);
    }
    if (commentEnd && commentEnd < offset) fallback();
    if (mark) mark.active = false;
    map.finish();
    (result.span as { end: number }).end = offset;
    this.end = commentEnd ?? offset;
    return result;
  }

  private blockSeq(bs: CST.BlockSequence, anchor: string | undefined, depth: number): YSeq {
    const items: YNode[] = [];
    const result: YSeq = { type: 'seq', items, span: { start: bs.offset, end: bs.offset } };
    const mark = anchor === undefined ? undefined : { node: result, active: true };
    if (mark) this.anchors.set(anchor!, mark);
    let offset = bs.offset;
    let commentEnd: number | null = null;
    for (const { start, value } of bs.items) {
      const props = readProps(start, false, 'seq-item-ind', value, offset, bs.indent, true);
      if (!props.found) {
        if (props.anchor || value) fallback();
        commentEnd = props.end;
        continue;
      }
      items.push(value ? this.node(value, props, depth + 1) : this.empty(props.end, start, props, depth + 1));
      offset = this.end;
    }
    if (mark) mark.active = false;
    (result.span as { end: number }).end = offset;
    this.end = commentEnd ?? offset;
    return result;
  }

  /** Flow collections without comments, explicit keys or pairs in sequences (compose/resolve-flow-collection.js). */
  private flow(fc: CST.FlowCollection, anchor: string | undefined, depth: number): YNode {
    const isMapToken = fc.start.source === '{';
    const items: YNode[] = [];
    const map = isMapToken ? new MapAssembly() : undefined;
    const result: YMap | YSeq = map
      ? { type: 'map', entries: map.entries, span: { start: fc.offset, end: fc.offset } }
      : { type: 'seq', items, span: { start: fc.offset, end: fc.offset } };
    const mark = anchor === undefined ? undefined : { node: result, active: true };
    if (mark) this.anchors.set(anchor!, mark);
    let offset = fc.offset + fc.start.source.length;
    const count = fc.items.length;
    for (let i = 0; i < count; ++i) {
      const { start, key, sep, value } = fc.items[i]!;
      const props = readProps(start, true, 'explicit-key-ind', key ?? sep?.[0], offset, fc.indent, false);
      if (props.found || props.hasComment) fallback();
      if (!props.anchor && !sep && !value && !key) {
        // An empty item: only a trailing comma is allowed.
        if (i === 0 || i < count - 1) fallback();
        offset = props.end;
        continue;
      }
      if (i === 0 ? props.comma : !props.comma) fallback();
      if (!map) {
        if (sep || key || isBlock(value)) fallback();
        items.push(value ? this.node(value, props, depth + 1) : this.empty(props.end, undefined, props, depth + 1));
        offset = this.end;
        continue;
      }
      if (!isFlowScalar(key) || props.anchor || !sep || isBlock(value)) fallback();
      const keyNode = this.key(key);
      const valueProps = readProps(sep, true, 'map-value-ind', value, this.end, fc.indent, false);
      if (!valueProps.found || valueProps.hasComment) fallback();
      const valueNode = value ? this.node(value, valueProps, depth + 1) : this.empty(valueProps.end, sep, valueProps, depth + 1);
      map.add(this.problems, keyNode, valueNode);
      offset = this.end;
    }
    const [ce, ...rest] = fc.end;
    if (!ce || ce.source !== (isMapToken ? '}' : ']')) fallback();
    const cePos = ce.offset + ce.source.length;
    if (mark) mark.active = false;
    map?.finish();
    (result.span as { end: number }).end = cePos;
    this.end = rest.length > 0 ? endOffset(rest, cePos) : cePos;
    return result;
  }
}

function isBlock(token: CST.Token | undefined): boolean {
  return !!token && (token.type === 'block-map' || token.type === 'block-seq');
}

/** A map's entries as TreeBuilder.convertMap makes them: merge keys applied last, duplicates reported. */
export class MapAssembly {
  readonly entries: YEntry[] = [];
  private readonly merges: YNode[] = [];
  private readonly seen = new Map<string, Span>();

  add(problems: SyntaxProblem[], key: MapKey, value: YNode): void {
    if (key.merge) {
      this.merges.push(value);
      return;
    }
    if (this.seen.has(key.text)) reportDuplicateKey(problems, key.text, key.span);
    this.seen.set(key.text, key.span);
    this.entries.push({ key: key.text, keySpan: key.span, value });
  }

  finish(): void {
    applyMerges(this.entries, this.seen, this.merges);
  }
}

/**
 * Trees for every document of the stream `tokens` (from `new Parser().parse(text)`), or
 * `undefined` when a document needs the Composer (see above). `budget` is charged as TreeBuilder
 * charges it; on `undefined` it must be discarded.
 */
export function cstDocuments(tokens: readonly CST.Token[], limits: ParseLimits, budget: AliasBudget): CstDocument[] | undefined {
  const docs: { span: { start: number; end: number }; root: YNode; problems: readonly SyntaxProblem[]; aliasExpansion: number }[] = [];
  try {
    for (const token of tokens) {
      switch (token.type) {
        case 'document': {
          const before = budget.alias;
          const builder = new CstTreeBuilder(limits, budget);
          const { root, contentEnd } = builder.document(token);
          docs.push({ span: { start: token.offset, end: endOffset(token.end, contentEnd) }, root, problems: builder.problems, aliasExpansion: Math.max(0, before - budget.alias) });
          break;
        }
        case 'doc-end': {
          const doc = docs[docs.length - 1];
          if (!doc) fallback();
          doc.span.end = endOffset(token.end, token.offset + token.source.length);
          break;
        }
        case 'byte-order-mark':
        case 'space':
        case 'comment':
        case 'newline':
          break;
        default:
          fallback(); // directives, errors
      }
    }
  } catch {
    // CstFallback, or anything the Document path should meet (and report) itself.
    return undefined;
  }
  return docs;
}
