/**
 * Label selectors as Kubernetes reads them. A Service selects by a plain map (`spec.selector`, every
 * pair must match); workloads and PodDisruptionBudgets by a metav1.LabelSelector (`matchLabels` and
 * `matchExpressions`, all requirements must hold). Spec: apimachinery pkg/apis/meta/v1/helpers.go
 * LabelSelectorAsSelector, pkg/labels/selector.go Requirement.Matches.
 */
import { entry, getPath, isMap, isScalar, isSeq, items, str } from '../../model/tree';
import type { YNode } from '../../model/tree';

export type LabelMap = ReadonlyMap<string, string>;

export interface Requirement {
  readonly key: string;
  readonly op: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  readonly values: readonly string[];
}

/** The string map of a YAML mapping; undefined when absent or null, 'invalid' when a value is not a string. */
export function stringMap(node: YNode | undefined): Map<string, string> | undefined | 'invalid' {
  if (node === undefined || (isScalar(node) && node.value === null)) return undefined;
  if (!isMap(node)) return 'invalid';
  const out = new Map<string, string>();
  for (const e of node.entries) {
    if (!isScalar(e.value) || typeof e.value.value !== 'string') return 'invalid';
    out.set(e.key, e.value.value);
  }
  return out;
}

/** metav1.LabelSelectorAsSelector: the requirements (empty: selects everything), or undefined when unreadable. */
export function selectorRequirements(selector: YNode): Requirement[] | undefined {
  if (!isMap(selector)) return undefined;
  const out: Requirement[] = [];
  const ml = stringMap(entry(selector, 'matchLabels')?.value);
  if (ml === 'invalid') return undefined;
  for (const [key, v] of ml ?? []) out.push({ key, op: 'In', values: [v] });
  const me = entry(selector, 'matchExpressions')?.value;
  if (me !== undefined && !(isScalar(me) && me.value === null)) {
    if (!isSeq(me)) return undefined;
    for (const x of items(me)) {
      const key = str(getPath(x, ['key']));
      const op = str(getPath(x, ['operator']));
      const values = items(getPath(x, ['values'])).map((v) => (isScalar(v) && typeof v.value === 'string' ? v.value : undefined));
      if (key === undefined || values.some((v) => v === undefined)) return undefined;
      if (op !== 'In' && op !== 'NotIn' && op !== 'Exists' && op !== 'DoesNotExist') return undefined;
      out.push({ key, op, values: values as string[] });
    }
  }
  return out;
}

/** The requirements of a plain map selector (a Service's, a ReplicationController's). */
export function mapRequirements(selector: LabelMap): Requirement[] {
  return [...selector].map(([key, v]) => ({ key, op: 'In', values: [v] }));
}

export function matches(reqs: readonly Requirement[], labels: LabelMap): boolean {
  return reqs.every((r) => {
    const v = labels.get(r.key);
    switch (r.op) {
      case 'In': return v !== undefined && r.values.includes(v);
      case 'NotIn': return v === undefined || !r.values.includes(v);
      case 'Exists': return v !== undefined;
      default: return v === undefined;
    }
  });
}

/** The labels as the API server prints them (Go's JSON of a map: keys sorted), or null. */
export function shownLabels(labels: LabelMap | undefined): string {
  if (!labels) return 'null';
  const o: Record<string, string> = {};
  for (const k of [...labels.keys()].sort()) o[k] = labels.get(k)!;
  return JSON.stringify(o);
}
