/**
 * The API server's defaulting of resources, applied before anything is computed
 * (pkg/apis/core/v1/defaults.go): a container's missing request takes its limit, per resource.
 * https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/
 */
import type { ContainerModel, PodSpecModel, ResourceEntry } from '../model/pod';
import type { KubeVersion } from '../model/version';
import { isSupportedPodLevelResource } from './podLevel';
import { toMap } from './resourceMath';
import type { ResourceMap } from './resourceMath';

export interface DefaultedResources {
  readonly requests: ResourceMap;
  readonly limits: ResourceMap;
  /** Resource names whose request was copied from the limit. */
  readonly defaultedFromLimits: readonly string[];
}

export function defaultResources(requests: readonly ResourceEntry[], limits: readonly ResourceEntry[]): DefaultedResources {
  const req = toMap(requests);
  const lim = toMap(limits);
  const defaulted: string[] = [];
  const written = new Set(requests.map((e) => e.name));
  for (const [name, q] of lim) {
    if (!written.has(name)) {
      req.set(name, q);
      defaulted.push(name);
    }
  }
  return { requests: req, limits: lim, defaultedFromLimits: defaulted };
}

export function defaultContainer(c: ContainerModel): DefaultedResources {
  return defaultResources(c.resources.requests, c.resources.limits);
}

/**
 * Pod-level `spec.resources` defaulting: a supported resource with a pod-level limit and no pod-level
 * request gets the limit as its request.
 */
export function defaultPodLevel(pod: PodSpecModel, version: KubeVersion): DefaultedResources | undefined {
  const r = pod.podResources;
  if (!r) return undefined;
  const req = toMap(r.requests);
  const lim = toMap(r.limits);
  const defaulted: string[] = [];
  const written = new Set(r.requests.map((e) => e.name));
  for (const [name, q] of lim) {
    if (!written.has(name) && isSupportedPodLevelResource(name, version)) {
      req.set(name, q);
      defaulted.push(name);
    }
  }
  return { requests: req, limits: lim, defaultedFromLimits: defaulted };
}
