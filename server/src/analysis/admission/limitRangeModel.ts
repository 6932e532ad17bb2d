/**
 * A LimitRange as the LimitRanger admission plugin reads it: the stored object, after the API server's
 * defaulting of each item (pkg/apis/core/v1 SetDefaults_LimitRangeItem, then SetDefaults_ResourceList):
 *  - for `type: Container`: a missing `default` takes `max`, a missing `defaultRequest` takes `default`,
 *    then `min` (per resource, by key presence);
 *  - every list is rounded up to milli precision, and the plugin reads the object back from storage.
 * Each value remembers the field that was written, so an explanation can say where a number came from.
 * https://kubernetes.io/docs/concepts/policy/limit-range/
 */
import { roundUpQuantity, storedQuantity } from '../../model/quantity';
import type { Quantity } from '../../model/quantity';
import { get, isMap, items, str } from '../../model/tree';
import type { Span, YMap, YNode } from '../../model/tree';
import type { Range } from '../../model/lineIndex';
import { resourceList } from '../../model/containerModel';

export const LIMIT_FIELDS = ['max', 'min', 'default', 'defaultRequest', 'maxLimitRequestRatio'] as const;
export type LimitField = (typeof LIMIT_FIELDS)[number];

export interface LimitValue {
  readonly quantity: Quantity;
  /** The field written in the file that gave this value (differs from the list's own field when defaulted). */
  readonly writtenIn: LimitField;
  /** The written key (of `writtenIn`), for ranges in messages and links. */
  readonly keySpan: Span;
}

export interface LimitRangeItemModel {
  readonly index: number;
  /** `Container`, `Pod`, `PersistentVolumeClaim` or anything written (the plugin ignores other types). */
  readonly type: string;
  readonly span: Span;
  readonly lists: Readonly<Record<LimitField, ReadonlyMap<string, LimitValue>>>;
}

/** Where a LimitRange was read: its file (as shown to the user) and a way to turn its spans into lines. */
export interface LimitRangeSource {
  /** The file as messages show it (workspace-relative where possible), e.g. `ns/limits.yaml`. */
  readonly file: string;
  /** The file's URI or path, for links; undefined when the LimitRange is in the pod's own file. */
  readonly uri?: string;
  /** 1-based line of a span start of this LimitRange (its spans are local to the text it was read from); 0: unknown. */
  readonly lineOf: (offset: number) => number;
  /** The range of a span of this LimitRange in its file (0-based lines), when the file's lines are known. */
  readonly rangeOf?: (span: Span) => Range;
}

export interface LimitRangeModel {
  readonly name: string;
  readonly source?: LimitRangeSource | undefined;
  /** metadata.namespace as written (undefined: the namespace it is applied to). */
  readonly namespace: string | undefined;
  readonly root: YMap;
  /** The `kind:` entry's span, or the object's. */
  readonly anchorSpan: Span;
  readonly items: readonly LimitRangeItemModel[];
}

const MILLI = -3;

export function isLimitRange(root: YNode | undefined): root is YMap {
  return isMap(root) && str(get(root, 'kind')) === 'LimitRange' && str(get(root, 'apiVersion')) === 'v1';
}

/** The LimitRange in a document root, or undefined when the root is not one. */
export function readLimitRange(root: YNode | undefined, source?: LimitRangeSource): LimitRangeModel | undefined {
  if (!isLimitRange(root)) return undefined;
  const meta = get(root, 'metadata');
  const kindEntry = root.entries.find((e) => e.key === 'kind');
  const limits = items(get(get(root, 'spec'), 'limits'));
  const out: LimitRangeItemModel[] = [];
  limits.forEach((node, index) => {
    if (!isMap(node)) return;
    out.push(readItem(node, index));
  });
  return {
    name: str(get(meta, 'name')) ?? '',
    source,
    namespace: str(get(meta, 'namespace')),
    root,
    anchorSpan: kindEntry ? { start: kindEntry.keySpan.start, end: kindEntry.value?.span.end ?? kindEntry.keySpan.end } : root.span,
    items: out,
  };
}

function readItem(node: YMap, index: number): LimitRangeItemModel {
  const type = str(get(node, 'type')) ?? '';
  const lists = {} as Record<LimitField, Map<string, LimitValue>>;
  for (const field of LIMIT_FIELDS) {
    const m = new Map<string, LimitValue>();
    for (const e of resourceList(get(node, field))) {
      if (e.quantity) m.set(e.name, { quantity: e.quantity, writtenIn: field, keySpan: e.keySpan });
    }
    lists[field] = m;
  }
  if (type === 'Container') {
    // SetDefaults_LimitRangeItem, in its order.
    for (const [k, v] of lists.max) if (!lists.default.has(k)) lists.default.set(k, v);
    for (const [k, v] of lists.default) if (!lists.defaultRequest.has(k)) lists.defaultRequest.set(k, v);
    for (const [k, v] of lists.min) if (!lists.defaultRequest.has(k)) lists.defaultRequest.set(k, v);
  }
  // SetDefaults_ResourceList (milli rounding), then the round trip through storage.
  for (const field of LIMIT_FIELDS) {
    for (const [k, v] of lists[field]) lists[field].set(k, { ...v, quantity: storedQuantity(roundUpQuantity(v.quantity, MILLI)) });
  }
  return { index, type, span: node.span, lists };
}

/** "ns/limits.yaml:12": where a value of a LimitRange was written (its file and line), or just the file. */
export function whereWritten(lr: LimitRangeModel, span: Span | undefined): string {
  const src = lr.source;
  if (!src) return '';
  const line = span ? src.lineOf(span.start) : 0;
  return line > 0 ? `${src.file}:${line}` : src.file;
}
