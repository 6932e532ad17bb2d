/**
 * Paths into a plain YAML tree (model/tree.ts): the path of the node at an offset, and the deepest node
 * along a path. A path is a list of map keys and sequence indexes, e.g.
 * `['spec', 'template', 'spec', 'containers', 1, 'resources']`.
 */
import { entry, isMap, isSeq } from '../model/tree';
import type { Span, YNode } from '../model/tree';

export type PathSeg = string | number;
export type YamlPath = readonly PathSeg[];

/** The path of the innermost node (or map key) containing `offset`. */
export function pathAt(root: YNode | undefined, offset: number): PathSeg[] {
  const out: PathSeg[] = [];
  let node = root;
  for (;;) {
    if (isMap(node)) {
      const hit = node.entries.find((e) => within(e.keySpan, offset) || (e.value !== undefined && within(e.value.span, offset)));
      if (!hit) return out;
      out.push(hit.key);
      if (within(hit.keySpan, offset) || hit.value === undefined) return out;
      node = hit.value;
    } else if (isSeq(node)) {
      const i = node.items.findIndex((it) => within(it.span, offset));
      if (i < 0) return out;
      out.push(i);
      node = node.items[i];
    } else return out;
  }
}

function within(span: Span, offset: number): boolean {
  return offset >= span.start && offset < Math.max(span.end, span.start + 1);
}

export function nodeAtPath(root: YNode | undefined, path: YamlPath): YNode | undefined {
  let node = root;
  for (const seg of path) {
    if (typeof seg === 'number') node = isSeq(node) ? node.items[seg] : undefined;
    else node = entry(node, seg)?.value;
    if (node === undefined) return undefined;
  }
  return node;
}

export interface PathHit {
  /** How many segments of the path exist. */
  readonly depth: number;
  /** The key of the deepest existing map entry along the path (or the item for an index), the root's span at depth 0. */
  readonly span: Span;
  readonly node: YNode | undefined;
}

/** The deepest node along `path` that exists, with the span a person would edit (its key). */
export function deepestAlong(root: YNode | undefined, path: YamlPath): PathHit {
  let node = root;
  let hit: PathHit = { depth: 0, span: root ? { start: root.span.start, end: root.span.start } : { start: 0, end: 0 }, node: root };
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    if (typeof seg === 'number') {
      const item = isSeq(node) ? node.items[seg] : undefined;
      if (!item) break;
      node = item;
      hit = { depth: i + 1, span: firstKeySpan(item), node: item };
    } else {
      const e = entry(node, seg);
      if (!e) break;
      node = e.value;
      hit = { depth: i + 1, span: e.keySpan, node: e.value };
    }
  }
  return hit;
}

/** A sequence item's first key (the line of its `- `), or the item itself. */
function firstKeySpan(item: YNode): Span {
  if (isMap(item) && item.entries[0]) return item.entries[0].keySpan;
  return item.span;
}

export function formatPath(path: YamlPath): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out ? `.${seg}` : seg;
  return out;
}
