/**
 * A ResourceQuota as the quota admission plugin reads it: `spec.hard` (the quota controller copies it to
 * `status.hard`; the API server stores each quantity in its canonical form), `spec.scopes` and
 * `spec.scopeSelector.matchExpressions`. Each hard entry keeps its key's span, so a rule or hover can point
 * at the exact line.
 * https://kubernetes.io/docs/concepts/policy/resource-quotas/
 */
import { storedQuantity } from '../../model/quantity';
import type { Quantity } from '../../model/quantity';
import { get, isMap, items, str, strList } from '../../model/tree';
import type { Span, YMap, YNode } from '../../model/tree';
import { resourceList } from '../../model/containerModel';

export interface HardEntry {
  readonly name: string;
  /** As stored: the canonical form of the written quantity. */
  readonly quantity: Quantity;
  readonly keySpan: Span;
}

/** One `scopeSelector.matchExpressions` item (a `scopes` item is the same with operator Exists). */
export interface ScopeRequirement {
  readonly scopeName: string;
  readonly operator: string;
  readonly values: readonly string[];
}

export interface ResourceQuotaModel {
  readonly name: string;
  /** metadata.namespace as written (undefined: the namespace it is applied in). */
  readonly namespace: string | undefined;
  readonly root: YMap;
  /** The `kind:` entry's span, or the object's. */
  readonly anchorSpan: Span;
  /** The `hard:` key's span (undefined when absent). */
  readonly hardKeySpan: Span | undefined;
  /** Valid entries only, in written order (the last of duplicate keys). */
  readonly hard: readonly HardEntry[];
  /** `spec.scopes`, then `spec.scopeSelector.matchExpressions` (generic getScopeSelectorsFromQuota). */
  readonly selectors: readonly ScopeRequirement[];
}

export function isResourceQuota(root: YNode | undefined): root is YMap {
  return isMap(root) && str(get(root, 'kind')) === 'ResourceQuota' && str(get(root, 'apiVersion')) === 'v1';
}

/** The ResourceQuota in a document root, or undefined when the root is not one. */
export function readResourceQuota(root: YNode | undefined): ResourceQuotaModel | undefined {
  if (!isResourceQuota(root)) return undefined;
  const meta = get(root, 'metadata');
  const spec = get(root, 'spec');
  const kindEntry = root.entries.find((e) => e.key === 'kind');
  const hardEntry = isMap(spec) ? spec.entries.find((e) => e.key === 'hard') : undefined;
  const hard: HardEntry[] = [];
  for (const e of resourceList(hardEntry?.value)) {
    if (e.quantity) hard.push({ name: e.name, quantity: storedQuantity(e.quantity), keySpan: e.keySpan });
  }
  const selectors: ScopeRequirement[] = [];
  for (const s of strList(get(spec, 'scopes')) ?? []) selectors.push({ scopeName: s, operator: 'Exists', values: [] });
  for (const m of items(get(get(spec, 'scopeSelector'), 'matchExpressions'))) {
    selectors.push({ scopeName: str(get(m, 'scopeName')) ?? '', operator: str(get(m, 'operator')) ?? '', values: strList(get(m, 'values')) ?? [] });
  }
  return {
    name: str(get(meta, 'name')) ?? '',
    namespace: str(get(meta, 'namespace')),
    root,
    anchorSpan: kindEntry ? { start: kindEntry.keySpan.start, end: kindEntry.value?.span.end ?? kindEntry.keySpan.end } : root.span,
    hardKeySpan: hardEntry?.keySpan,
    hard,
    selectors,
  };
}

export function hardMap(quota: ResourceQuotaModel): Map<string, Quantity> {
  return new Map(quota.hard.map((h) => [h.name, h.quantity]));
}
