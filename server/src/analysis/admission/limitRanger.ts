/**
 * The LimitRanger admission plugin (k8s.io/kubernetes plugin/pkg/admission/limitranger/admission.go) on a
 * pod create, in the API server's order: the body is decoded and defaulted (requests from limits, milli
 * rounding: defaults.ts), then the plugin MUTATES the pod once per LimitRange of the namespace, then
 * PrepareForCreate computes the QoS class, then the plugin VALIDATES the pod against each LimitRange.
 *
 * Mutation (PodMutateLimitFunc): per LimitRange, the `Container` items' `defaultRequest` and `default`
 * (a later item wins a key) are added to every app container, then every init container (sidecars
 * included; never ephemeral ones), where the container has no entry of that name. The plugin writes the
 * annotation `kubernetes.io/limit-ranger` ("LimitRanger plugin set: cpu request for container app; ...");
 * each LimitRange that sets something replaces it.
 *
 * Which LimitRange comes first in a namespace with several is the informer cache's order, which Kubernetes
 * does not define; Pod Lens uses the order it read them in (file order).
 */
import type { ContainerModel, PodSpecModel } from '../../model/pod';
import type { Quantity } from '../../model/quantity';
import type { DefaultedResources } from '../defaults';
import type { LimitRangeModel, LimitValue } from './limitRangeModel';

export type ResourceSide = 'requests' | 'limits';

/** One value the plugin wrote into a container. */
export interface AdmittedValue {
  readonly container: ContainerModel;
  readonly side: ResourceSide;
  readonly resource: string;
  readonly quantity: Quantity;
  readonly limitRange: LimitRangeModel;
  /** The value in the LimitRange (`default` or `defaultRequest`, and the field it was written in). */
  readonly value: LimitValue;
}

export interface LimitRangerMutation {
  /** Every container's resources after the plugin (ephemeral containers are not in the map). */
  readonly containers: Map<ContainerModel, DefaultedResources>;
  readonly applied: readonly AdmittedValue[];
  /** The `kubernetes.io/limit-ranger` annotation the pod ends up with, if any LimitRange set something. */
  readonly annotation: string | undefined;
}

interface DefaultEntry { readonly quantity: Quantity; readonly value: LimitValue }

/** defaultContainerResourceRequirements: the Container items' defaults of one LimitRange. */
function containerDefaults(lr: LimitRangeModel): { requests: Map<string, DefaultEntry>; limits: Map<string, DefaultEntry> } {
  const requests = new Map<string, DefaultEntry>();
  const limits = new Map<string, DefaultEntry>();
  for (const item of lr.items) {
    if (item.type !== 'Container') continue;
    for (const [k, v] of item.lists.defaultRequest) requests.set(k, { quantity: v.quantity, value: v });
    for (const [k, v] of item.lists.default) limits.set(k, { quantity: v.quantity, value: v });
  }
  return { requests, limits };
}

/** Go's sort.Strings: byte order. */
function goSort(xs: string[]): string[] {
  return xs.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** PodMutateLimitFunc for each LimitRange in turn, on the defaulted containers. */
export function mutatePod(pod: PodSpecModel, containers: ReadonlyMap<ContainerModel, DefaultedResources>, ranges: readonly LimitRangeModel[]): LimitRangerMutation {
  const out = new Map<ContainerModel, DefaultedResources>();
  for (const [c, d] of containers) out.set(c, { ...d, requests: new Map(d.requests), limits: new Map(d.limits) });
  const applied: AdmittedValue[] = [];
  let annotation: string | undefined;
  // mergePodResourceRequirements: app containers, then init containers (sidecars are init containers).
  const order = [...pod.containers.filter((c) => c.role === 'app'), ...pod.containers.filter((c) => c.role === 'init' || c.role === 'sidecar')];
  for (const lr of ranges) {
    const defaults = containerDefaults(lr);
    const notes: string[] = [];
    for (const c of order) {
      const res = out.get(c);
      if (!res) continue;
      const setLimits: string[] = [];
      const setRequests: string[] = [];
      for (const [k, d] of defaults.limits) {
        if (res.limits.has(k)) continue;
        res.limits.set(k, d.quantity);
        setLimits.push(k);
        applied.push({ container: c, side: 'limits', resource: k, quantity: d.quantity, limitRange: lr, value: d.value });
      }
      for (const [k, d] of defaults.requests) {
        if (res.requests.has(k)) continue;
        res.requests.set(k, d.quantity);
        setRequests.push(k);
        applied.push({ container: c, side: 'requests', resource: k, quantity: d.quantity, limitRange: lr, value: d.value });
      }
      const prefix = c.role === 'app' ? 'container' : 'init container';
      if (setRequests.length > 0) notes.push(`${goSort(setRequests).join(', ')} request for ${prefix} ${c.name}`);
      if (setLimits.length > 0) notes.push(`${goSort(setLimits).join(', ')} limit for ${prefix} ${c.name}`);
    }
    if (notes.length > 0) annotation = `LimitRanger plugin set: ${notes.join('; ')}`;
  }
  return { containers: out, applied, annotation };
}
