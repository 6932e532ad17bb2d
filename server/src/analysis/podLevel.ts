/** Which resources pod-level `spec.resources` may set (k8s.io/component-helpers/resource IsSupportedPodLevelResource). */
import type { KubeVersion } from '../model/version';

export function isSupportedPodLevelResource(name: string, _version: KubeVersion): boolean {
  return name === 'cpu' || name === 'memory';
}
