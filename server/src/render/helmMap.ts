/**
 * Where a rendered value of a Helm chart comes from, in order of preference (issue 15):
 * 1. the values-file line whose key produced it (the highest-precedence values file that sets it, or the
 *    deepest key it does set when the value is missing);
 * 2. else the template line that writes the key;
 * 3. else the template's first line (the caller then names the rendered path in the message).
 * The template side is helmSkeleton.ts; this walks a rendered path through it, binding `range` items and
 * counting the items of values lists to find which template item wrote a rendered sequence item.
 */
import type { Span, YNode } from '../model/tree';
import { isMap, isScalar, isSeq } from '../model/tree';
import type { TemplateNode, ValuesRef, ItemSource } from './helmSkeleton';
import { deepestAlong, nodeAtPath } from './yamlPath';
import type { PathSeg, YamlPath } from './yamlPath';

/** One values file as the chart's template sees it: its tree and the prefix the chart's values sit under. */
export interface ValuesSource {
  readonly file: string;
  readonly root: YNode | undefined;
  /** `['cache']` for a subchart `cache` read from its parent's values; `[]` for the chart's own. */
  readonly prefix: readonly string[];
  /** `--set` paths (top-level chart paths): a value under one of them has no line to point at. */
  readonly set?: readonly (readonly PathSeg[])[];
}

/** Whether `--set` wrote `full` (or a map/list above it). */
function setBy(source: ValuesSource, full: readonly PathSeg[]): boolean {
  return (source.set ?? []).some((p) => p.length <= full.length && p.every((s, i) => s === full[i]));
}

export type Origin =
  | { readonly via: 'values'; readonly file: string; readonly span: Span; readonly valuesPath: readonly PathSeg[] }
  | { readonly via: 'template'; readonly file: string; readonly line: number }
  | { readonly via: 'first-line'; readonly file: string; readonly line: number };

/**
 * The origin of `path` in a rendered document written by the template document `root`.
 * `sources` are ordered highest precedence first (the last `-f` file first, the chart's values.yaml last).
 */
export function helmOrigin(root: TemplateNode, firstLine: number, path: YamlPath, sources: readonly ValuesSource[], value?: string, preferTemplate = false, repeated?: ReadonlyMap<number, PathSeg>): Origin {
  const bindings = new Map<number, PathSeg>(repeated ?? []);
  let node = root;
  let best: Origin = { via: 'first-line', file: root.file, line: firstLine };
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    if (typeof seg === 'string') {
      const child = node.children.get(seg);
      if (child) {
        node = child;
        best = { via: 'template', file: child.file, line: child.line };
        continue;
      }
      const rest = path.slice(i);
      return blockOrigin(node.blocks, rest, bindings, sources) ?? best;
    }
    const item = itemAt(node.items, seg, bindings, sources);
    if (!item) return best;
    if (item.source.kind === 'static') {
      node = item.source.node;
      best = { via: 'template', file: node.file, line: node.line };
      continue;
    }
    const list = bound(item.source.list, bindings);
    if (!list) return best;
    if (item.source.node && item.source.range !== undefined) {
      bindings.set(item.source.range, item.key);
      node = item.source.node;
      best = { via: 'template', file: node.file, line: node.line };
      continue;
    }
    return valuesOrigin([...list, item.key, ...path.slice(i + 1)], sources) ?? best;
  }
  // The path ends on a template key: a scalar from values, or the key of a block's values.
  // `preferTemplate`: the template line that writes the key (a hover on it shows the rendered value).
  if (preferTemplate) return best;
  // A scalar from values: the reference whose value is the one the finding is about, else the first set.
  const set = (node.scalar ?? []).map((ref) => bound(ref, bindings)).flatMap((p) => {
    const e = p ? effective(p, sources) : undefined;
    return p && e ? [{ path: p, text: isScalar(e.node) && e.node.value !== null ? String(e.node.value) : undefined }] : [];
  });
  // A `--set` value has no text here: when no values file has the value, `--set` wrote it.
  // An empty value that matches nothing was filled by `default` (`{{ .tag | default "latest" }}`): the empty key is the one to set.
  const chosen = (value !== undefined ? set.find((s) => s.text === value) ?? set.find((s) => s.text === undefined) ?? set.find((s) => s.text === '') : undefined) ?? set[0];
  if (chosen) return valuesOrigin(chosen.path, sources) ?? best;
  if (node.scalar === undefined) {
    for (const block of node.blocks) {
      const p = bound(block, bindings);
      const found = p ? valuesOrigin(p, sources) : undefined;
      if (found) return found;
    }
  }
  return best;
}

function blockOrigin(blocks: readonly ValuesRef[], rest: YamlPath, bindings: ReadonlyMap<number, PathSeg>, sources: readonly ValuesSource[]): Origin | undefined {
  const paths = blocks.map((b) => bound(b, bindings)).filter((p): p is PathSeg[] => p !== undefined);
  // The block whose values have the rendered key wrote it; with none, the first block's deepest key.
  const first = rest[0]!;
  const writer = paths.find((p) => effective([...p, first], sources)) ?? paths[0];
  return writer ? valuesOrigin([...writer, ...rest], sources) : undefined;
}

/**
 * The entries a `range` over `list` visits, in order: a list's indexes, a map's keys sorted (as Go
 * templates range over maps); empty when the values are unknown.
 */
export function rangeKeys(list: readonly VSegLike[], sources: readonly ValuesSource[], bindings: ReadonlyMap<number, PathSeg> = new Map()): PathSeg[] {
  const path = bound(list, bindings);
  const value = path ? effective(path, sources)?.node : undefined;
  return isSeq(value) ? value.items.map((_, i) => i) : isMap(value) ? value.entries.map((e) => e.key).sort() : [];
}

type VSegLike = ValuesRef[number];

/** Which item source wrote rendered item `index`: static items count one, values lists their length. */
function itemAt(items: readonly ItemSource[], index: number, bindings: ReadonlyMap<number, PathSeg>, sources: readonly ValuesSource[]): { source: ItemSource; key: PathSeg } | undefined {
  let cursor = 0;
  for (const source of items) {
    if (source.kind === 'static') {
      if (index === cursor) return { source, key: 0 };
      cursor++;
      continue;
    }
    const list = bound(source.list, bindings);
    const value = list ? effective(list, sources)?.node : undefined;
    const keys: PathSeg[] = isSeq(value) ? value.items.map((_, i) => i) : isMap(value) && source.range !== undefined ? value.entries.map((e) => e.key).sort() : [];
    if (index < cursor + keys.length) return { source, key: keys[index - cursor]! };
    cursor += keys.length;
  }
  return undefined;
}

function bound(ref: ValuesRef, bindings: ReadonlyMap<number, PathSeg>): PathSeg[] | undefined {
  const out: PathSeg[] = [];
  for (const seg of ref) {
    if (typeof seg === 'string') { out.push(seg); continue; }
    const b = bindings.get(seg.range);
    if (b === undefined) return undefined;
    out.push(b);
  }
  return out;
}

/** The values file that sets `path` (highest precedence first); lists are replaced whole, maps merged. */
export function effective(path: YamlPath, sources: readonly ValuesSource[]): { source: ValuesSource; node: YNode | undefined } | undefined {
  for (const source of sources) {
    const full = [...source.prefix, ...path];
    if (source.set) { if (setBy(source, full)) return { source, node: undefined }; continue; }
    const hit = deepestAlong(source.root, full);
    if (hit.depth === full.length) return { source, node: nodeAtPath(source.root, full) };
  }
  return undefined;
}

/** The values line for `path`: the file that sets it, else the file with the deepest key along it. */
export function valuesOrigin(path: YamlPath, sources: readonly ValuesSource[]): Origin | undefined {
  let best: { source: ValuesSource; depth: number; span: Span } | undefined;
  for (const source of sources) {
    const full = [...source.prefix, ...path];
    if (source.set) { if (setBy(source, full)) return undefined; continue; }
    const hit = deepestAlong(source.root, full);
    const depth = hit.depth - source.prefix.length;
    if (depth <= 0) continue;
    if (!best || depth > best.depth) best = { source, depth, span: hit.span };
    if (depth === path.length) break;
  }
  return best ? { via: 'values', file: best.source.file, span: best.span, valuesPath: path.slice(0, best.depth) } : undefined;
}
