/**
 * Effective pod requests and limits, as k8s.io/component-helpers/resource PodRequests / PodLimits
 * compute them with default options (the scheduler, kubelet admission and quota all use these):
 *   containers = max(steady, initPeak)                 (aggregate.ts, KEP-753)
 *   pod-level spec.resources replace it per supported resource (requests: when a supported request
 *     is set; limits: when any supported request or limit is set)
 *   overhead: added to every request, and to a limit only where a non-zero limit exists.
 * https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/#resource-sharing-within-containers
 * https://kubernetes.io/docs/concepts/scheduling-eviction/pod-overhead/
 */
import type { PodSpecModel } from '../model/pod';
import { isZero } from '../model/quantity';
import type { KubeVersion } from '../model/version';
import { aggregateBreakdown } from './aggregate';
import type { Aggregate } from './aggregate';
import type { DefaultedPod } from './defaults';
import { isSupportedPodLevelResource, namesSupportedResource } from './podLevel';
import { addInto } from './resourceMath';
import type { ResourceMap } from './resourceMath';

export interface ResourceBreakdown extends Omit<Aggregate, 'total'> {
  /** max(steady, initPeak). */
  readonly containers: ResourceMap;
  /** Pod-level values that replaced the container aggregate. */
  readonly podLevel: ResourceMap;
  readonly overhead: ResourceMap;
  /** The final pod value. */
  readonly total: ResourceMap;
}

export interface EffectiveResources {
  readonly requests: ResourceBreakdown;
  readonly limits: ResourceBreakdown;
}

type Which = 'requests' | 'limits';

export function effectiveResources(pod: PodSpecModel, defaulted: DefaultedPod, version: KubeVersion): EffectiveResources {
  return { requests: breakdown(pod, defaulted, version, 'requests'), limits: breakdown(pod, defaulted, version, 'limits') };
}

function breakdown(pod: PodSpecModel, defaulted: DefaultedPod, version: KubeVersion, which: Which): ResourceBreakdown {
  const agg = aggregateBreakdown(pod, (c) => defaulted.containers.get(c)?.[which]);
  const total = new Map(agg.total);
  const pl = defaulted.podLevel;
  // IsPodLevelRequestsSet for requests, IsPodLevelResourcesSet for limits.
  const applies = namesSupportedResource(which === 'requests' ? [pl?.requests] : [pl?.requests, pl?.limits], version);
  const podLevel: ResourceMap = new Map();
  if (pl && applies) {
    for (const [k, q] of pl[which]) {
      if (!isSupportedPodLevelResource(k, version)) continue;
      total.set(k, q);
      podLevel.set(k, q);
    }
  }
  const overhead = defaulted.overhead;
  if (which === 'requests') addInto(total, overhead);
  else {
    for (const [k, q] of overhead) {
      const cur = total.get(k);
      if (cur && !isZero(cur)) addInto(total, new Map([[k, q]]));
    }
  }
  return { ...agg, containers: agg.total, podLevel, overhead, total };
}
