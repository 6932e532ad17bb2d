/**
 * The pod model: plain data describing every pod spec found in a file, with source spans.
 * Built by `podModel.ts` from the YAML tree; read by everything in `analysis/`.
 * Values here are as written (after YAML decoding), with Kubernetes' API defaults filled in where
 * noted, and the original nodes kept so rules and hovers can point at exact keys.
 */
import type { DroppedField } from './droppedFields';
import type { Quantity, QuantityError } from './quantity';
import type { Span, YMap, YNode, YScalar } from './tree';

export const WORKLOAD_KINDS = [
  'Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob', 'PodTemplate',
] as const;
export type WorkloadKind = (typeof WORKLOAD_KINDS)[number];

/** init: regular init container; sidecar: restartable init container (restartPolicy: Always). */
export type ContainerRole = 'init' | 'sidecar' | 'app' | 'ephemeral';
export type ContainerListKey = 'initContainers' | 'containers' | 'ephemeralContainers';

/** One `name: quantity` entry of a resource list. `quantity` is undefined when the value is not a valid quantity. */
export interface ResourceEntry {
  readonly name: string;
  readonly keySpan: Span;
  readonly node: YNode | undefined;
  /** The text Kubernetes would parse: the scalar as written (numbers included). */
  readonly raw: string;
  readonly quantity: Quantity | undefined;
  /** Why `raw` does not parse (set exactly when `quantity` is undefined). */
  readonly error?: QuantityError | undefined;
}

export interface ResourceRequirements {
  /** The `resources` map itself (undefined when absent). */
  readonly node: YMap | undefined;
  readonly requests: readonly ResourceEntry[];
  readonly limits: readonly ResourceEntry[];
}

export type ProbeKind = 'liveness' | 'readiness' | 'startup';
export type ProbeHandlerType = 'exec' | 'httpGet' | 'tcpSocket' | 'grpc';

/** A probe timing field: the effective value (default applied) and the node when written. */
export interface IntField {
  readonly value: number;
  readonly node: YNode | undefined;
  readonly keySpan: Span | undefined;
}

export interface ProbeModel {
  readonly kind: ProbeKind;
  readonly key: 'livenessProbe' | 'readinessProbe' | 'startupProbe';
  readonly node: YMap;
  readonly keySpan: Span;
  /** Every handler written (validation wants exactly one). */
  readonly handlers: readonly { readonly type: ProbeHandlerType; readonly node: YNode | undefined; readonly keySpan: Span }[];
  readonly initialDelaySeconds: IntField; // default 0
  readonly periodSeconds: IntField; // default 10
  readonly timeoutSeconds: IntField; // default 1
  readonly successThreshold: IntField; // default 1
  readonly failureThreshold: IntField; // default 3
  readonly terminationGracePeriodSeconds: IntField | undefined;
  /** httpGet/tcpSocket/grpc port as written (number or named port). */
  readonly port: number | string | undefined;
  readonly portNode: YNode | undefined;
  /** exec command, for display only (never run). */
  readonly command: readonly string[] | undefined;
  readonly httpPath: string | undefined;
}

export type HookKind = 'postStart' | 'preStop';
export type HookActionType = 'exec' | 'httpGet' | 'tcpSocket' | 'sleep';

export interface HookModel {
  readonly kind: HookKind;
  readonly node: YMap;
  readonly keySpan: Span;
  readonly actions: readonly { readonly type: HookActionType; readonly node: YNode | undefined; readonly keySpan: Span }[];
  readonly sleepSeconds: IntField | undefined;
  readonly command: readonly string[] | undefined;
}

/** One `restartPolicyRules` item: `{action, exitCodes: {operator, values}}` as written. */
export interface RestartRuleModel {
  readonly action: string | undefined;
  readonly operator: string | undefined;
  /** Exit codes; undefined when `exitCodes` is absent. */
  readonly values: readonly number[] | undefined;
}

export interface PortModel {
  readonly name: string | undefined;
  readonly containerPort: number | undefined;
  readonly protocol: string; // default TCP
  readonly node: YMap;
}

export interface ContainerModel {
  readonly name: string;
  readonly nameNode: YScalar | undefined;
  readonly role: ContainerRole;
  readonly listKey: ContainerListKey;
  /** Index within its list (`initContainers[2]`). */
  readonly index: number;
  readonly node: YMap;
  /** Span of the list item (the `- name: ...` block). */
  readonly span: Span;
  readonly image: string | undefined;
  readonly imageNode: YNode | undefined;
  readonly command: readonly string[] | undefined;
  readonly args: readonly string[] | undefined;
  /**
   * Container-level restartPolicy as the API server keeps it: `Always` on an init container makes a
   * sidecar; from 1.35 (ContainerRestartRules) any container may set Always/Never/OnFailure. Undefined
   * when absent or dropped (at 1.34, see droppedFields.ts).
   */
  readonly restartPolicy: string | undefined;
  readonly restartPolicyNode: YNode | undefined;
  /** `restartPolicyRules` in order (empty when absent or dropped). */
  readonly restartRules: readonly RestartRuleModel[];
  readonly resources: ResourceRequirements;
  readonly probes: { readonly liveness?: ProbeModel; readonly readiness?: ProbeModel; readonly startup?: ProbeModel };
  readonly lifecycle: { readonly postStart?: HookModel; readonly preStop?: HookModel };
  readonly ports: readonly PortModel[];
}

export interface PodSpecModel {
  /** Index of this pod spec among all pod specs in the file (0-based). */
  readonly index: number;
  /** Index of the YAML document that holds it (0-based). */
  readonly document: number;
  /** Index within a `List` document's items, when it came from one. */
  readonly listItem: number | undefined;
  readonly kind: WorkloadKind;
  readonly apiVersion: string | undefined;
  readonly name: string | undefined;
  readonly namespace: string | undefined;
  /** The workload object (top-level mapping, or the List item). */
  readonly root: YMap;
  /** The pod spec mapping. */
  readonly spec: YMap;
  /** Keys from `root` to `spec`, e.g. ['spec', 'template', 'spec']. */
  readonly specPath: readonly string[];
  readonly span: Span;
  /** Where to anchor a code lens: the `kind:` entry of the object. */
  readonly anchorSpan: Span;
  readonly kindNode: YNode | undefined;
  readonly restartPolicy: { readonly value: string; readonly node: YNode | undefined; readonly keySpan: Span | undefined };
  readonly terminationGracePeriodSeconds: IntField; // default 30
  readonly activeDeadlineSeconds: IntField | undefined;
  /** Every container in start order: init containers and sidecars (spec order), app containers, ephemeral. */
  readonly containers: readonly ContainerModel[];
  readonly overhead: readonly ResourceEntry[];
  readonly overheadNode: YNode | undefined;
  /** Pod-level `spec.resources` (undefined when absent). */
  readonly podResources: ResourceRequirements | undefined;
  /** Written fields the API server drops at the target version (droppedFields.ts); the model leaves them out. */
  readonly dropped: readonly DroppedField[];
}

export function initContainers(pod: PodSpecModel): ContainerModel[] {
  return pod.containers.filter((c) => c.listKey === 'initContainers');
}
export function appContainers(pod: PodSpecModel): ContainerModel[] {
  return pod.containers.filter((c) => c.role === 'app');
}
export function ephemeralContainers(pod: PodSpecModel): ContainerModel[] {
  return pod.containers.filter((c) => c.role === 'ephemeral');
}
export function sidecars(pod: PodSpecModel): ContainerModel[] {
  return pod.containers.filter((c) => c.role === 'sidecar');
}
