/**
 * Field paths and values written the way the API server prints them
 * (k8s.io/apimachinery/pkg/util/validation/field): `spec.template.spec.containers[0]`, strings
 * quoted like Go's `%q`, numbers and booleans bare.
 * https://kubernetes.io/docs/reference/using-api/api-concepts/#field-validation
 */
import type { ContainerModel, PodSpecModel } from '../../../model/pod';
import { isMap, isScalar, isSeq } from '../../../model/tree';
import type { YNode } from '../../../model/tree';

/** `spec.template.spec` for a Deployment, `spec` for a Pod. */
export function specPathOf(pod: PodSpecModel): string {
  return pod.specPath.join('.');
}

/** `spec.initContainers[0]`. */
export function containerPath(pod: PodSpecModel, c: ContainerModel): string {
  return `${specPathOf(pod)}.${c.listKey}[${c.index}]`;
}

/** Go's %q for strings (what field.Invalid prints for string values). */
export function q(value: string): string {
  return JSON.stringify(value);
}

/** A field.Invalid value as the API server prints it: strings quoted, numbers and booleans bare. */
export function goValue(node: YNode | undefined): string {
  if (!isScalar(node)) return isSeq(node) ? '[...]' : isMap(node) ? '{...}' : 'null';
  const v = node.value;
  if (typeof v === 'string') return q(v);
  if (v === null) return 'null';
  return String(v);
}
