/**
 * Finds every pod spec in a parsed file: Pods, workload pod templates, PodTemplates and the items
 * of `List` objects. Documents that are not Kubernetes workloads are ignored silently.
 */
import type { ParsedDocument } from './parse';
import { WORKLOAD_KINDS } from './pod';
import type { ContainerListKey, ContainerModel, ContainerRole, PodSpecModel, WorkloadKind } from './pod';
import { containerModel, intField, resourceList, resourceRequirements } from './containerModel';
import { entry, get, getPath, isMap, items, str } from './tree';
import type { YEntry, YMap, YNode } from './tree';
import { droppedFields, isDropped } from './droppedFields';
import { featureEnabled } from './version';
import type { KubeVersion } from './version';

export const SPEC_PATHS: Record<WorkloadKind, readonly string[]> = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
  PodTemplate: ['template', 'spec'],
};

export interface ModelOptions {
  readonly version: KubeVersion;
}

export function isWorkloadKind(k: string | undefined): k is WorkloadKind {
  return k !== undefined && (WORKLOAD_KINDS as readonly string[]).includes(k);
}

export function findPods(documents: readonly ParsedDocument[], options: ModelOptions): PodSpecModel[] {
  const pods: PodSpecModel[] = [];
  for (const doc of documents) {
    const root = doc.root;
    if (!isMap(root)) continue;
    const kind = str(get(root, 'kind'));
    if (kind === 'List' || (kind?.endsWith('List') && get(root, 'items'))) {
      items(get(root, 'items')).forEach((item, i) => {
        if (isMap(item)) pushPod(pods, item, doc.index, i, options);
      });
    } else {
      pushPod(pods, root, doc.index, undefined, options);
    }
  }
  return pods;
}

function pushPod(pods: PodSpecModel[], root: YMap, document: number, listItem: number | undefined, options: ModelOptions): void {
  const kind = str(get(root, 'kind'));
  if (!isWorkloadKind(kind)) return;
  const specPath = SPEC_PATHS[kind];
  const spec = getPath(root, specPath);
  if (!isMap(spec)) return;
  pods.push(podModel(root, spec, kind, specPath, pods.length, document, listItem, options));
}

function podModel(root: YMap, spec: YMap, kind: WorkloadKind, specPath: readonly string[], index: number, document: number, listItem: number | undefined, options: ModelOptions): PodSpecModel {
  const kindEntry = entry(root, 'kind');
  const restart = entry(spec, 'restartPolicy');
  const sidecarsOn = featureEnabled(options.version, 'SidecarContainers');
  const jobSpec = kind === 'Job' ? get(root, 'spec') : kind === 'CronJob' ? getPath(root, ['spec', 'jobTemplate', 'spec']) : undefined;
  const dropped = droppedFields(spec, options.version, isMap(jobSpec) ? jobSpec : undefined);
  const gone = (e: YEntry | undefined) => isDropped(dropped, e);
  const containers: ContainerModel[] = [];
  const add = (key: ContainerListKey, roleOf: (n: YMap) => ContainerRole) => {
    items(get(spec, key)).forEach((n, i) => {
      if (isMap(n)) containers.push(containerModel(n, key, i, roleOf(n), gone));
    });
  };
  // Before SidecarContainers is on, the API server drops an init container's restartPolicy: it is a regular init container.
  add('initContainers', (n) => (sidecarsOn && str(get(n, 'restartPolicy')) === 'Always' ? 'sidecar' : 'init'));
  add('containers', () => 'app');
  add('ephemeralContainers', () => 'ephemeral');
  const overheadEntry = entry(spec, 'overhead');
  const podRes = entry(spec, 'resources');
  const podLevelOn = featureEnabled(options.version, 'PodLevelResources');
  return {
    index, document, listItem, kind,
    apiVersion: str(get(root, 'apiVersion')),
    name: nameOf(root, kind),
    namespace: str(getPath(root, ['metadata', 'namespace'])),
    root, spec, specPath,
    span: root.span,
    anchorSpan: kindEntry ? { start: kindEntry.keySpan.start, end: kindEntry.value?.span.end ?? kindEntry.keySpan.end } : root.span,
    kindNode: kindEntry?.value,
    restartPolicy: { value: str(restart?.value) ?? 'Always', node: restart?.value, keySpan: restart?.keySpan },
    terminationGracePeriodSeconds: intField(spec, 'terminationGracePeriodSeconds', 30),
    activeDeadlineSeconds: entry(spec, 'activeDeadlineSeconds') ? intField(spec, 'activeDeadlineSeconds', 0) : undefined,
    containers,
    overhead: resourceList(overheadEntry?.value),
    overheadNode: overheadEntry?.value,
    // When PodLevelResources is off, the API server drops spec.resources.
    podResources: podRes && podLevelOn && isMap(podRes.value) ? resourceRequirements(podRes.value) : undefined,
    dropped,
  };
}

function nameOf(root: YNode, kind: WorkloadKind): string | undefined {
  return str(getPath(root, ['metadata', 'name'])) ?? (kind === 'Pod' ? str(getPath(root, ['metadata', 'generateName'])) : undefined);
}
