/**
 * What the workspace rules share: the pod templates of a namespace (Pods and the workloads that create
 * pods), whether they can be trusted, and how objects are named in messages. A namespace's templates are
 * derived once per index generation (WorkspaceView.generation), with an index by label pair, so checking
 * every file of a namespace costs about one pass over it, not one per Service.
 */
import type { IndexedObject } from '../objects';
import { POD_OWNER_KINDS } from '../objects';
import type { WorkspaceView } from '../index';
import type { Requirement } from '../labelSelector';
import { matches } from '../labelSelector';

export interface NamespaceTemplates {
  readonly namespace: string;
  /** Pods and workloads with a readable pod (template). */
  readonly owners: readonly IndexedObject[];
  /** Objects of kinds Pod Lens does not model whose `spec.template` may make pods (IndexedObject.customTemplateLabels). */
  readonly custom: readonly IndexedObject[];
  /** Some owner's labels or spec come from template actions (Helm): a rule that needs all of them stays quiet. */
  readonly uncertain: boolean;
  /** The namespace's HorizontalPodAutoscalers. */
  readonly autoscalers: readonly IndexedObject[];
  /** Owners by `key=value` of their pod labels. */
  readonly byLabel: ReadonlyMap<string, readonly IndexedObject[]>;
  /** How many objects of the namespace have each `kind/name`. */
  readonly copies: ReadonlyMap<string, number>;
}

const cache = new WeakMap<WorkspaceView, { generation: number; byNamespace: Map<string, NamespaceTemplates> }>();

export function templatesIn(view: WorkspaceView, namespace: string): NamespaceTemplates {
  const generation = view.generation;
  if (generation === undefined) return build(view, namespace);
  let entry = cache.get(view);
  if (!entry || entry.generation !== generation) {
    entry = { generation, byNamespace: new Map() };
    cache.set(view, entry);
  }
  let t = entry.byNamespace.get(namespace);
  if (!t) {
    t = build(view, namespace);
    entry.byNamespace.set(namespace, t);
  }
  return t;
}

function build(view: WorkspaceView, namespace: string): NamespaceTemplates {
  const owners: IndexedObject[] = [];
  const custom: IndexedObject[] = [];
  const autoscalers: IndexedObject[] = [];
  const byLabel = new Map<string, IndexedObject[]>();
  const copies = new Map<string, number>();
  let uncertain = false;
  for (const o of view.objectsIn(namespace)) {
    if (o.name !== undefined) copies.set(objectName(o), (copies.get(objectName(o)) ?? 0) + 1);
    if (o.kind === 'HorizontalPodAutoscaler') autoscalers.push(o);
    if (o.pod && POD_OWNER_KINDS.has(o.kind)) {
      owners.push(o);
      for (const [k, v] of o.pod.labels) {
        const key = `${k}=${v}`;
        const list = byLabel.get(key);
        if (list) list.push(o);
        else byLabel.set(key, [o]);
      }
    } else if (o.customTemplateLabels) custom.push(o);
    else continue;
    if (o.templated) uncertain = true;
  }
  return { namespace, owners, custom, uncertain, autoscalers, byLabel, copies };
}

/** The owners whose pod labels the requirements select (in index order). */
export function selectedOwners(t: NamespaceTemplates, reqs: readonly Requirement[]): IndexedObject[] {
  const narrowing = reqs.find((r) => r.op === 'In' && r.values.length === 1);
  const pool = narrowing ? t.byLabel.get(`${narrowing.key}=${narrowing.values[0]}`) ?? [] : t.owners;
  return pool.filter((o) => matches(reqs, o.pod!.labels));
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
export function writtenTwice(t: NamespaceTemplates, o: IndexedObject): boolean {
  return o.name !== undefined && (t.copies.get(objectName(o)) ?? 0) > 1;
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
