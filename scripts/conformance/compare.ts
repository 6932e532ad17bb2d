/**
 * What the reference (the real Kubernetes code) says about one object versus what Pod Lens says.
 *  - validation: every API-server error needs a Pod Lens error at the same field path; a Pod Lens
 *    error at a path where the API server raises none is a false error. A body the API server cannot
 *    decode (bad quantity, strict-decoding error) is rejected whole, so any Pod Lens error matches it.
 *  - for objects the API server accepts: QoS class and effective requests and limits, string for string.
 */

import { compareQuantities, parseQuantity } from '../../server/src/model/quantity';

export interface RefError { field: string; type: string; reason: string; detail?: string; message: string }
export interface RefPod { qosClass: string; requests: Record<string, string>; limits: Record<string, string>; errors?: RefError[] }
export interface RefDoc {
  doc: number; apiVersion?: string; kind?: string; name?: string; decodeError?: string;
  errors: RefError[]; object?: unknown; pod?: RefPod;
}
export interface Position { line: number; character: number }
export interface PlDiagnostic { code: string; severity: string; message: string; range: { start: Position; end: Position } }
export interface PlPod { kind: string; name?: string; qosClass: string; requests: Record<string, string>; limits: Record<string, string>; range: { start: Position; end: Position } }

export type DifferenceKind = 'missed-error' | 'false-error' | 'template-error-on-pod-only' | 'missed-decode-error' | 'qos' | 'requests' | 'limits' | 'no-pod';

export interface Difference {
  kind: DifferenceKind;
  /** Field path (indices kept) or resource names. */
  where: string;
  /** Groups differences with the same cause: kind + path with indices as [*] + reason/code. */
  signature: string;
  reference: string;
  podLens: string;
  /** The Kubernetes function whose answer Pod Lens must match. */
  responsible: string;
}

export function normalizePath(p: string): string {
  return p.replace(/\[\d+\]/g, '[*]');
}

/** Pod Lens messages start with the field path: `spec.containers[0].resources.requests.cpu: Invalid value: ...`. */
export function diagnosticPath(message: string): string {
  const i = message.indexOf(': ');
  return i < 0 ? message : message.slice(0, i);
}

const STRATEGY: Record<string, string> = {
  Pod: 'pkg/registry/core/pod Strategy.Validate -> validation.ValidatePodCreate',
  PodTemplate: 'pkg/registry/core/podtemplate Strategy.Validate -> validation.ValidatePodTemplate',
  ReplicationController: 'pkg/registry/core/replicationcontroller Strategy.Validate -> validation.ValidateReplicationController',
  Deployment: 'pkg/registry/apps/deployment Strategy.Validate -> apps/validation.ValidateDeployment',
  StatefulSet: 'pkg/registry/apps/statefulset Strategy.Validate -> apps/validation.ValidateStatefulSet',
  DaemonSet: 'pkg/registry/apps/daemonset Strategy.Validate -> apps/validation.ValidateDaemonSet',
  ReplicaSet: 'pkg/registry/apps/replicaset Strategy.Validate -> apps/validation.ValidateReplicaSet',
  Job: 'pkg/registry/batch/job Strategy.Validate -> batch/validation.ValidateJob',
  CronJob: 'pkg/registry/batch/cronjob Strategy.Validate -> batch/validation.ValidateCronJobCreate',
};

function sameMap(a: Record<string, string>, b: Record<string, string>): boolean {
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && a[k] === b[k]);
}

function differingKeys(a: Record<string, string>, b: Record<string, string>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => a[k] !== b[k]).sort();
}

/** Only grouping: do the two strings spell the same amount (a canonical-format difference)? */
function sameAmount(a: string | undefined, b: string | undefined): boolean {
  const qa = a === undefined ? undefined : parseQuantity(a);
  const qb = b === undefined ? undefined : parseQuantity(b);
  return qa !== undefined && qb !== undefined && compareQuantities(qa, qb) === 0;
}

function show(m: Record<string, string>): string {
  const e = Object.entries(m).sort(([x], [y]) => x.localeCompare(y));
  return e.length ? e.map(([k, v]) => `${k}=${v}`).join(' ') : '(none)';
}

function decodeClass(msg: string): string {
  if (msg.includes('quantities must match')) return 'quantity syntax';
  if (msg.includes('unknown field')) return 'unknown field';
  if (msg.includes('duplicate field')) return 'duplicate field';
  return msg.replace(/"[^"]*"/g, '"…"').replace(/\d+/g, 'N').slice(0, 80);
}

/** `spec.template.spec.x` -> `spec.x` (the same field in the pod a controller creates), else undefined. */
export function templatePathInPod(p: string): string | undefined {
  for (const prefix of ['spec.jobTemplate.spec.template.', 'spec.template.', 'template.']) {
    if (p.startsWith(prefix)) return p.slice(prefix.length);
  }
  return undefined;
}

/**
 * Every field path a Pod Lens error states an API-server error at: the one it starts with, and each
 * `The API server also reports <path>: <type>: ...` sentence (one diagnostic on a limit that the API
 * server reports twice, at the limit and at the request it copies from it: rules/shared/copiedRequests.ts).
 */
export function diagnosticPaths(message: string): string[] {
  const out = [diagnosticPath(message)];
  for (const m of message.matchAll(/The API server also reports (.+?): (?:Invalid value|Unsupported value|Required value|Forbidden|Not found|Duplicate value):/g)) out.push(m[1]!);
  return out;
}

export function compareDocument(ref: RefDoc, diagnostics: readonly PlDiagnostic[], pods: readonly PlPod[]): Difference[] {
  const out: Difference[] = [];
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const kind = ref.kind ?? '?';
  if (ref.decodeError) {
    if (errors.length === 0) {
      const cls = decodeClass(ref.decodeError);
      out.push({
        kind: 'missed-decode-error', where: '', signature: `missed-decode-error:${cls}`,
        reference: `rejected before validation: ${ref.decodeError}`, podLens: 'no error',
        responsible: 'apiserver create handler: strict JSON decoding (apimachinery runtime/serializer/json; resource.Quantity UnmarshalJSON)',
      });
    }
    return out;
  }
  const plPaths = new Set(errors.flatMap((d) => diagnosticPaths(d.message)));
  const refPaths = new Set(ref.errors.map((e) => e.field));
  for (const e of ref.errors) {
    if (plPaths.has(e.field)) continue;
    out.push({
      kind: 'missed-error', where: e.field, signature: `missed-error:${normalizePath(e.field)}:${e.reason}`,
      reference: e.message, podLens: errors.length ? `errors elsewhere: ${errors.map((d) => diagnosticPath(d.message)).join(', ')}` : 'no error',
      responsible: STRATEGY[kind] ?? 'registry Strategy.Validate',
    });
  }
  const podPaths = new Set((ref.pod?.errors ?? []).map((e) => e.field));
  for (const d of errors) {
    const p = diagnosticPath(d.message);
    if (refPaths.has(p)) continue;
    const inPod = templatePathInPod(p);
    if (inPod !== undefined && podPaths.has(inPod)) {
      // The API server accepts the workload, but rejects the pod its controller makes from the template.
      const e = ref.pod!.errors!.find((x) => x.field === inPod)!;
      out.push({
        kind: 'template-error-on-pod-only', where: p, signature: `template-error-on-pod-only:${normalizePath(p)}:${d.code}`,
        reference: `${kind} accepted; the pod made from its template is rejected: ${e.message}`,
        podLens: `[${d.code}] ${d.message}`,
        responsible: `${STRATEGY[kind] ?? 'registry Strategy.Validate'} (templates are not defaulted like pods: core/v1 SetDefaults_Pod copies limits to requests only for a Pod)`,
      });
      continue;
    }
    out.push({
      kind: 'false-error', where: p, signature: `false-error:${normalizePath(p)}:${d.code}`,
      reference: ref.errors.length ? `errors elsewhere: ${ref.errors.map((e) => e.field).join(', ')}` : 'accepted (no error)',
      podLens: `[${d.code}] ${d.message}`, responsible: STRATEGY[kind] ?? 'registry Strategy.Validate',
    });
  }
  if (ref.errors.length > 0 || !ref.pod) return out;
  const pod = pods[0];
  if (!pod) {
    out.push({ kind: 'no-pod', where: '', signature: `no-pod:${kind}`, reference: `qosClass ${ref.pod.qosClass}`, podLens: 'no pod spec found', responsible: 'pod Strategy.PrepareForCreate' });
    return out;
  }
  if (pod.qosClass !== ref.pod.qosClass) {
    out.push({
      kind: 'qos', where: '', signature: `qos:${ref.pod.qosClass}->${pod.qosClass}`, reference: ref.pod.qosClass, podLens: pod.qosClass,
      responsible: 'pkg/apis/core/helper/qos.GetPodQOS (status.qosClass, set by pod Strategy.PrepareForCreate after podutil.DefaultPodLevelResources)',
    });
  }
  for (const which of ['requests', 'limits'] as const) {
    if (sameMap(ref.pod[which], pod[which])) continue;
    const keys = differingKeys(ref.pod[which], pod[which]);
    const formatOnly = keys.every((k) => sameAmount(ref.pod![which][k], pod[which][k]));
    out.push({
      kind: which, where: keys.join(','), signature: `${which}:${keys.map((k) => k.replace(/^hugepages-.*/, 'hugepages-*')).join(',')}:${formatOnly ? 'format' : 'amount'}`,
      reference: show(ref.pod[which]), podLens: show(pod[which]),
      responsible: `k8s.io/component-helpers/resource.Pod${which === 'requests' ? 'Requests' : 'Limits'} (after core/v1 defaulting and podutil.DefaultPodLevelResources)`,
    });
  }
  return out;
}
