/**
 * A ResourceQuota against its namespace's workloads: for each `hard` entry the workspace can count, what
 * the workloads (replicas × one pod's usage, for the names the pod evaluator tracks, from the pods the
 * quota's scopes select) or the objects (object-count names, in quotas without scopes: the object-count
 * evaluator matches no scope) use, and who uses it. Shared by resource-quota-exceeded,
 * resource-quota-surge and the quota hover.
 */
import { addQuantities, compareQuantities, parseQuantity } from '../../model/quantity';
import type { Quantity } from '../../model/quantity';
import type { KubeVersion } from '../../model/version';
import { matchesScope, matchingResources } from '../admission/podQuotaEvaluator';
import { readResourceQuota } from '../admission/resourceQuotaModel';
import type { HardEntry, ResourceQuotaModel } from '../admission/resourceQuotaModel';
import type { IndexedObject } from './objects';
import type { NamespaceQuotaUsage, WorkloadQuota } from './quotaUsage';

export interface Contribution {
  readonly owner: IndexedObject;
  /** Pods counted (1 for an object count). */
  readonly pods: number;
  /** One pod's usage (undefined for an object count). */
  readonly perPod: Quantity | undefined;
  readonly total: Quantity;
}

export interface TallyRow {
  readonly hard: HardEntry;
  readonly used: Quantity;
  /** Largest first. */
  readonly contributions: readonly Contribution[];
  /** Counted from pods (the pod evaluator's names), not objects. */
  readonly fromPods: boolean;
}

export interface QuotaTally {
  /** The entries the workspace can count, in written order; others (storage, unknown kinds) are left out. */
  readonly rows: readonly TallyRow[];
  /** The workloads whose pods the quota selects (with pods > 0). */
  readonly workloads: readonly WorkloadQuota[];
  /** A selected workload is written twice in the namespace, or a scope cannot be evaluated: numbers not sure. */
  readonly unsure: boolean;
}

export function times(q: Quantity, n: number): Quantity {
  return { mantissa: q.mantissa * BigInt(n), exponent: q.exponent, format: q.format };
}

const ZERO = parseQuantity('0')!;

const memo = new WeakMap<NamespaceQuotaUsage, Map<IndexedObject, { quota: ResourceQuotaModel; tally: QuotaTally } | undefined>>();

/** The ResourceQuota object read and tallied once per namespace usage (that is, per index generation and version). */
export function quotaTallyOf(quotaObject: IndexedObject, usage: NamespaceQuotaUsage, version: KubeVersion): { quota: ResourceQuotaModel; tally: QuotaTally } | undefined {
  let byQuota = memo.get(usage);
  if (!byQuota) memo.set(usage, (byQuota = new Map()));
  if (byQuota.has(quotaObject)) return byQuota.get(quotaObject);
  const quota = quotaObject.tree && !quotaObject.templated ? readResourceQuota(quotaObject.tree.root) : undefined;
  const out = quota && { quota, tally: tallyQuota(quota, usage, version) };
  byQuota.set(quotaObject, out);
  return out;
}

export function tallyQuota(quota: ResourceQuotaModel, usage: NamespaceQuotaUsage, version: KubeVersion): QuotaTally {
  let unsure = false;
  const tracksPods = matchingResources(quota.hard.map((h) => h.name), version).length > 0;
  const workloads = !tracksPods ? [] : usage.workloads.filter((w) => {
    if (w.pods === 0) return false;
    try {
      let scopes = true;
      for (const s of quota.selectors) scopes = matchesScope(s, w.scope) && scopes;
      return scopes;
    } catch {
      unsure = true;
      return false;
    }
  });
  if (workloads.some((w) => w.writtenTwice)) unsure = true;
  const tracked = new Set(matchingResources(quota.hard.map((h) => h.name), version));
  const rows: TallyRow[] = [];
  for (const hard of quota.hard) {
    if (tracked.has(hard.name)) {
      const contributions: Contribution[] = [];
      for (const w of workloads) {
        const per = w.usage.get(hard.name);
        if (per) contributions.push({ owner: w.owner, pods: w.pods, perPod: per, total: times(per, w.pods) });
      }
      rows.push({ hard, used: sum(contributions), contributions: sorted(contributions), fromPods: true });
    } else if (quota.selectors.length === 0 && isObjectCount(hard.name)) {
      const n = usage.objects.get(hard.name) ?? 0;
      rows.push({ hard, used: parseQuantity(String(n))!, contributions: [], fromPods: false });
    }
  }
  return { rows, workloads, unsure };
}

/** Object-count names the workspace counts (quotaUsage.ts objectCounts). */
function isObjectCount(name: string): boolean {
  return name.startsWith('count/') || ['services', 'configmaps', 'secrets', 'persistentvolumeclaims', 'replicationcontrollers', 'resourcequotas', 'services.loadbalancers', 'services.nodeports'].includes(name);
}

function sum(cs: readonly Contribution[]): Quantity {
  return cs.reduce((t, c) => addQuantities(t, c.total), ZERO);
}

function sorted(cs: Contribution[]): Contribution[] {
  return cs.sort((a, b) => compareQuantities(b.total, a.total));
}

export function exceeds(row: TallyRow): boolean {
  return compareQuantities(row.used, row.hard.quantity) > 0;
}
