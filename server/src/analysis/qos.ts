/**
 * QoS class as pkg/apis/core/v1/helper/qos ComputePodQOS decides it: cpu and memory only, app and init
 * containers (sidecars included, ephemeral containers not), zero quantities ignored, after defaulting;
 * pod-level spec.resources decide instead when they are set.
 * https://kubernetes.io/docs/concepts/workloads/pods/pod-qos/
 */
import type { ContainerModel, PodSpecModel } from '../model/pod';
import { compareQuantities, sign } from '../model/quantity';
import type { Quantity } from '../model/quantity';
import type { DefaultedPod, DefaultedResources } from './defaults';
import { namesSupportedResource } from './podLevel';
import { featureEnabled } from '../model/version';
import type { KubeVersion } from '../model/version';
import { addInto } from './resourceMath';
import type { ResourceMap } from './resourceMath';

export type QosClass = 'Guaranteed' | 'Burstable' | 'BestEffort';

/** Why the class was chosen, in data; `describeQos` turns it into words. */
export type QosReason =
  | { readonly kind: 'no-requests-or-limits' }
  | { readonly kind: 'all-equal'; readonly podLevel: boolean }
  | { readonly kind: 'missing-limit'; readonly container?: string; readonly resource: 'cpu' | 'memory'; readonly podLevel: boolean }
  | { readonly kind: 'request-differs'; readonly container?: string; readonly resource: string; readonly podLevel: boolean }
  | { readonly kind: 'limit-without-request'; readonly resource: string; readonly podLevel: boolean };

export interface QosResult {
  readonly qosClass: QosClass;
  readonly reason: QosReason;
}

const QOS_RESOURCES = ['cpu', 'memory'] as const;
const isQosResource = (n: string): n is 'cpu' | 'memory' => n === 'cpu' || n === 'memory';

function positive(list: ReadonlyMap<string, Quantity>): ResourceMap {
  const out: ResourceMap = new Map();
  for (const [k, q] of list) if (isQosResource(k) && sign(q) > 0) out.set(k, q);
  return out;
}

export function computeQos(pod: PodSpecModel, defaulted: DefaultedPod, version: KubeVersion): QosResult {
  const pl = defaulted.podLevel;
  if (pl && usesPodLevelPath(pl, version)) return decide([{ name: undefined, ...pl }], true);
  const units = pod.containers
    .filter((c) => c.role !== 'ephemeral')
    .map((c) => ({ name: c.name, requests: defaulted.containers.get(c)?.requests ?? new Map(), limits: defaulted.containers.get(c)?.limits ?? new Map() }));
  return decide(units, false);
}

/**
 * 1.34-1.36: any non-null spec.resources, even `{}`, selects the pod-level path (kubernetes#135082).
 * From 1.37 (PodLevelResourcesFixKubeletQOSClass) only pod-level resources that name a supported
 * resource do (IsPodLevelResourcesSet).
 */
function usesPodLevelPath(pl: DefaultedResources, version: KubeVersion): boolean {
  return !featureEnabled(version, 'PodLevelResourcesFixKubeletQOSClass') || namesSupportedResource([pl.requests, pl.limits], version);
}

interface Unit { readonly name: string | undefined; readonly requests: ReadonlyMap<string, Quantity>; readonly limits: ReadonlyMap<string, Quantity> }

function decide(units: readonly Unit[], podLevel: boolean): QosResult {
  const requests: ResourceMap = new Map();
  const limits: ResourceMap = new Map();
  let firstMissing: QosReason | undefined;
  for (const u of units) {
    const r = positive(u.requests);
    const l = positive(u.limits);
    addInto(requests, r);
    addInto(limits, l);
    if (!firstMissing) {
      const missing = QOS_RESOURCES.find((k) => !l.has(k));
      if (missing) firstMissing = { kind: 'missing-limit', container: u.name, resource: missing, podLevel };
    }
  }
  if (requests.size === 0 && limits.size === 0) return { qosClass: 'BestEffort', reason: { kind: 'no-requests-or-limits' } };
  if (firstMissing) return { qosClass: 'Burstable', reason: firstMissing };
  for (const [k, req] of requests) {
    const lim = limits.get(k);
    if (!lim || compareQuantities(lim, req) !== 0) {
      return { qosClass: 'Burstable', reason: { kind: 'request-differs', container: culprit(units, k), resource: k, podLevel } };
    }
  }
  if (requests.size !== limits.size) {
    const k = [...limits.keys()].find((x) => !requests.has(x)) ?? 'cpu';
    return { qosClass: 'Burstable', reason: { kind: 'limit-without-request', resource: k, podLevel } };
  }
  return { qosClass: 'Guaranteed', reason: { kind: 'all-equal', podLevel } };
}

/** The first unit whose positive request for `k` differs from its positive limit. */
function culprit(units: readonly Unit[], k: string): string | undefined {
  for (const u of units) {
    const r = positive(u.requests).get(k);
    const l = positive(u.limits).get(k);
    if (!r || !l || compareQuantities(r, l) !== 0) return u.name;
  }
  return undefined;
}
