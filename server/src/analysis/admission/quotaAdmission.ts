/**
 * The ResourceQuota admission plugin's decision on a pod's create (k8s.io/apiserver
 * pkg/admission/plugin/resourcequota, controller.go CheckRequest), given each quota of the namespace with
 * its `status.used`: a matching quota first checks the evaluator's Constraints, then the pod's non-zero
 * usage is added to `used` for the names the quota limits, and the create is refused when a sum passes
 * `hard`. Nothing is charged unless every matching quota has room. The messages are the plugin's own.
 */
import { addQuantities, compareQuantities, formatQuantity, isZero } from '../../model/quantity';
import type { Quantity } from '../../model/quantity';
import type { KubeVersion } from '../../model/version';
import type { ResourceMap } from '../resourceMath';
import type { PodScopeFacts } from './podQuotaEvaluator';
import { matchesScope, matchingResources } from './podQuotaEvaluator';
import type { ResourceQuotaModel } from './resourceQuotaModel';
import { hardMap } from './resourceQuotaModel';

/** A quota with the usage its namespace already has (status.used). */
export interface QuotaState {
  readonly quota: ResourceQuotaModel;
  readonly used: ReadonlyMap<string, Quantity>;
}

/** The pod as the plugin sees it: its usage, scope facts and the Constraints check (podQuotaEvaluator.ts). */
export interface QuotaPod {
  readonly usage: ReadonlyMap<string, Quantity>;
  readonly scope: PodScopeFacts;
  readonly constraints: (required: readonly string[]) => string | undefined;
}

export type QuotaDecision =
  | { readonly allowed: true; readonly used: readonly ReadonlyMap<string, Quantity>[] }
  | { readonly allowed: false; readonly message: string; readonly quota: string; readonly exceeded?: readonly string[] };

/** quota.Mask */
export function mask(list: ReadonlyMap<string, Quantity>, names: Iterable<string>): ResourceMap {
  const keep = new Set(names);
  const out: ResourceMap = new Map();
  for (const [k, q] of list) if (keep.has(k)) out.set(k, q);
  return out;
}

/** quota.Add: every key of either list; a key of both is a + b. */
export function addLists(a: ReadonlyMap<string, Quantity>, b: ReadonlyMap<string, Quantity>): ResourceMap {
  const out: ResourceMap = new Map();
  for (const [k, q] of a) {
    const other = b.get(k);
    out.set(k, other ? addQuantities(q, other) : q);
  }
  for (const [k, q] of b) if (!out.has(k)) out.set(k, q);
  return out;
}

/** The plugin's prettyPrint: `name=quantity` sorted by name, joined by commas. */
export function prettyPrint(list: ReadonlyMap<string, Quantity>): string {
  return [...list.keys()].sort().map((k) => `${k}=${formatQuantity(list.get(k)!)}`).join(',');
}

/** CheckRequest for a pod's create, with no limitedResources configured (the API server's default). */
export function checkPodCreate(quotas: readonly QuotaState[], pod: QuotaPod, version: KubeVersion): QuotaDecision {
  const interesting: number[] = [];
  for (let i = 0; i < quotas.length; i++) {
    const { quota, used } = quotas[i]!;
    let match: boolean;
    try {
      const tracks = matchingResources(quota.hard.map((h) => h.name), version).length > 0;
      let scopes = true;
      for (const s of quota.selectors) scopes = matchesScope(s, pod.scope) && scopes;
      match = tracks && scopes;
    } catch (e) {
      return { allowed: false, quota: quota.name, message: `error matching scopes of quota ${quota.name}, err: ${(e as Error).message}` };
    }
    if (!match) continue;
    const restricted = matchingResources(quota.hard.map((h) => h.name), version);
    const failed = pod.constraints(restricted);
    if (failed) return { allowed: false, quota: quota.name, message: `failed quota: ${quota.name}: ${failed}` };
    const unknown = quota.hard.some((h) => restricted.includes(h.name) && !used.has(h.name));
    if (unknown) return { allowed: false, quota: quota.name, message: `status unknown for quota: ${quota.name}, resources: ${[...new Set(restricted)].sort().join(',')}` };
    interesting.push(i);
  }
  const out = quotas.map((q) => q.used);
  if (interesting.length === 0) return { allowed: true, used: out };
  // quota.RemoveZeros: a zero request charges nothing and cannot exceed anything.
  const delta: ResourceMap = new Map([...pod.usage].filter(([, q]) => !isZero(q)));
  for (const i of interesting) {
    const { quota, used } = quotas[i]!;
    const hard = hardMap(quota);
    const requested = mask(delta, hard.keys());
    const next = addLists(used, requested);
    const exceeded: string[] = [];
    for (const [k, h] of hard) {
      const n = requested.has(k) ? next.get(k) : undefined;
      if (n && compareQuantities(n, h) > 0) exceeded.push(k);
    }
    if (exceeded.length > 0) {
      return {
        allowed: false, quota: quota.name, exceeded: exceeded.sort(),
        message: `exceeded quota: ${quota.name}, requested: ${prettyPrint(mask(requested, exceeded))}, used: ${prettyPrint(mask(used, exceeded))}, limited: ${prettyPrint(mask(hard, exceeded))}`,
      };
    }
    out[i] = next;
  }
  return { allowed: true, used: out };
}
