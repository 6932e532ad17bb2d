/**
 * AggregateContainerRequests / AggregateContainerLimits (k8s.io/component-helpers/resource), the
 * KEP-753 formula: app containers summed; sidecars (restartable init containers) summed and counted
 * for the pod's whole life; each regular init container runs beside the sidecars declared before it;
 * the result is the larger of the steady state and the init peak, per resource.
 * https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/#resource-sharing-within-containers
 */
import type { ContainerModel, PodSpecModel } from '../model/pod';
import { compareQuantities } from '../model/quantity';
import { addInto, maxInto, sum } from './resourceMath';
import type { ResourceMap } from './resourceMath';

export interface Aggregate {
  /** Sum over app containers only. */
  readonly apps: ResourceMap;
  /** Sum over sidecars. */
  readonly sidecars: ResourceMap;
  /** apps + sidecars: what runs once the pod is up. */
  readonly steady: ResourceMap;
  /** Highest need while init containers run. */
  readonly initPeak: ResourceMap;
  /** Per resource, the init container that sets initPeak. */
  readonly initPeakBy: ReadonlyMap<string, string>;
  /** max(steady, initPeak): the aggregate. */
  readonly total: ResourceMap;
}

export type ListOf = (c: ContainerModel) => ReadonlyMap<string, import('../model/quantity').Quantity> | undefined;

export function aggregateBreakdown(pod: PodSpecModel, listOf: ListOf): Aggregate {
  const apps: ResourceMap = new Map();
  for (const c of pod.containers) if (c.role === 'app') addInto(apps, listOf(c) ?? new Map());
  const sidecars: ResourceMap = new Map();
  const initPeak: ResourceMap = new Map();
  const initPeakBy = new Map<string, string>();
  for (const c of pod.containers) {
    if (c.role !== 'init' && c.role !== 'sidecar') continue;
    const own = listOf(c) ?? new Map();
    let use: ResourceMap;
    if (c.role === 'sidecar') {
      addInto(sidecars, own);
      use = sidecars;
    } else {
      use = sum(own, sidecars);
    }
    for (const [k, q] of use) {
      const cur = initPeak.get(k);
      if (!cur || compareQuantities(q, cur) > 0) {
        initPeak.set(k, q);
        initPeakBy.set(k, c.name);
      }
    }
  }
  // Go adds each sidecar into the running total in spec order after the app containers.
  const steady = sum(apps, sidecars);
  const total = new Map(steady);
  maxInto(total, initPeak);
  return { apps, sidecars, steady, initPeak, initPeakBy, total };
}

export function aggregateContainers(pod: PodSpecModel, listOf: ListOf): ResourceMap {
  return aggregateBreakdown(pod, listOf).total;
}
