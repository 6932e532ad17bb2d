/**
 * What a namespace's workloads charge to a ResourceQuota, for the workspace rules and the quota hover: each
 * pod owner's pod, as the API server would store it (defaults, the namespace's LimitRanges), through the
 * ported pod evaluator (admission/podQuotaEvaluator.ts), times the pods it keeps running; and the number
 * of objects of each kind for object-count quotas. The index keeps facts, not trees, so each pod is
 * rebuilt from its facts (containers' requests and limits, pod-level resources, overhead, the fields
 * scopes read) as a small YAML tree and analysed like any pod. Derived once per index generation,
 * namespace and version.
 *
 * Pods counted per owner: a Pod 1; Deployment, ReplicaSet, StatefulSet, ReplicationController spec.replicas
 * (default 1); a Job min(parallelism, completions); a DaemonSet 1 (one per node: at least one; the node
 * count is not in the workspace); a CronJob 0 (its pods exist only while a run lasts).
 */
import type { ParsedDocument } from '../../model/parse';
import type { YNode } from '../../model/tree';
import { findPods } from '../../model/podModel';
import type { KubeVersion } from '../../model/version';
import { analyzePod } from '../podAnalysis';
import { readLimitRange } from '../admission/limitRangeModel';
import type { LimitRangeModel } from '../admission/limitRangeModel';
import { podQuotaUsage, podScopeFacts, quotaConstraints } from '../admission/podQuotaEvaluator';
import type { PodScopeFacts } from '../admission/podQuotaEvaluator';
import type { ResourceMap } from '../resourceMath';
import type { WorkspaceView } from './index';
import type { IndexedObject, PodTemplateFacts } from './objects';
import { objectName, templatesIn, writtenTwice } from './rules/podTemplates';

export interface WorkloadQuota {
  readonly owner: IndexedObject;
  /** Pods it keeps running (see above). */
  readonly pods: number;
  /** One pod's usage (PodUsageFunc). */
  readonly usage: ResourceMap;
  readonly scope: PodScopeFacts;
  /** The evaluator's Constraints for these resource names ("must specify …"), or undefined. */
  readonly constraints: (required: readonly string[]) => string | undefined;
  /** Another object of the namespace has the same kind and name (a Kustomize base and its patch). */
  readonly writtenTwice: boolean;
}

export interface NamespaceQuotaUsage {
  readonly workloads: readonly WorkloadQuota[];
  /** Objects per object-count quota name (`services`, `count/deployments.apps`, …), each kind/name once. */
  readonly objects: ReadonlyMap<string, number>;
  /** Some pod owner has Helm template actions: its numbers are not known. */
  readonly uncertain: boolean;
}

const cache = new WeakMap<WorkspaceView, { generation: number; entries: Map<string, NamespaceQuotaUsage> }>();

export function namespaceQuotaUsage(view: WorkspaceView, namespace: string, version: KubeVersion): NamespaceQuotaUsage {
  const generation = view.generation;
  if (generation === undefined) return build(view, namespace, version);
  let entry = cache.get(view);
  if (!entry || entry.generation !== generation) {
    entry = { generation, entries: new Map() };
    cache.set(view, entry);
  }
  const key = `${namespace}\u0000${version.major}.${version.minor}`;
  let u = entry.entries.get(key);
  if (!u) {
    u = build(view, namespace, version);
    entry.entries.set(key, u);
  }
  return u;
}

function build(view: WorkspaceView, namespace: string, version: KubeVersion): NamespaceQuotaUsage {
  const t = templatesIn(view, namespace);
  const ranges: LimitRangeModel[] = [];
  for (const o of view.find(namespace, 'LimitRange')) {
    const lr = o.tree ? readLimitRange(o.tree.root) : undefined;
    if (lr) ranges.push(lr);
  }
  // (read once per build; podQuotaOf reuses a pod's result while these objects stay the same)
  const rangeObjects = view.find(namespace, 'LimitRange');
  const workloads: WorkloadQuota[] = [];
  for (const owner of t.owners) {
    const pod = podQuotaOf(owner, version, rangeObjects, ranges);
    if (!pod) continue;
    workloads.push({ owner, pods: podsOf(owner), ...pod, writtenTwice: writtenTwice(t, owner) });
  }
  return { workloads, objects: objectCounts(view.objectsIn(namespace)), uncertain: t.uncertain };
}

type PodQuota = Pick<WorkloadQuota, 'usage' | 'scope' | 'constraints'>;

/**
 * One owner's pod, kept with the owner (an edit replaces the objects of its file only) while the version and
 * the namespace's LimitRange objects stay the same: re-checking a namespace after a one-file edit analyses
 * the pods of that file, not every pod again.
 */
const podCache = new WeakMap<IndexedObject, { version: string; ranges: readonly IndexedObject[]; pod: PodQuota | undefined }>();

function podQuotaOf(owner: IndexedObject, version: KubeVersion, rangeObjects: readonly IndexedObject[], ranges: readonly LimitRangeModel[]): PodQuota | undefined {
  const v = `${version.major}.${version.minor}`;
  const hit = podCache.get(owner);
  if (hit && hit.version === v && hit.ranges.length === rangeObjects.length && hit.ranges.every((r, i) => r === rangeObjects[i])) return hit.pod;
  const analysis = analyzeFacts(owner, version, ranges);
  const pod = analysis && {
    usage: podQuotaUsage(analysis), scope: podScopeFacts(analysis),
    constraints: (required: readonly string[]) => quotaConstraints(required, analysis),
  };
  podCache.set(owner, { version: v, ranges: [...rangeObjects], pod });
  return pod;
}

function podsOf(o: IndexedObject): number {
  switch (o.kind) {
    case 'Pod': return 1;
    case 'Job': return Math.max(0, o.parallelism ?? 1);
    case 'DaemonSet': return 1;
    case 'CronJob': return 0;
    default: return Math.max(0, o.replicas ?? 1);
  }
}

/** The owner's pod rebuilt from its facts (quantities as the API server parses them), analysed as Pod Lens analyses any pod. */
function analyzeFacts(owner: IndexedObject, version: KubeVersion, ranges: readonly LimitRangeModel[]) {
  const pod = owner.pod!;
  const spec = podSpecJson(pod);
  const doc = owner.kind === 'Pod'
    ? { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec }
    : { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'p' }, spec: { template: { spec } } };
  const root = treeOf(doc);
  const document: ParsedDocument = { index: 0, span: root.span, root, templated: false, hasErrors: false, aliasExpansion: 0 };
  const model = findPods([document], { version })[0];
  return model ? analyzePod(model, version, ranges) : undefined;
}

const NO_SPAN = { start: 0, end: 0 };

/** A plain value as a YAML tree (strings as quoted scalars, so quantities read as the API server parses them). */
function treeOf(value: unknown): YNode {
  if (Array.isArray(value)) return { type: 'seq', span: NO_SPAN, items: value.map(treeOf) };
  if (value !== null && typeof value === 'object') {
    return { type: 'map', span: NO_SPAN, entries: Object.entries(value).map(([key, v]) => ({ key, keySpan: NO_SPAN, value: treeOf(v) })) };
  }
  const v = value as string | number | boolean | null;
  return { type: 'scalar', span: NO_SPAN, value: v, source: String(v), quoted: typeof v === 'string' };
}

function podSpecJson(pod: PodTemplateFacts): Record<string, unknown> {
  const resources = (requests: object | undefined, limits: object | undefined) => ({ ...(requests ? { requests } : {}), ...(limits ? { limits } : {}) });
  const container = (c: PodTemplateFacts['containers'][number], i: number) => ({
    name: c.name ?? `c${i}`, image: 'x',
    ...(c.role === 'sidecar' ? { restartPolicy: 'Always' } : {}),
    resources: resources(c.requests, c.limits),
  });
  const spec: Record<string, unknown> = {
    initContainers: pod.containers.filter((c) => c.role !== 'app').map(container),
    containers: pod.containers.filter((c) => c.role === 'app').map(container),
  };
  if (pod.podRequests || pod.podLimits) spec.resources = resources(pod.podRequests, pod.podLimits);
  if (pod.overhead) spec.overhead = pod.overhead;
  if (pod.priorityClassName !== undefined) spec.priorityClassName = pod.priorityClassName;
  if (pod.activeDeadlineSeconds !== undefined) spec.activeDeadlineSeconds = pod.activeDeadlineSeconds;
  if (pod.crossNamespaceAffinity) spec.affinity = { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ namespaces: ['*'], topologyKey: 'x' }] } };
  return spec;
}

/** Kinds whose objects count in object-count quotas: the resource and its API group. */
const COUNTED: Readonly<Record<string, readonly [string, string]>> = {
  Deployment: ['deployments', 'apps'], StatefulSet: ['statefulsets', 'apps'], DaemonSet: ['daemonsets', 'apps'],
  ReplicaSet: ['replicasets', 'apps'], Job: ['jobs', 'batch'], CronJob: ['cronjobs', 'batch'],
  Service: ['services', ''], ConfigMap: ['configmaps', ''], Secret: ['secrets', ''],
  PersistentVolumeClaim: ['persistentvolumeclaims', ''], ReplicationController: ['replicationcontrollers', ''],
  ResourceQuota: ['resourcequotas', ''], HorizontalPodAutoscaler: ['horizontalpodautoscalers', 'autoscaling'],
  PodDisruptionBudget: ['poddisruptionbudgets', 'policy'], Ingress: ['ingresses', 'networking.k8s.io'],
};
/** The core kinds the quota system also counts under their bare names (standard quota resources). */
const LEGACY = new Set(['services', 'configmaps', 'secrets', 'persistentvolumeclaims', 'replicationcontrollers', 'resourcequotas']);

function objectCounts(objects: readonly IndexedObject[]): Map<string, number> {
  const out = new Map<string, number>();
  const add = (name: string, n = 1) => out.set(name, (out.get(name) ?? 0) + n);
  const seen = new Set<string>();
  for (const o of objects) {
    const c = COUNTED[o.kind];
    if (!c || o.name === undefined || seen.has(objectName(o))) continue;
    seen.add(objectName(o));
    const [resource, group] = c;
    add(group ? `count/${resource}.${group}` : `count/${resource}`);
    if (LEGACY.has(resource)) add(resource);
    if (o.kind === 'Service') {
      const type = o.service?.type;
      if (type === 'LoadBalancer') add('services.loadbalancers');
      if (type === 'LoadBalancer' || type === 'NodePort') add('services.nodeports', o.service?.ports.length ?? 0);
    }
  }
  return out;
}
