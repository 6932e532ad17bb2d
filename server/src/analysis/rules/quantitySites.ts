/** Every resource list of a pod spec with the field path the API server names in its messages. */
import type { PodSpecModel, ResourceEntry } from '../../model/pod';
import { containerPath, specPathOf } from './errors/util';

export interface QuantitySite {
  readonly path: string;
  readonly entries: readonly ResourceEntry[];
}

export function quantitySites(pod: PodSpecModel): QuantitySite[] {
  const out: QuantitySite[] = [];
  for (const c of pod.containers) {
    const base = `${containerPath(pod, c)}.resources`;
    out.push({ path: `${base}.requests`, entries: c.resources.requests }, { path: `${base}.limits`, entries: c.resources.limits });
  }
  const spec = specPathOf(pod);
  out.push({ path: `${spec}.overhead`, entries: pod.overhead });
  if (pod.podResources) {
    out.push({ path: `${spec}.resources.requests`, entries: pod.podResources.requests }, { path: `${spec}.resources.limits`, entries: pod.podResources.limits });
  }
  return out;
}
