/**
 * Shared helpers for the warning rules (legal but dangerous specs): field paths, anchors, and the
 * probe arithmetic the kubelet's prober uses (pkg/kubelet/prober/worker.go).
 * https://kubernetes.io/docs/concepts/configuration/liveness-readiness-startup-probes/
 */
import type { ContainerModel, PodSpecModel, ProbeModel } from '../../../model/pod';
import { entry, get, isMap, isScalar, items, str } from '../../../model/tree';
import type { Span, YMap, YNode } from '../../../model/tree';

/** `spec.template.spec.containers[0]`. */
export function containerPath(pod: PodSpecModel, c: ContainerModel): string {
  return `${pod.specPath.join('.')}.${c.listKey}[${c.index}]`;
}

/** Where to point for a container as a whole: its `name:` key, or the first key of the item. */
export function containerAnchor(c: ContainerModel): Span {
  const e = entry(c.node, 'name');
  if (e && e.keySpan.end > e.keySpan.start) return e.keySpan;
  const first = c.node.entries[0];
  return first ? first.keySpan : { start: c.span.start, end: Math.min(c.span.end, c.span.start + 1) };
}

/** A span that is never empty: the node's, else the fallback. */
export function spanOr(node: YNode | undefined, fallback: Span): Span {
  return node && node.span.end > node.span.start ? node.span : fallback;
}

/** Data quick fixes use to find the container again. */
export function where(c: ContainerModel): { list: string; index: number } {
  return { list: c.listKey, index: c.index };
}

/** Containers that run for the life of the pod: app containers and sidecars. */
export function longRunning(pod: PodSpecModel): ContainerModel[] {
  return pod.containers.filter((c) => c.role === 'app' || c.role === 'sidecar');
}

export const JOB_KINDS: ReadonlySet<string> = new Set(['Job', 'CronJob']);

/**
 * Seconds of consecutive failures before the kubelet acts on a probe: it acts after
 * `failureThreshold` failed probes, `periodSeconds` apart (prober worker.go).
 */
export function failureBudget(p: ProbeModel): number {
  return probeTiming(p).failureThreshold * probeTiming(p).periodSeconds;
}

/**
 * Probe timing after API defaulting (SetDefaults_Probe in pkg/apis/core/v1/defaults.go): a zero
 * periodSeconds/timeoutSeconds/successThreshold/failureThreshold becomes 10/1/1/3.
 */
export function probeTiming(p: ProbeModel): { initialDelaySeconds: number; periodSeconds: number; timeoutSeconds: number; successThreshold: number; failureThreshold: number } {
  const d = (v: number, dflt: number) => (v === 0 ? dflt : v);
  return {
    initialDelaySeconds: Math.max(0, p.initialDelaySeconds.value),
    periodSeconds: Math.max(1, d(p.periodSeconds.value, 10)),
    timeoutSeconds: Math.max(1, d(p.timeoutSeconds.value, 1)),
    successThreshold: Math.max(1, d(p.successThreshold.value, 1)),
    failureThreshold: Math.max(1, d(p.failureThreshold.value, 3)),
  };
}

/**
 * Upper estimate of when a liveness probe can first restart a container that is still starting:
 * the first probe runs after `initialDelaySeconds`, then it needs `failureThreshold` failures
 * `periodSeconds` apart.
 */
export function livenessStartBudget(p: ProbeModel): number {
  return probeTiming(p).initialDelaySeconds + failureBudget(p);
}

/** True when the node is a real value (not absent, not a null/blank template). */
export function isSet(node: YNode | undefined): boolean {
  return node !== undefined && !(isScalar(node) && node.value === null);
}

/** The pod spec's `volumes`, as maps. */
export function volumes(pod: PodSpecModel): { name: string | undefined; index: number; node: YMap }[] {
  return items(get(pod.spec, 'volumes')).flatMap((v, index) => (isMap(v) ? [{ name: str(get(v, 'name')), index, node: v }] : []));
}

/** A plain JSON form of a node (keys sorted), for comparing two subtrees. */
export function canonical(node: YNode | undefined): string {
  if (node === undefined) return 'null';
  if (node.type === 'scalar') return JSON.stringify(node.value);
  if (node.type === 'seq') return `[${node.items.map(canonical).join(',')}]`;
  const seen = new Map<string, YNode | undefined>();
  for (const e of node.entries) seen.set(e.key, e.value); // last key wins, like Kubernetes
  const keys = [...seen.keys()].sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(seen.get(k))}`).join(',')}}`;
}
