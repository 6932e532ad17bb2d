/**
 * Effective pod requests and limits, as k8s.io/component-helpers/resource PodRequests / PodLimits
 * compute them (the scheduler, kubelet admission and quota all use these):
 *   steady  = sum(app containers) + sum(sidecars)
 *   initPeak = max over init containers i of (i + sidecars started before i), and each sidecar's
 *             cumulative sidecar total
 *   effective = max(steady, initPeak), then pod-level spec.resources (supported resources), then
 *             overhead (requests: every resource; limits: only where a limit exists).
 * https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/#resource-sharing-within-containers
 */
import type { ContainerModel, PodSpecModel } from '../model/pod';
import type { KubeVersion } from '../model/version';
import type { DefaultedResources } from './defaults';
import { isSupportedPodLevelResource } from './podLevel';
import { addInto, maxInto, sum, toMap } from './resourceMath';
import type { ResourceMap } from './resourceMath';
import { compareQuantities } from '../model/quantity';

export interface ResourceBreakdown {
  /** Sum over app containers only. */
  readonly apps: ResourceMap;
  /** Sum over sidecars (restartable init containers). */
  readonly sidecars: ResourceMap;
  /** apps + sidecars: what runs once the pod is up. */
  readonly steady: ResourceMap;
  /** Highest need while init containers run. */
  readonly initPeak: ResourceMap;
  /** Per resource, the init container that sets initPeak. */
  readonly initPeakBy: ReadonlyMap<string, string>;
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

export function effectiveResources(
  pod: PodSpecModel,
  defaulted: ReadonlyMap<ContainerModel, DefaultedResources>,
  podLevel: DefaultedResources | undefined,
  version: KubeVersion,
): EffectiveResources {
  return {
    requests: aggregate(pod, defaulted, podLevel, version, 'requests'),
    limits: aggregate(pod, defaulted, podLevel, version, 'limits'),
  };
}

function aggregate(
  pod: PodSpecModel,
  defaulted: ReadonlyMap<ContainerModel, DefaultedResources>,
  podLevel: DefaultedResources | undefined,
  version: KubeVersion,
  which: Which,
): ResourceBreakdown {
  const listOf = (c: ContainerModel): ResourceMap => defaulted.get(c)?.[which] ?? new Map();
  const apps: ResourceMap = new Map();
  for (const c of pod.containers) if (c.role === 'app') addInto(apps, listOf(c));
  const sidecars: ResourceMap = new Map();
  const initPeak: ResourceMap = new Map();
  const initPeakBy = new Map<string, string>();
  for (const c of pod.containers) {
    if (c.role !== 'init' && c.role !== 'sidecar') continue;
    let candidate: ResourceMap;
    if (c.role === 'sidecar') {
      addInto(sidecars, listOf(c));
      candidate = new Map(sidecars);
    } else {
      candidate = sum(listOf(c), sidecars);
    }
    for (const [k, q] of candidate) {
      const cur = initPeak.get(k);
      if (!cur || compareQuantities(q, cur) > 0) {
        initPeak.set(k, q);
        initPeakBy.set(k, c.name);
      }
    }
  }
  const steady = sum(apps, sidecars);
  const containers = new Map(steady);
  maxInto(containers, initPeak);
  const total = new Map(containers);
  const podLevelApplied: ResourceMap = new Map();
  if (podLevel) {
    for (const [k, q] of podLevel[which]) {
      if (isSupportedPodLevelResource(k, version)) {
        total.set(k, q);
        podLevelApplied.set(k, q);
      }
    }
  }
  const overhead = toMap(pod.overhead);
  if (which === 'requests') addInto(total, overhead);
  else for (const [k, q] of overhead) if (total.has(k)) addInto(total, new Map([[k, q]]));
  return { apps, sidecars, steady, initPeak, initPeakBy, containers, podLevel: podLevelApplied, overhead, total };
}
