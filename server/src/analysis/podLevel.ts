/**
 * Which resources pod-level `spec.resources` may set (k8s.io/component-helpers/resource
 * IsSupportedPodLevelResource): cpu and memory from 1.32 (alpha), hugepages-* from 1.33. Before 1.34
 * the PodLevelResources gate is off by default and the API server drops the field (podModel.ts).
 */
import { atLeast } from '../model/version';
import type { KubeVersion } from '../model/version';

export function isSupportedPodLevelResource(name: string, version: KubeVersion): boolean {
  return name === 'cpu' || name === 'memory' || (name.startsWith('hugepages-') && atLeast(version, 33));
}

/** Whether any of these resource lists names a supported pod-level resource (IsPodLevelResourcesSet and friends). */
export function namesSupportedResource(lists: readonly (ReadonlyMap<string, unknown> | undefined)[], version: KubeVersion): boolean {
  for (const m of lists) for (const k of m?.keys() ?? []) if (isSupportedPodLevelResource(k, version)) return true;
  return false;
}

/** IsOvercommitAllowed for native resources: everything but hugepages (extended resources never get here). */
export function isOvercommittable(name: string): boolean {
  return !name.startsWith('hugepages-') && (!name.includes('/') || name.includes('kubernetes.io/'));
}
