/**
 * LimitRange objects as the LimitRanger admission plugin reads them from its informer: each item after the
 * API server's defaulting of the LimitRange (core/v1 SetDefaults_LimitRangeItem: for type Container, a missing
 * `default` takes `max`, a missing `defaultRequest` takes `default`, then `min`), every value rounded to milli
 * precision (SetDefaults_ResourceList) and in its stored form (written and read back, storedQuantity).
 * Kubernetes: pkg/apis/core/v1/defaults.go, plugin/pkg/admission/limitranger (v1.37.2).
 */
import type { ParsedDocument } from './parse';
import type { Quantity } from './quantity';
import { roundUpQuantity, storedQuantity } from './quantity';
import { resourceList } from './containerModel';
import { entry, get, isMap, items, str } from './tree';
import type { Span, YMap } from './tree';

export type LimitRangeConstraint = 'default' | 'defaultRequest' | 'min' | 'max' | 'maxLimitRequestRatio';
export const LIMIT_RANGE_CONSTRAINTS: readonly LimitRangeConstraint[] = ['default', 'defaultRequest', 'min', 'max', 'maxLimitRequestRatio'];

/** One value of a LimitRange item, with where it was written (undefined when defaulting put it there). */
export interface LimitRangeValue {
  readonly quantity: Quantity;
  readonly span: Span | undefined;
  /** The constraint it was copied from by SetDefaults_LimitRangeItem (`max` for a defaulted `default`). */
  readonly defaultedFrom?: LimitRangeConstraint;
}

export interface LimitRangeItem {
  /** `Container`, `Pod` or `PersistentVolumeClaim` (others are kept and ignored by pods). */
  readonly type: string;
  readonly span: Span;
  readonly values: ReadonlyMap<LimitRangeConstraint, ReadonlyMap<string, LimitRangeValue>>;
}

export interface LimitRangeModel {
  readonly name: string;
  /** metadata.namespace as written; undefined: the namespace the object would be created in. */
  readonly namespace: string | undefined;
  readonly document: number;
  /** The `kind:` entry, to name the object in messages (`file:line`). */
  readonly kindSpan: Span;
  readonly items: readonly LimitRangeItem[];
}

const MILLI = -3;

/** Every LimitRange in the documents (List items too). */
export function findLimitRanges(documents: readonly ParsedDocument[]): LimitRangeModel[] {
  const out: LimitRangeModel[] = [];
  for (const doc of documents) {
    const root = doc.root;
    if (!isMap(root)) continue;
    const kind = str(get(root, 'kind'));
    if (kind === 'List' || (kind?.endsWith('List') && get(root, 'items'))) {
      for (const item of items(get(root, 'items'))) if (isMap(item)) pushLimitRange(out, item, doc.index);
    } else {
      pushLimitRange(out, root, doc.index);
    }
  }
  return out;
}

function pushLimitRange(out: LimitRangeModel[], root: YMap, document: number): void {
  if (str(get(root, 'kind')) !== 'LimitRange') return;
  const apiVersion = str(get(root, 'apiVersion'));
  if (apiVersion !== undefined && apiVersion !== 'v1') return;
  const metadata = get(root, 'metadata');
  const kindEntry = entry(root, 'kind')!;
  const limitItems: LimitRangeItem[] = [];
  for (const item of items(get(get(root, 'spec'), 'limits'))) {
    if (!isMap(item)) continue;
    limitItems.push(limitRangeItem(item));
  }
  out.push({
    name: str(get(metadata, 'name')) ?? '',
    namespace: str(get(metadata, 'namespace')),
    document,
    kindSpan: { start: kindEntry.keySpan.start, end: kindEntry.value?.span.end ?? kindEntry.keySpan.end },
    items: limitItems,
  });
}

function limitRangeItem(item: YMap): LimitRangeItem {
  const type = str(get(item, 'type')) ?? '';
  const written = new Map<LimitRangeConstraint, Map<string, LimitRangeValue>>();
  for (const c of LIMIT_RANGE_CONSTRAINTS) {
    const values = new Map<string, LimitRangeValue>();
    for (const e of resourceList(get(item, c))) {
      if (e.quantity) values.set(e.name, { quantity: e.quantity, span: e.node?.span ?? e.keySpan });
    }
    written.set(c, values);
  }
  if (type === 'Container') {
    const copy = (from: LimitRangeConstraint, to: LimitRangeConstraint) => {
      const target = written.get(to)!;
      for (const [name, v] of written.get(from)!) {
        if (!target.has(name)) target.set(name, { quantity: v.quantity, span: v.span, defaultedFrom: v.defaultedFrom ?? from });
      }
    };
    copy('max', 'default');
    copy('default', 'defaultRequest');
    copy('min', 'defaultRequest');
  }
  const values = new Map<LimitRangeConstraint, ReadonlyMap<string, LimitRangeValue>>();
  for (const [c, m] of written) {
    const settled = new Map<string, LimitRangeValue>();
    for (const [name, v] of m) settled.set(name, { ...v, quantity: storedQuantity(roundUpQuantity(v.quantity, MILLI)) });
    values.set(c, settled);
  }
  return { type, span: item.span, values };
}
