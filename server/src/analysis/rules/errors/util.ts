/**
 * Shared helpers for the API-server validation rules in this folder: field paths written the way
 * the API server prints them (k8s.io/apimachinery/pkg/util/validation/field), values formatted like
 * Go's `%q`/`%d`, and spans that point at the offending key or value.
 * https://kubernetes.io/docs/reference/using-api/api-concepts/#field-validation
 */
import type { ContainerModel, PodSpecModel } from '../../../model/pod';
import { entry, isMap, isScalar, isSeq } from '../../../model/tree';
import type { Span, YEntry, YNode } from '../../../model/tree';

/** `spec.template.spec` for a Deployment, `spec` for a Pod. */
export function specPathOf(pod: PodSpecModel): string {
  return pod.specPath.join('.');
}

/** `spec.initContainers[0]`. */
export function containerPath(pod: PodSpecModel, c: ContainerModel): string {
  return `${specPathOf(pod)}.${c.listKey}[${c.index}]`;
}

/** Go's %q for strings (what field.Invalid prints for string values). */
export function q(value: string): string {
  return JSON.stringify(value);
}

/** A field.Invalid value as the API server prints it: strings quoted, numbers and booleans bare. */
export function goValue(node: YNode | undefined): string {
  if (!isScalar(node)) return isSeq(node) ? '[...]' : isMap(node) ? '{...}' : 'null';
  const v = node.value;
  if (typeof v === 'string') return q(v);
  if (v === null) return 'null';
  return String(v);
}

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

/** The entry of `key` in `map` when it is set to something other than null. */
export function setEntry(map: YNode | undefined, key: string): YEntry | undefined {
  const e = entry(map, key);
  if (!e || e.value === undefined) return undefined;
  if (isScalar(e.value) && e.value.value === null) return undefined;
  return e;
}

/** Where to point for a container as a whole: its `name:` key, or the first line of the item. */
export function containerAnchor(c: ContainerModel): Span {
  const e = entry(c.node, 'name');
  if (e) return e.keySpan;
  const first = c.node.entries[0];
  return first ? first.keySpan : { start: c.span.start, end: Math.min(c.span.end, c.span.start + 1) };
}

/**
 * A key written with no value (`image:`). Template expressions (`{{ ... }}`) are blanked before
 * parsing and leave exactly this, so "required" checks treat it as unknown rather than missing.
 */
export function isPresentNull(e: YEntry | undefined): boolean {
  return e !== undefined && (e.value === undefined || (isScalar(e.value) && e.value.value === null));
}

/** An integer when the node is an integer scalar (YAML int), else undefined. */
export function intValue(node: YNode | undefined): number | undefined {
  return isScalar(node) && typeof node.value === 'number' && Number.isInteger(node.value) ? node.value : undefined;
}

/** The `spec:` key that holds the pod spec (e.g. the `spec` under `template`). */
export function specKeySpan(pod: PodSpecModel): Span {
  let parent: YNode | undefined = pod.root;
  for (const k of pod.specPath.slice(0, -1)) parent = entry(parent, k)?.value;
  const e = entry(parent, pod.specPath[pod.specPath.length - 1] ?? 'spec');
  return e ? e.keySpan : pod.anchorSpan;
}
