/**
 * Finds what the cursor is on inside a pod's YAML: the key path from the workload root and whether
 * the cursor is on a key or on a scalar value. Walks the plain tree (model/tree.ts) only.
 */
import type { Span, YNode } from '../../model/tree';

export type PathSegment = string | number;

export interface Located {
  /** Keys and list indexes from the workload root down to the entry under the cursor. */
  readonly path: readonly PathSegment[];
  readonly onKey: boolean;
  /** The key's or the scalar value's span (the hover range). */
  readonly span: Span;
  /** The value of the entry (or the list item) under the cursor. */
  readonly node: YNode | undefined;
}

const within = (s: Span, o: number) => s.start <= o && o <= s.end && s.end > s.start;

/** Bounded descent: templates and aliases can nest deeply, but a hover never needs more than this. */
const MAX_DEPTH = 64;

export function locate(root: YNode, offset: number): Located | undefined {
  const path: PathSegment[] = [];
  let node: YNode = root;
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    if (node.type === 'map') {
      let next: YNode | undefined;
      for (let i = node.entries.length - 1; i >= 0; i--) {
        const e = node.entries[i]!;
        if (within(e.keySpan, offset)) return { path: [...path, e.key], onKey: true, span: e.keySpan, node: e.value };
        if (e.value && within(e.value.span, offset)) {
          path.push(e.key);
          next = e.value;
          break;
        }
      }
      if (!next) return undefined;
      node = next;
    } else if (node.type === 'seq') {
      const i = node.items.findIndex((it) => within(it.span, offset));
      if (i < 0) return undefined;
      path.push(i);
      node = node.items[i]!;
    } else {
      return path.length > 0 && within(node.span, offset) ? { path, onKey: false, span: node.span, node } : undefined;
    }
  }
  return undefined;
}

/** `path` starts with `prefix` (same segments). */
export function startsWith(path: readonly PathSegment[], prefix: readonly PathSegment[]): boolean {
  return prefix.length <= path.length && prefix.every((p, i) => path[i] === p);
}
