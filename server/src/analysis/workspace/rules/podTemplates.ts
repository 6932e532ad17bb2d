/**
 * What the workspace rules share: the pod templates of a namespace (Pods and the workloads that create
 * pods), whether they can be trusted, and how objects are named in messages.
 */
import type { IndexedObject } from '../objects';
import { POD_OWNER_KINDS } from '../objects';
import type { WorkspaceView } from '../index';
import type { Requirement } from '../labelSelector';
import { matches } from '../labelSelector';

export interface NamespaceTemplates {
  /** Pods and workloads with a readable pod (template). */
  readonly owners: readonly IndexedObject[];
  /** Objects of kinds Pod Lens does not model whose `spec.template` may make pods (IndexedObject.customTemplateLabels). */
  readonly custom: readonly IndexedObject[];
  /** Some owner's labels or spec come from template actions (Helm): a rule that needs all of them stays quiet. */
  readonly uncertain: boolean;
}

export function templatesIn(view: WorkspaceView, namespace: string): NamespaceTemplates {
  const owners: IndexedObject[] = [];
  const custom: IndexedObject[] = [];
  let uncertain = false;
  for (const o of view.objectsIn(namespace)) {
    if (o.pod && POD_OWNER_KINDS.has(o.kind)) owners.push(o);
    else if (o.customTemplateLabels) custom.push(o);
    else continue;
    if (o.templated) uncertain = true;
  }
  return { owners, custom, uncertain };
}

/** The owners whose pod labels the requirements select. */
export function selectedOwners(t: NamespaceTemplates, reqs: readonly Requirement[]): IndexedObject[] {
  return t.owners.filter((o) => matches(reqs, o.pod!.labels));
}

/** Whether an object of a kind Pod Lens does not model may make pods that the requirements select. */
export function selectsCustom(t: NamespaceTemplates, reqs: readonly Requirement[]): boolean {
  return t.custom.some((o) => matches(reqs, o.customTemplateLabels!));
}

/**
 * Whether the namespace holds another object of the same kind and name: a Kustomize base and the
 * strategic-merge patch of an overlay (which may change replicas, labels or containers). Neither copy alone
 * is what the cluster gets, so rules that need its exact facts stay quiet.
 */
export function writtenTwice(view: WorkspaceView, namespace: string, o: IndexedObject): boolean {
  return o.name !== undefined && view.find(namespace, o.kind, o.name).length > 1;
}

/** `Deployment/web`, as kubectl names an object. */
export function objectName(o: IndexedObject): string {
  return `${o.kind}/${o.name ?? '?'}`;
}

/** A YAML scalar for a string or number value that reads back as the same string or number. */
export function yamlScalar(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const plain = /^[A-Za-z_][A-Za-z0-9_./-]*$/.test(value) && !/^(?:true|false|yes|no|on|off|y|n|null|~)$/i.test(value);
  return plain ? value : JSON.stringify(value);
}
