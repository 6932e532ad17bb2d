/**
 * A walk over every resource list a pod spec has (containers, pod-level resources, overhead), with
 * the field path the API server names for each.
 * https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/
 */
import type { ContainerModel, PodSpecModel, ResourceEntry } from '../../../model/pod';
import { containerPath, specPathOf } from './fieldPaths';

export type ListOwner = 'container' | 'pod' | 'overhead';

export interface ResourceSite {
  readonly owner: ListOwner;
  readonly container: ContainerModel | undefined;
  /** Path of the `resources` object (or `spec.overhead`). */
  readonly path: string;
  readonly requests: readonly ResourceEntry[];
  readonly limits: readonly ResourceEntry[];
}

/**
 * Every requirements block the API server validates: containers (ephemeral ones are reported by
 * ephemeral-container-field instead), pod-level resources when the feature is on (the model drops
 * them otherwise, like the API server), and overhead (validated as limits).
 */
/** Every resource list of the pod; ephemeral containers only when asked (their resources are forbidden, but must still decode). */
export function resourceSites(pod: PodSpecModel, withEphemeral = false): ResourceSite[] {
  const out: ResourceSite[] = [];
  for (const c of pod.containers) {
    if ((c.role === 'ephemeral' && !withEphemeral) || !c.resources.node) continue;
    out.push({ owner: 'container', container: c, path: `${containerPath(pod, c)}.resources`, requests: c.resources.requests, limits: c.resources.limits });
  }
  if (pod.podResources) out.push({ owner: 'pod', container: undefined, path: `${specPathOf(pod)}.resources`, requests: pod.podResources.requests, limits: pod.podResources.limits });
  if (pod.overhead.length) out.push({ owner: 'overhead', container: undefined, path: `${specPathOf(pod)}.overhead`, requests: [], limits: pod.overhead });
  return out;
}

/** `where` data for quick fixes. */
export function siteData(s: ResourceSite): { owner: ListOwner; list?: string; index?: number } {
  return s.container ? { owner: s.owner, list: s.container.listKey, index: s.container.index } : { owner: s.owner };
}

/** Each quantity of every resource list with the field path the API server names (`...resources.limits.cpu`'s prefix). */
export function quantityEntries(pod: PodSpecModel): { readonly path: string; readonly entry: ResourceEntry }[] {
  const out: { path: string; entry: ResourceEntry }[] = [];
  for (const s of resourceSites(pod, true)) {
    for (const which of ['requests', 'limits'] as const) {
      const path = s.owner === 'overhead' ? s.path : `${s.path}.${which}`;
      for (const entry of s[which]) out.push({ path, entry });
    }
  }
  return out;
}
