/**
 * PodAnalysis -> what the simulator needs about each container, with Kubernetes defaults applied
 * (probe defaults via timing.ts, restartPolicy Always, terminationGracePeriodSeconds 30, the
 * imagePullPolicy default) and the spans of the YAML that causes each step.
 */
import type { ContainerModel, PodSpecModel, ProbeKind } from '../../model/pod';
import type { KubeVersion } from '../../model/version';
import { formatQuantity, isZero } from '../../model/quantity';
import { bool, entry, get, int, isMap, items, str } from '../../model/tree';
import type { Span } from '../../model/tree';
import type { PodAnalysis } from '../podAnalysis';
import { ownRestartPolicy } from '../containerRestart';
import { knownDuration, shellKeepsPid1 } from '../rules/shared/commands';
import { evictionDelay } from '../taintEviction';
import { probeTiming } from '../timing';
import type { ProbeTiming } from '../timing';
import type { Assumptions, Role } from './types';

export interface SimProbe { readonly kind: ProbeKind; readonly timing: ProbeTiming; readonly span: Span }

export interface SimContainer {
  readonly name: string;
  readonly role: Role;
  readonly index: number;
  readonly span: Span;
  readonly imageSpan: Span | undefined;
  /** Always | IfNotPresent | Never (API default: Always for :latest or no tag). */
  readonly pullPolicy: string;
  readonly image: string;
  readonly probes: Partial<Record<ProbeKind, SimProbe>>;
  readonly postStartSeconds: number | undefined;
  readonly postStartSpan: Span | undefined;
  readonly preStopSeconds: number | undefined;
  readonly preStopSpan: Span | undefined;
  /**
   * A `-c` script in which the shell can stay PID 1 (the shell-entrypoint rule's test): SIGTERM is
   * ignored. For `sh` the simulator assumes the strictest common sh, dash (Debian, Ubuntu).
   */
  readonly shellPid1: boolean;
  readonly commandSpan: Span | undefined;
  readonly appStartSeconds: number;
  /** The container as modelled (its restartPolicyRules; containerRestart.ts reads it). */
  readonly model: ContainerModel;
  /** Its own restartPolicy where the API server keeps it (1.35+, not sidecars): Always | OnFailure | Never. */
  readonly ownRestartPolicy: string | undefined;
  readonly ownRestartPolicySpan: Span | undefined;
}

export interface SimPod {
  readonly pod: PodSpecModel;
  /** The Kubernetes version simulated (feature gates: ContainerRestartRules, RestartAllContainersOnContainerExits). */
  readonly version: KubeVersion;
  readonly kind: string;
  readonly restartPolicy: 'Always' | 'OnFailure' | 'Never';
  readonly restartPolicySpan: Span | undefined;
  readonly grace: number;
  readonly graceSpan: Span | undefined;
  /** Init containers (incl. sidecars) in spec order, then app containers. Ephemeral ones are not run. */
  readonly containers: readonly SimContainer[];
  readonly ephemeral: readonly SimContainer[];
  readonly runToCompletion: boolean;
  readonly readinessGates: readonly string[];
  readonly readinessGatesSpan: Span | undefined;
  readonly unreachableToleration: number | null;
  readonly notReadyToleration: number | null;
  readonly tolerationsSpan: Span | undefined;
  readonly qosClass: 'Guaranteed' | 'Burstable' | 'BestEffort';
  /** The pod's memory request as the eviction manager reads it (GetResourceRequestQuantity: effective + overhead); undefined when none. */
  readonly memoryRequest: string | undefined;
  readonly priorityClassName: string | undefined;
  /** spec.priority when written (the Priority admission plugin sets it from priorityClassName). */
  readonly priority: number | undefined;
  readonly droppedContainers: number;
}

/** The simulator runs at most this many containers (a pod has a handful; the rest are cut with a note). */
export const MAX_CONTAINERS = 200;

function keySpan(map: unknown, key: string): Span | undefined {
  const e = entry(map as never, key);
  return e ? { start: e.keySpan.start, end: e.value?.span.end ?? e.keySpan.end } : undefined;
}

/** The API server's default: Always when the tag is latest or missing (and no digest), else IfNotPresent. */
export function defaultPullPolicy(image: string): string {
  if (image.includes('@')) return 'IfNotPresent';
  const last = image.split('/').pop() ?? '';
  const colon = last.lastIndexOf(':');
  const tag = colon < 0 ? '' : last.slice(colon + 1);
  return tag === '' || tag === 'latest' ? 'Always' : 'IfNotPresent';
}

function shellPid1(pod: PodSpecModel, c: ContainerModel): boolean {
  return shellKeepsPid1(c.command, c.args, bool(get(pod.spec, 'shareProcessNamespace')) === true) !== undefined;
}

function container(a: PodAnalysis, c: ContainerModel, asm: Assumptions): SimContainer {
  const canHave = c.role === 'app' || c.role === 'sidecar';
  const probes: Partial<Record<ProbeKind, SimProbe>> = {};
  if (canHave) {
    for (const k of ['startup', 'liveness', 'readiness'] as const) {
      const p = c.probes[k];
      if (p) probes[k] = { kind: k, timing: probeTiming(p), span: { start: p.keySpan.start, end: p.node.span.end } };
    }
  }
  const hookSecs = (h: ContainerModel['lifecycle']['postStart']) => {
    if (!h || !canHave) return undefined;
    const d = knownDuration(h, a.version);
    return d ? Math.max(0, d.seconds) : asm.hookSeconds;
  };
  const post = c.lifecycle.postStart;
  const pre = c.lifecycle.preStop;
  const image = c.image ?? '';
  const written = str(get(c.node, 'imagePullPolicy'));
  const byName = Object.prototype.hasOwnProperty.call(asm.appStartSecondsByContainer, c.name) ? asm.appStartSecondsByContainer[c.name] : undefined;
  return {
    name: c.name, role: c.role, index: c.index, span: c.span,
    imageSpan: keySpan(c.node, 'image'),
    pullPolicy: written === 'Always' || written === 'Never' || written === 'IfNotPresent' ? written : defaultPullPolicy(image),
    image,
    probes,
    postStartSeconds: hookSecs(post),
    postStartSpan: post && canHave ? { start: post.keySpan.start, end: post.node.span.end } : undefined,
    preStopSeconds: hookSecs(pre),
    preStopSpan: pre && canHave ? { start: pre.keySpan.start, end: pre.node.span.end } : undefined,
    shellPid1: shellPid1(a.pod, c),
    commandSpan: keySpan(c.node, 'command'),
    appStartSeconds: typeof byName === 'number' ? byName : asm.appStartSeconds,
    model: c,
    ownRestartPolicy: ownRestartPolicy(c, a.version),
    ownRestartPolicySpan: ownRestartPolicy(c, a.version) !== undefined ? keySpan(c.node, 'restartPolicy') : undefined,
  };
}

export function simPod(a: PodAnalysis, asm: Assumptions): SimPod {
  const pod = a.pod;
  const rp = pod.restartPolicy.value;
  // Workload controllers only accept Always (Jobs: OnFailure/Never); an invalid value is reported by a rule.
  const restartPolicy = rp === 'OnFailure' || rp === 'Never' ? rp : 'Always';
  const runnable = pod.containers.filter((c) => c.role !== 'ephemeral');
  const kept = runnable.slice(0, MAX_CONTAINERS);
  const gatesNode = get(pod.spec, 'readinessGates');
  const gates = items(gatesNode).flatMap((g) => {
    const t = isMap(g) ? str(get(g, 'conditionType')) : undefined;
    return t ? [t] : [];
  });
  const tol = get(pod.spec, 'tolerations');
  const ds = pod.kind === 'DaemonSet';
  const unreachable = evictionDelay(tol, 'node.kubernetes.io/unreachable', ds).seconds;
  const notReady = evictionDelay(tol, 'node.kubernetes.io/not-ready', ds).seconds;
  const memory = a.effective.requests.total.get('memory');
  return {
    pod, version: a.version, kind: pod.kind, restartPolicy,
    restartPolicySpan: keySpan(pod.spec, 'restartPolicy'),
    grace: Math.max(0, pod.terminationGracePeriodSeconds.value),
    graceSpan: keySpan(pod.spec, 'terminationGracePeriodSeconds'),
    containers: kept.map((c) => container(a, c, asm)),
    ephemeral: pod.containers.filter((c) => c.role === 'ephemeral').slice(0, MAX_CONTAINERS).map((c) => container(a, c, asm)),
    runToCompletion: pod.kind === 'Job' || pod.kind === 'CronJob',
    readinessGates: gates,
    readinessGatesSpan: keySpan(pod.spec, 'readinessGates'),
    unreachableToleration: unreachable ?? null,
    notReadyToleration: notReady ?? null,
    tolerationsSpan: keySpan(pod.spec, 'tolerations'),
    qosClass: a.qos.qosClass,
    memoryRequest: memory && !isZero(memory) ? formatQuantity(memory) : undefined,
    priorityClassName: str(get(pod.spec, 'priorityClassName')),
    priority: int(get(pod.spec, 'priority')),
    droppedContainers: runnable.length - kept.length,
  };
}
