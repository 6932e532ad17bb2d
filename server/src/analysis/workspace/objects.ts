/**
 * What the workspace index keeps of one Kubernetes object: its identity, where it is, and the few
 * facts other objects ask about (labels, selectors, pod template containers, ports, requests). Plain,
 * compact data: the parse tree is dropped, except for the kinds whose whole spec other features read
 * (LimitRange, ResourceQuota: `tree`). All spans are offsets in the object's file.
 */
import type { ParsedDocument } from '../../model/parse';
import { SPEC_PATHS, isWorkloadKind } from '../../model/podModel';
import { entry, get, getPath, int, isMap, isScalar, items, str } from '../../model/tree';
import type { Span, YMap, YNode } from '../../model/tree';
import { LineIndex } from '../../model/lineIndex';
import { quantityText } from '../../model/quantity';
import { selectorRequirements, stringMap } from './labelSelector';
import type { LabelMap, Requirement } from './labelSelector';

export type ResourceMap = Readonly<Record<string, string>>;

export interface PortFacts {
  readonly name: string | undefined;
  readonly containerPort: number | undefined;
  /** As written; Kubernetes defaults it to TCP. */
  readonly protocol: string;
}

export interface ContainerFacts {
  readonly name: string | undefined;
  /** `sidecar`: an init container with restartPolicy Always. */
  readonly role: 'init' | 'sidecar' | 'app';
  readonly ports: readonly PortFacts[];
  /** resources.requests / resources.limits: each quantity as the API server parses it (model/quantity.ts quantityText). */
  readonly requests: ResourceMap;
  readonly limits: ResourceMap;
}

export interface PodTemplateFacts {
  /** The pod's labels (a workload's template labels); empty when none or unreadable. */
  readonly labels: LabelMap;
  readonly containers: readonly ContainerFacts[];
  /** Pod-level spec.resources (PodLevelResources), when present. */
  readonly podRequests: ResourceMap | undefined;
  readonly podLimits: ResourceMap | undefined;
  readonly overhead: ResourceMap | undefined;
  /** What ResourceQuota scopes read: spec.priorityClassName, spec.activeDeadlineSeconds, pod (anti-)affinity across namespaces. */
  readonly priorityClassName: string | undefined;
  readonly activeDeadlineSeconds: number | undefined;
  readonly crossNamespaceAffinity: boolean;
}

/** A selector with where it is: `requirements` undefined when it cannot be read; `present` false when absent or null. */
export interface SelectorFacts {
  readonly present: boolean;
  readonly requirements: readonly Requirement[] | undefined;
  /** The `selector` key. */
  readonly span: Span | undefined;
}

export interface ValueAt<T> {
  readonly value: T;
  readonly span: Span;
}

export interface ServiceFacts {
  readonly type: string;
  /** spec.selector as a map; undefined when absent, null or empty (a Service without a selector). */
  readonly selector: LabelMap | undefined;
  readonly selectorSpan: Span | undefined;
  /** Where each selector value is written (by label key), for edits. */
  readonly selectorValueSpans: ReadonlyMap<string, Span>;
  readonly ports: readonly ServicePortFacts[];
}

export interface ServicePortFacts {
  readonly name: string | undefined;
  readonly port: number | undefined;
  readonly protocol: string;
  /** As written; absent means the same number as `port`. */
  readonly targetPort: ValueAt<string | number> | undefined;
}

export interface DisruptionBudgetFacts {
  readonly selector: SelectorFacts;
  readonly minAvailable: ValueAt<string | number> | undefined;
  readonly maxUnavailable: ValueAt<string | number> | undefined;
}

export interface AutoscalerMetricFacts {
  /** `Resource` or `ContainerResource` (autoscaling/v1's targetCPUUtilizationPercentage is a Resource cpu metric). */
  readonly type: 'Resource' | 'ContainerResource';
  readonly resource: string;
  readonly container: string | undefined;
  /** Where to report: the metric's resource name (v2) or targetCPUUtilizationPercentage (v1) or the spec key (defaults). */
  readonly span: Span;
  /** The field path of `span` as messages name it, e.g. `spec.metrics[0].resource.name`. */
  readonly path: string;
}

export interface AutoscalerFacts {
  readonly target: { readonly kind: string | undefined; readonly name: string | undefined; readonly span: Span } | undefined;
  /** Only utilization targets of cpu/memory-like resources: those need requests. Defaults included (80% cpu). */
  readonly utilizationMetrics: readonly AutoscalerMetricFacts[];
}

export interface KustomizationFacts {
  readonly namespace: string | undefined;
  /** `resources` (and the older `bases`) entries, as written: files or directories relative to the kustomization. */
  readonly resources: readonly string[];
}

export interface IndexedObject {
  readonly file: string;
  /** File-level YAML document index; `listItem` for an item of a List. */
  readonly document: number;
  readonly listItem: number | undefined;
  readonly apiVersion: string | undefined;
  readonly kind: string;
  readonly name: string | undefined;
  /** metadata.namespace as written (the index resolves the effective one: WorkspaceIndex.namespaceOf). */
  readonly metadataNamespace: string | undefined;
  readonly span: Span;
  /** The `kind` entry (where object-level findings go when nothing more precise exists). */
  readonly kindSpan: Span;
  /** The document had template actions ({{ }}): any value may come from them. */
  readonly templated: boolean;
  readonly labels: LabelMap;
  /** Pods and workloads: the pod (template). */
  readonly pod?: PodTemplateFacts;
  /** Deployment, ReplicaSet, StatefulSet, ReplicationController: spec.replicas (default 1). */
  readonly replicas?: number;
  /** Deployment: spec.strategy as written (type, rollingUpdate.maxSurge / maxUnavailable). */
  readonly rollout?: {
    readonly type: string | undefined; readonly maxSurge: string | number | undefined; readonly maxUnavailable: string | number | undefined;
    /** Where a rollout finding goes: the maxSurge value, else the `strategy` key, else the `replicas` key (undefined: none written). */
    readonly span: Span | undefined;
  };
  /** Job: the pods it runs at once, min(parallelism (default 1), completions). */
  readonly parallelism?: number;
  /** Workloads: spec.selector (a ReplicationController's plain map as requirements). */
  readonly selector?: SelectorFacts;
  /**
   * A kind Pod Lens does not model with a pod template (`spec.template.metadata.labels`), such as an Argo
   * Rollout or another operator's workload: the template's labels, because its pods may carry them.
   */
  readonly customTemplateLabels?: LabelMap;
  readonly service?: ServiceFacts;
  readonly disruptionBudget?: DisruptionBudgetFacts;
  readonly autoscaler?: AutoscalerFacts;
  readonly kustomization?: KustomizationFacts;
  /**
   * LimitRange and ResourceQuota: the whole object, spans relative to `offset` (add it for file offsets), and
   * the file's lines when the text was at hand (withTreeLines), for "limits.yaml:12" in explanations.
   */
  readonly tree?: { readonly root: YMap; readonly offset: number; readonly lines?: LineIndex };
}

/** Kinds whose whole tree the index keeps (few per workspace; admission reads them). */
export const TREE_KINDS: ReadonlySet<string> = new Set(['LimitRange', 'ResourceQuota']);
/** Kinds whose pods exist in the cluster (a PodTemplate object runs nothing). */
export const POD_OWNER_KINDS: ReadonlySet<string> = new Set(['Pod', 'Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'ReplicationController', 'Job', 'CronJob']);
/** Built-in kinds with a `spec.template` that holds no pod's labels (or none that a Service selects). */
const BUILT_IN_KINDS: ReadonlySet<string> = new Set(['PodTemplate', 'Service', 'PodDisruptionBudget', 'HorizontalPodAutoscaler']);
const SCALED_KINDS = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController']);
/** Objects taken from one file at most (a List of millions of items must not fill the index). */
export const MAX_OBJECTS_PER_FILE = 10_000;

/** Whether a file name is a kustomization (kustomize's recognised names). */
export function isKustomizationFile(file: string): boolean {
  return /(?:^|[\\/])(?:kustomization\.ya?ml|Kustomization)$/.test(file);
}

/**
 * The objects of parsed documents. `offset`: what to add to the documents' spans for file offsets
 * (a chunk's start); `docBase`: the file-level index of the first document.
 */
export function objectsOfDocuments(file: string, documents: readonly ParsedDocument[], offset = 0, docBase = 0, out: IndexedObject[] = []): IndexedObject[] {
  const kustomization = isKustomizationFile(file);
  for (const doc of documents) {
    if (out.length >= MAX_OBJECTS_PER_FILE) break;
    const root = doc.root;
    if (!isMap(root)) continue;
    const document = docBase + doc.index;
    if (kustomization) {
      out.push(kustomizationObject(file, root, document, offset, doc.templated));
      continue;
    }
    const kind = str(get(root, 'kind'));
    if (kind === 'List' || (kind?.endsWith('List') && get(root, 'items'))) {
      items(get(root, 'items')).forEach((item, i) => {
        if (isMap(item) && out.length < MAX_OBJECTS_PER_FILE) {
          const o = objectOf(file, item, document, i, offset, doc.templated);
          if (o) out.push(o);
        }
      });
      continue;
    }
    const o = objectOf(file, root, document, undefined, offset, doc.templated);
    if (o) out.push(o);
  }
  return out;
}

/** The objects with a tree get the lines of `text`, their file's text (one LineIndex, built only when needed). */
export function withTreeLines(objects: IndexedObject[], text: string): IndexedObject[] {
  let lines: LineIndex | undefined;
  for (let i = 0; i < objects.length; i++) {
    const o = objects[i]!;
    if (!o.tree || o.tree.lines) continue;
    lines ??= new LineIndex(text);
    objects[i] = { ...o, tree: { ...o.tree, lines } };
  }
  return objects;
}

const shifted = (s: Span, by: number): Span => (by === 0 ? s : { start: s.start + by, end: s.end + by });

function labelsAt(node: YNode | undefined): LabelMap {
  const m = stringMap(node);
  return m === undefined || m === 'invalid' ? EMPTY : m;
}
const EMPTY: LabelMap = new Map();

function scalarValue(node: YNode | undefined): string | number | undefined {
  if (!isScalar(node)) return undefined;
  return typeof node.value === 'string' || typeof node.value === 'number' ? node.value : undefined;
}

function valueAt(map: YNode | undefined, key: string, by: number): ValueAt<string | number> | undefined {
  const e = entry(map, key);
  const v = scalarValue(e?.value);
  return e && e.value && v !== undefined ? { value: v, span: shifted(e.value.span, by) } : undefined;
}

function resourceMap(node: YNode | undefined): ResourceMap | undefined {
  if (!isMap(node)) return undefined;
  const out: Record<string, string> = {};
  for (const e of node.entries) {
    if (isScalar(e.value) && e.value.value !== null) out[e.key] = quantityText(e.value.value, e.value.source, e.value.quoted) ?? e.value.source;
  }
  return out;
}

function objectOf(file: string, root: YMap, document: number, listItem: number | undefined, by: number, templated: boolean): IndexedObject | undefined {
  const kindEntry = entry(root, 'kind');
  const kind = str(kindEntry?.value);
  if (!kind || !kindEntry) return undefined;
  const metadata = get(root, 'metadata');
  const base = {
    file, document, listItem, templated, kind,
    apiVersion: str(get(root, 'apiVersion')),
    name: str(get(metadata, 'name')) ?? (kind === 'Pod' ? str(get(metadata, 'generateName')) : undefined),
    metadataNamespace: str(get(metadata, 'namespace')),
    span: shifted(root.span, by),
    kindSpan: shifted({ start: kindEntry.keySpan.start, end: kindEntry.value?.span.end ?? kindEntry.keySpan.end }, by),
    labels: labelsAt(get(metadata, 'labels')),
  };
  const spec = get(root, 'spec');
  if (isWorkloadKind(kind)) return { ...base, ...workloadFacts(root, kind, spec, by) };
  switch (kind) {
    case 'Service': return { ...base, service: serviceFacts(spec, by) };
    case 'PodDisruptionBudget': return {
      ...base,
      disruptionBudget: {
        selector: selectorFacts(spec, by),
        minAvailable: valueAt(spec, 'minAvailable', by),
        maxUnavailable: valueAt(spec, 'maxUnavailable', by),
      },
    };
    case 'HorizontalPodAutoscaler': return { ...base, autoscaler: autoscalerFacts(root, spec, by) };
    default: {
      if (TREE_KINDS.has(kind)) return { ...base, tree: { root, offset: by } };
      const templateLabels = getPath(spec, ['template', 'metadata', 'labels']);
      return templateLabels !== undefined && !BUILT_IN_KINDS.has(kind) ? { ...base, customTemplateLabels: labelsAt(templateLabels) } : base;
    }
  }
}

function workloadFacts(root: YMap, kind: string, spec: YNode | undefined, by: number): Partial<IndexedObject> {
  const specPath = SPEC_PATHS[kind as keyof typeof SPEC_PATHS];
  const podSpec = getPath(root, specPath);
  const podMeta = kind === 'Pod' ? get(root, 'metadata') : getPath(root, [...specPath.slice(0, -1), 'metadata']);
  const out: { -readonly [K in keyof IndexedObject]?: IndexedObject[K] } = {};
  if (kind !== 'PodTemplate' && isMap(podSpec)) out.pod = podFacts(podSpec, labelsAt(get(podMeta, 'labels')));
  if (SCALED_KINDS.has(kind)) {
    const r = get(spec, 'replicas');
    out.replicas = r === undefined || (isScalar(r) && r.value === null) ? 1 : int(r) ?? 1;
  }
  if (kind === 'Deployment') {
    const strategy = get(spec, 'strategy');
    const ru = get(strategy, 'rollingUpdate');
    const surgeValue = entry(ru, 'maxSurge')?.value;
    const anchor = surgeValue?.span ?? entry(spec, 'strategy')?.keySpan ?? entry(spec, 'replicas')?.keySpan;
    out.rollout = {
      type: str(get(strategy, 'type')), maxSurge: scalarValue(get(ru, 'maxSurge')), maxUnavailable: scalarValue(get(ru, 'maxUnavailable')),
      span: anchor ? shifted(anchor, by) : undefined,
    };
  }
  if (kind === 'Job') {
    const parallelism = int(get(spec, 'parallelism')) ?? 1;
    const completions = int(get(spec, 'completions'));
    out.parallelism = completions === undefined ? parallelism : Math.min(parallelism, completions);
  }
  if (kind === 'ReplicationController') {
    const e = entry(spec, 'selector');
    const m = stringMap(e?.value);
    out.selector = { present: m !== undefined && m !== 'invalid' && m.size > 0, requirements: m === 'invalid' ? undefined : [...(m ?? [])].map(([key, v]) => ({ key, op: 'In' as const, values: [v] })), span: e ? shifted(e.keySpan, by) : undefined };
  } else if (kind !== 'Pod' && kind !== 'PodTemplate' && kind !== 'CronJob') {
    out.selector = selectorFacts(spec, by);
  }
  return out;
}

function selectorFacts(spec: YNode | undefined, by: number): SelectorFacts {
  const e = entry(spec, 'selector');
  const present = e !== undefined && e.value !== undefined && !(isScalar(e.value) && e.value.value === null);
  return { present, requirements: present ? selectorRequirements(e!.value!) : [], span: e ? shifted(e.keySpan, by) : undefined };
}

function podFacts(spec: YMap, labels: LabelMap): PodTemplateFacts {
  const containers: ContainerFacts[] = [];
  const add = (key: string, roleOf: (n: YNode) => ContainerFacts['role']) => {
    for (const n of items(get(spec, key))) {
      if (!isMap(n)) continue;
      const resources = get(n, 'resources');
      containers.push({
        name: str(get(n, 'name')),
        role: roleOf(n),
        ports: items(get(n, 'ports')).filter(isMap).map((p) => ({
          name: str(get(p, 'name')),
          containerPort: int(get(p, 'containerPort')),
          protocol: str(get(p, 'protocol')) ?? 'TCP',
        })),
        requests: resourceMap(get(resources, 'requests')) ?? NONE,
        limits: resourceMap(get(resources, 'limits')) ?? NONE,
      });
    }
  };
  add('initContainers', (n) => (str(get(n, 'restartPolicy')) === 'Always' ? 'sidecar' : 'init'));
  add('containers', () => 'app');
  const podResources = get(spec, 'resources');
  return {
    labels, containers,
    podRequests: resourceMap(get(podResources, 'requests')),
    podLimits: resourceMap(get(podResources, 'limits')),
    overhead: resourceMap(get(spec, 'overhead')),
    priorityClassName: str(get(spec, 'priorityClassName')),
    activeDeadlineSeconds: int(get(spec, 'activeDeadlineSeconds')),
    crossNamespaceAffinity: crossNamespaceAffinity(get(spec, 'affinity')),
  };
}

/** A pod (anti-)affinity term with `namespaces` or a `namespaceSelector` (the CrossNamespacePodAffinity quota scope). */
function crossNamespaceAffinity(affinity: YNode | undefined): boolean {
  const crosses = (term: YNode | undefined) => {
    const selector = get(term, 'namespaceSelector');
    return items(get(term, 'namespaces')).length > 0 || (selector !== undefined && !(isScalar(selector) && selector.value === null));
  };
  return ['podAffinity', 'podAntiAffinity'].some((k) => {
    const a = get(affinity, k);
    return items(get(a, 'requiredDuringSchedulingIgnoredDuringExecution')).some(crosses)
      || items(get(a, 'preferredDuringSchedulingIgnoredDuringExecution')).some((w) => crosses(get(w, 'podAffinityTerm')));
  });
}
const NONE: ResourceMap = Object.freeze({});

function serviceFacts(spec: YNode | undefined, by: number): ServiceFacts {
  const e = entry(spec, 'selector');
  const m = stringMap(e?.value);
  const valueSpans = new Map<string, Span>();
  if (isMap(e?.value)) for (const x of e.value.entries) if (x.value) valueSpans.set(x.key, shifted(x.value.span, by));
  return {
    type: str(get(spec, 'type')) ?? 'ClusterIP',
    selector: m === undefined || m === 'invalid' || m.size === 0 ? undefined : m,
    selectorSpan: e ? shifted(e.keySpan, by) : undefined,
    selectorValueSpans: valueSpans,
    ports: items(get(spec, 'ports')).filter(isMap).map((p) => ({
      name: str(get(p, 'name')),
      port: int(get(p, 'port')),
      protocol: str(get(p, 'protocol')) ?? 'TCP',
      targetPort: valueAt(p, 'targetPort', by),
    })),
  };
}

/** Utilization targets: autoscaling/v2 metrics (default: cpu at 80%), or v1's targetCPUUtilizationPercentage (default 80). */
function autoscalerFacts(root: YMap, spec: YNode | undefined, by: number): AutoscalerFacts {
  const refEntry = entry(spec, 'scaleTargetRef');
  const ref = refEntry?.value;
  const target = refEntry ? { kind: str(get(ref, 'kind')), name: str(get(ref, 'name')), span: shifted(refEntry.keySpan, by) } : undefined;
  const specEntry = entry(root, 'spec');
  const fallback = shifted(specEntry?.keySpan ?? entry(root, 'kind')!.keySpan, by);
  const metrics: AutoscalerMetricFacts[] = [];
  if (str(get(root, 'apiVersion')) === 'autoscaling/v1') {
    const e = entry(spec, 'targetCPUUtilizationPercentage');
    metrics.push({ type: 'Resource', resource: 'cpu', container: undefined, span: e ? shifted(e.keySpan, by) : fallback, path: e ? 'spec.targetCPUUtilizationPercentage' : 'spec' });
    return { target, utilizationMetrics: metrics };
  }
  const list = get(spec, 'metrics');
  if (list === undefined || (isScalar(list) && list.value === null) || items(list).length === 0) {
    // SetDefaults_HorizontalPodAutoscaler: no metrics means cpu utilization at 80%.
    metrics.push({ type: 'Resource', resource: 'cpu', container: undefined, span: fallback, path: list === undefined ? 'spec' : 'spec.metrics' });
    return { target, utilizationMetrics: metrics };
  }
  items(list).forEach((m, i) => {
    const type = str(get(m, 'type'));
    if (type !== 'Resource' && type !== 'ContainerResource') return;
    const body = get(m, type === 'Resource' ? 'resource' : 'containerResource');
    // autoscaling/v2: target.type; v2beta2 the same; v2beta1 used targetAverageUtilization.
    const targetType = str(getPath(body, ['target', 'type']));
    const utilization = targetType === 'Utilization' || (targetType === undefined && get(body, 'targetAverageUtilization') !== undefined);
    const nameEntry = entry(body, 'name');
    const resource = str(nameEntry?.value);
    if (!utilization || !resource || !nameEntry) return;
    const bodyKey = type === 'Resource' ? 'resource' : 'containerResource';
    metrics.push({ type, resource, container: type === 'ContainerResource' ? str(get(body, 'container')) : undefined, span: shifted(nameEntry.value?.span ?? nameEntry.keySpan, by), path: `spec.metrics[${i}].${bodyKey}.name` });
  });
  return { target, utilizationMetrics: metrics };
}

function kustomizationObject(file: string, root: YMap, document: number, by: number, templated: boolean): IndexedObject {
  const kindEntry = entry(root, 'kind');
  const resources = [...items(get(root, 'resources')), ...items(get(root, 'bases'))].map(str).filter((s): s is string => s !== undefined);
  return {
    file, document, listItem: undefined, templated,
    apiVersion: str(get(root, 'apiVersion')), kind: 'Kustomization', name: undefined, metadataNamespace: undefined,
    span: shifted(root.span, by),
    kindSpan: shifted(kindEntry?.keySpan ?? { start: root.span.start, end: root.span.start }, by),
    labels: EMPTY,
    kustomization: { namespace: str(get(root, 'namespace')), resources: resources.slice(0, 1000) },
  };
}
