/**
 * Where a finding points: the offending key or value, never an empty span (each helper falls back
 * to a wider span the caller gives).
 */
import type { ContainerModel, PodSpecModel } from '../../../model/pod';
import { entry } from '../../../model/tree';
import type { Span, YEntry, YNode } from '../../../model/tree';

/** The key span of an entry when it has one, otherwise the fallback. */
export function keySpan(e: YEntry | undefined, fallback: Span): Span {
  return e && e.keySpan.end > e.keySpan.start ? e.keySpan : fallback;
}

/** Prefer the value (e.g. `Never` in `restartPolicy: Never`), then the key. */
export function valueSpan(e: YEntry | undefined, fallback: Span): Span {
  const v = e?.value;
  if (v && v.span.end > v.span.start) return v.span;
  return keySpan(e, fallback);
}

/** Span for a node, never empty: falls back to the given span. */
export function nodeSpan(node: YNode | undefined, fallback: Span): Span {
  return node && node.span.end > node.span.start ? node.span : fallback;
}

/** Where to point for a container as a whole: its `name:` key, or the first key of the item. */
export function containerAnchor(c: ContainerModel): Span {
  const e = entry(c.node, 'name');
  if (e && e.keySpan.end > e.keySpan.start) return e.keySpan;
  const first = c.node.entries[0];
  return first ? first.keySpan : { start: c.span.start, end: Math.min(c.span.end, c.span.start + 1) };
}

/** The `spec:` key that holds the pod spec (e.g. the `spec` under `template`). */
export function specKeySpan(pod: PodSpecModel): Span {
  let parent: YNode | undefined = pod.root;
  for (const k of pod.specPath.slice(0, -1)) parent = entry(parent, k)?.value;
  const e = entry(parent, pod.specPath[pod.specPath.length - 1] ?? 'spec');
  return e ? e.keySpan : pod.anchorSpan;
}
