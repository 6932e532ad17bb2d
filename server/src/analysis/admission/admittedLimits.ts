/**
 * What pod validation says about the pod the LimitRanger plugin mutated: a request above its limit where
 * one of the two came from a LimitRange (a `default` limit below a written request, kubernetes#74507).
 * The API server validates after mutating admission (ValidateResourceRequirements: "must be less than or
 * equal to cpu limit of 1"), so the pod in the file is valid and the pod the cluster sees is not.
 */
import type { ContainerModel } from '../../model/pod';
import { compareQuantities, formatQuantity } from '../../model/quantity';
import type { Quantity } from '../../model/quantity';
import { isOvercommittable } from '../podLevel';
import type { PodAnalysis } from '../podAnalysis';
import type { AdmittedValue } from './limitRanger';

export interface AdmittedLimitError {
  /** The container, or undefined for the pod-level `spec.resources`. */
  readonly container: ContainerModel | undefined;
  readonly resource: string;
  readonly request: Quantity;
  readonly limit: Quantity;
  /** The values the plugin wrote (the limit, the request or both). */
  readonly from: readonly AdmittedValue[];
  /** kubectl's line: `spec.containers[0].resources.requests: Invalid value: "2": must be ...`. */
  readonly apiMessage: string;
}

export function admittedLimitErrors(a: PodAnalysis): AdmittedLimitError[] {
  const applied = a.limitRanger?.mutation.applied ?? [];
  if (applied.length === 0) return [];
  const out: AdmittedLimitError[] = [];
  for (const c of a.pod.containers) {
    const res = a.containerResources.get(c);
    if (!res) continue;
    for (const [name, request] of res.requests) {
      const limit = res.limits.get(name);
      if (!limit) continue;
      const from = applied.filter((v) => v.container === c && v.resource === name);
      if (from.length === 0) continue;
      const cmp = compareQuantities(request, limit);
      const equalOnly = !isOvercommittable(name);
      if (equalOnly ? cmp === 0 : cmp <= 0) continue;
      const words = equalOnly ? 'must be equal to' : 'must be less than or equal to';
      const path = `spec.${c.listKey}[${c.index}].resources.requests`;
      out.push({
        container: c, resource: name, request, limit, from,
        apiMessage: `${path}: Invalid value: "${formatQuantity(request)}": ${words} ${name} limit of ${formatQuantity(limit)}`,
      });
    }
  }
  podLevelErrors(a, applied, out);
  return out;
}

/**
 * validatePodResourceConsistency on the mutated pod: a pod-level cpu/memory request below what the
 * containers now request together, or a container limit the plugin set above the pod-level limit.
 */
function podLevelErrors(a: PodAnalysis, applied: readonly AdmittedValue[], out: AdmittedLimitError[]): void {
  const pl = a.podLevel;
  if (!pl) return;
  const agg = a.effective.requests.containers;
  for (const [name, request] of pl.requests) {
    const sum = agg.get(name);
    const from = applied.filter((v) => v.side === 'requests' && v.resource === name);
    if (!sum || from.length === 0 || compareQuantities(sum, request) <= 0) continue;
    out.push({
      container: undefined, resource: name, request, limit: sum, from,
      apiMessage: `spec.resources.requests[${name}]: Invalid value: "${formatQuantity(request)}": must be greater than or equal to aggregate container requests of ${formatQuantity(sum)}`,
    });
  }
  for (const v of applied) {
    if (v.side !== 'limits' || v.container.role !== 'app') continue;
    const podLimit = pl.limits.get(v.resource);
    if (!podLimit || compareQuantities(v.quantity, podLimit) <= 0) continue;
    out.push({
      container: v.container, resource: v.resource, request: v.quantity, limit: podLimit, from: [v],
      apiMessage: `spec.resources.containers[${v.container.index}][${v.resource}].limits: Invalid value: "${formatQuantity(v.quantity)}": must be less than or equal to pod limits of ${formatQuantity(podLimit)}`,
    });
  }
}
