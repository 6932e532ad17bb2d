/** Resource lists as ordered maps of exact quantities: the operations Kubernetes' helpers use. */
import type { ResourceEntry } from '../model/pod';
import { addQuantities, compareQuantities } from '../model/quantity';
import type { Quantity } from '../model/quantity';

export type ResourceMap = Map<string, Quantity>;

/** Valid entries only; invalid quantities are reported by a rule and left out of the math. */
export function toMap(entries: readonly ResourceEntry[]): ResourceMap {
  const m: ResourceMap = new Map();
  for (const e of entries) if (e.quantity) m.set(e.name, e.quantity);
  return m;
}

/** addResourceList: every key of `add` is added into `into`. */
export function addInto(into: ResourceMap, add: ReadonlyMap<string, Quantity>): void {
  for (const [k, q] of add) {
    const cur = into.get(k);
    into.set(k, cur ? addQuantities(cur, q) : q);
  }
}

/** maxResourceList: `into[k] = max(into[k], other[k])` for every key of `other`. */
export function maxInto(into: ResourceMap, other: ReadonlyMap<string, Quantity>): void {
  for (const [k, q] of other) {
    const cur = into.get(k);
    if (!cur || compareQuantities(q, cur) > 0) into.set(k, q);
  }
}

export function sum(a: ReadonlyMap<string, Quantity>, b: ReadonlyMap<string, Quantity>): ResourceMap {
  const out: ResourceMap = new Map(a);
  addInto(out, b);
  return out;
}
