/**
 * One container of an observed pod: its state, the cause of its last termination, the crash-loop
 * back-off and its effective memory limit, each explanation pointing at the spec field behind it.
 */
import * as l10n from '@vscode/l10n';
import type { ContainerModel, ContainerRole } from '../../model/pod';
import { formatQuantity } from '../../model/quantity';
import type { Quantity } from '../../model/quantity';
import type { KubeVersion } from '../../model/version';
import type { PodAnalysis } from '../podAnalysis';
import { describeQos } from '../qosReason';
import { observedBackoff } from './backoff';
import type { ObservedBackoff } from './backoff';
import { CONFIG_REASONS, IMAGE_PULL_REASONS, terminationCause } from './cause';
import type { Cause } from './cause';
import { exitCodeMeaning, signalOf } from './exitCodes';
import type { Point } from './point';
import { configReference, containerField, containerName, podField } from './specLinks';
import type { SpecLink } from './specLinks';
import type { ObservedContainerStatus, ObservedStatus, Terminated } from './status';
import { formatGoDuration, formatTime } from './time';

export type Attention = 'ok' | 'progressing' | 'terminating' | 'failing' | 'stuck';

export interface ContainerExplanation {
  readonly name: string;
  readonly role: ContainerRole;
  readonly state: 'waiting' | 'running' | 'terminated' | null;
  readonly reason: string | null;
  readonly message: string | null;
  readonly exitCode: number | null;
  readonly signal: number | null;
  readonly restartCount: number | null;
  readonly cause: Cause | null;
  readonly backoffSeconds: number | null;
  /** ms since the epoch. */
  readonly nextRestartAt: number | null;
  readonly memoryLimit: string | null;
  /** Where the memory limit comes from: the container's own limit or the pod-level limit. */
  readonly memoryLimitFrom: 'container' | 'pod' | null;
  readonly ready: boolean | null;
  readonly attention: Attention;
  readonly backoff: ObservedBackoff | undefined;
  readonly status: ObservedContainerStatus | undefined;
  readonly spec: ContainerModel | undefined;
  readonly points: readonly Point[];
}

function memoryLimitOf(analysis: PodAnalysis | undefined, spec: ContainerModel | undefined): { q: Quantity | undefined; from: 'container' | 'pod' | null } {
  if (!analysis || !spec) return { q: undefined, from: null };
  const own = analysis.containerResources.get(spec)?.limits.get('memory');
  if (own) return { q: own, from: 'container' };
  const pod = analysis.podLevel?.limits.get('memory');
  return pod ? { q: pod, from: 'pod' } : { q: undefined, from: null };
}

function roleOf(cs: ObservedContainerStatus | undefined, spec: ContainerModel | undefined): ContainerRole {
  if (spec) return spec.role;
  return cs?.list === 'initContainers' ? 'init' : cs?.list === 'ephemeralContainers' ? 'ephemeral' : 'app';
}

/** The terminated state the cause and exit code describe: the current one, else lastState. */
function lastTermination(cs: ObservedContainerStatus | undefined): Terminated | undefined {
  return cs?.state?.terminated ?? cs?.lastState?.terminated;
}

export interface ContainerInput {
  readonly status: ObservedStatus;
  readonly cs: ObservedContainerStatus | undefined;
  readonly spec: ContainerModel | undefined;
  readonly analysis: PodAnalysis | undefined;
  readonly version: KubeVersion;
  /** The pod is Pending as Unschedulable: a container without a status waits for a node. */
  readonly unschedulable: boolean;
}

export function explainContainer(input: ContainerInput): ContainerExplanation {
  const { status, cs, spec, analysis } = input;
  const name = cs?.name ?? spec?.name ?? '';
  const role = roleOf(cs, spec);
  const version = input.version;
  const mem = memoryLimitOf(analysis, spec);
  const memText = mem.q ? formatQuantity(mem.q) : undefined;
  const points: Point[] = [];
  const at = cs?.state?.reasonSpan ?? cs?.nameSpan;
  const t = lastTermination(cs);
  const verdict = t ? terminationCause(t, status, spec) : undefined;
  const waitingReason = cs?.state?.kind === 'waiting' ? cs.state.reason : undefined;
  let cause: Cause | null = verdict?.cause ?? null;
  if (waitingReason && IMAGE_PULL_REASONS.has(waitingReason)) cause = 'image-pull';
  else if (waitingReason && CONFIG_REASONS.has(waitingReason)) cause = 'config-error';
  else if (!cs && input.unschedulable) cause = 'unschedulable';
  const backoff = cs ? observedBackoff(cs, version) : undefined;
  const sig = t ? signalOf(t.exitCode, t.signal) : undefined;
  const times = cs?.restartCount ?? 0;

  if (cs && at && waitingReason === 'CrashLoopBackOff') {
    const next = backoff?.nextRestartAt !== undefined ? formatTime(backoff.nextRestartAt) : undefined;
    points.push({
      severity: 'warning', span: at,
      message: backoff
        ? next
          ? l10n.t('{0} keeps exiting and the kubelet waits {1} before restarting it (restart {2}); the next restart is due at {3}.', name, formatGoDuration(backoff.seconds), times + 1, next)
          : l10n.t('{0} keeps exiting and the kubelet waits {1} before restarting it (restart {2}).', name, formatGoDuration(backoff.seconds), times + 1)
        : l10n.t('{0} keeps exiting; the kubelet restarts it with a growing back-off.', name),
    });
    if (backoff) {
      points.push({
        severity: 'information', span: at,
        message: l10n.t('Back-off doubles from {0} at each restart up to {1}, and starts over once the container has run {2} without exiting.', formatGoDuration(backoff.policy.initialSeconds), formatGoDuration(backoff.policy.maxSeconds), formatGoDuration(backoff.policy.resetAfterSeconds)),
      });
      if (backoff.source === 'message' && backoff.computed !== undefined && backoff.computed !== backoff.seconds) {
        points.push({ severity: 'information', span: at, message: l10n.t('restartCount {0} alone would give a back-off of {1}; the kubelet\'s message says {2}, so some runs lasted long enough to reset it or the kubelet restarted.', times, formatGoDuration(backoff.computed), formatGoDuration(backoff.seconds)) });
      }
    }
  }
  if (cs && at && waitingReason && IMAGE_PULL_REASONS.has(waitingReason)) {
    points.push({
      severity: 'warning', span: at,
      message: waitingReason === 'ImagePullBackOff'
        ? l10n.t('The image of {0} cannot be pulled; the kubelet retries with a back-off from 10s up to 5m0s. Check the image name and tag, the registry, and imagePullSecrets.', name)
        : waitingReason === 'ErrImageNeverPull'
          ? l10n.t('imagePullPolicy is Never and the image of {0} is not on the node.', name)
          : waitingReason === 'InvalidImageName'
            ? l10n.t('The image name of {0} is not a valid image reference.', name)
            : l10n.t('Pulling the image of {0} failed ({1}); the kubelet will retry with a back-off. Check the image name and tag, the registry, and imagePullSecrets.', name, waitingReason),
      spec: spec && (containerField(spec, 'image') ?? containerName(spec)),
      specMessage: l10n.t('Observed: this image could not be pulled ({0}).', waitingReason),
    });
  }
  if (cs && at && waitingReason && CONFIG_REASONS.has(waitingReason)) {
    const ref = /(?:in (?:ConfigMap|Secret) [^/\s]+\/(\S+)|(?:configmap|secret) "([^"]+)" not found)/i.exec(cs.state?.message ?? '');
    points.push({
      severity: 'warning', span: at,
      message: l10n.t('{0} cannot be created: a ConfigMap, Secret or key it references is missing ({1}). The kubelet retries on every sync; create it or mark the reference optional.', name, cs.state?.message ?? waitingReason),
      spec: spec && configReference(spec, ref?.[1] ?? ref?.[2]),
      specMessage: l10n.t('Observed: {0} cannot start because this reference is missing.', name),
    });
  }
  if (cs && at && waitingReason && !IMAGE_PULL_REASONS.has(waitingReason) && !CONFIG_REASONS.has(waitingReason)
    && !['CrashLoopBackOff', 'ContainerCreating', 'PodInitializing'].includes(waitingReason)) {
    points.push({ severity: 'warning', span: at, message: l10n.t('{0} is waiting: {1}. {2}', name, waitingReason, cs.state?.message ?? '') });
  }

  if (t && verdict && cs) {
    const tSpan = t.span;
    const exit = t.exitCode !== undefined ? exitCodeMeaning(t.exitCode, t.signal) : undefined;
    const spanAt = tSpan;
    switch (verdict.cause) {
      case 'oom-killed':
        points.push({
          severity: 'warning', span: spanAt,
          message: memText
            ? mem.from === 'pod'
              ? l10n.t('{0} was OOMKilled: the pod\'s memory use reached the pod-level limit of {1} (the container sets no limit of its own). Raise spec.resources.limits.memory or lower the memory use.', name, memText)
              : l10n.t('{0} was OOMKilled: it used more than its memory limit of {1} and the kernel killed it (exit 137). Raise resources.limits.memory (and the request with it) or lower the memory use.', name, memText)
            : l10n.t('{0} was OOMKilled without a memory limit of its own: the node ran out of memory. Set resources.requests.memory to what it needs and a limit.', name),
          spec: spec && (mem.from === 'pod' && analysis ? podField(analysis.pod, 'resources', 'limits', 'memory') : containerField(spec, 'resources', 'limits', 'memory') ?? containerField(spec, 'resources') ?? containerName(spec)),
          specMessage: l10n.t('Observed: {0} was OOMKilled at this limit ({1}), {2} restart(s).', name, memText ?? '–', times),
        });
        if (analysis) {
          // GetContainerOOMScoreAdjust (pkg/kubelet/qos/policy.go): the OOM score follows the QoS class; the
          // memory-pressure eviction order is rankMemoryPressure (pkg/kubelet/eviction/helpers.go).
          points.push({ severity: 'information', span: spanAt, message: l10n.t('QoS class {0}: a container that reaches its own memory limit is OOM-killed whatever its class; the class matters when the node runs low, when BestEffort pods and pods above their requests go first. {1}', analysis.qos.qosClass, describeQos(analysis.qos)) });
        }
        break;
      case 'liveness-failed': {
        const link = spec && containerField(spec, verdict.probe === 'startup' ? 'startupProbe' : 'livenessProbe');
        points.push({
          severity: 'warning', span: spanAt,
          message: verdict.probe === 'startup'
            ? l10n.t('{0} ended with signal {1} and has a startupProbe: most likely the probe failed and the kubelet killed it (the event "failed startup probe" confirms it; the status does not record it).', name, sig ?? '?')
            : l10n.t('{0} ended with signal {1} and has a livenessProbe: most likely the probe failed and the kubelet killed it (the event "failed liveness probe" confirms it; the status does not record it).', name, sig ?? '?'),
          spec: link,
          specMessage: l10n.t('Observed: {0} was probably killed by this probe (exit {1}).', name, t.exitCode ?? '?'),
        });
        break;
      }
      case 'grace-period-expired': {
        const grace = spec && analysis ? podField(analysis.pod, 'terminationGracePeriodSeconds') : undefined;
        points.push({
          severity: 'warning', span: spanAt,
          message: l10n.t('{0} was killed with SIGKILL when the grace period ran out: it did not exit after SIGTERM. Handle SIGTERM (a shell as PID 1 does not forward it) or raise terminationGracePeriodSeconds.', name),
          spec: grace ?? (spec ? containerName(spec) : undefined),
          specMessage: l10n.t('Observed: {0} outlived this grace period and was killed (exit 137).', name),
        });
        break;
      }
      case 'evicted':
        points.push({
          severity: 'warning', span: spanAt,
          message: l10n.t('{0} was stopped because the kubelet evicted the pod.', name),
          spec: spec && (containerField(spec, 'resources', 'requests') ?? containerField(spec, 'resources')),
          specMessage: l10n.t('Observed: the pod was evicted; the kubelet evicts first the pods whose usage exceeds these requests the most.'),
        });
        break;
      case 'completed':
        if (role !== 'init' && t === cs.lastState?.terminated && times > 0) {
          points.push({ severity: 'information', span: spanAt, message: l10n.t('{0} exited 0 and was restarted: with restartPolicy Always even a successful exit restarts the container.', name) });
        }
        break;
      case 'error-exit':
      case 'unknown':
        if (status.deletionTimestamp !== undefined && sig === 15) {
          points.push({ severity: 'information', span: spanAt, message: l10n.t('{0} stopped on SIGTERM, as the deletion asked (exit 143).', name) });
          break;
        }
        points.push({
          severity: cs.state?.kind === 'running' ? 'information' : 'warning', span: spanAt,
          message: verdict.cause === 'unknown' && t.reason === 'ContainerStatusUnknown'
            ? l10n.t('The kubelet lost track of {0} (ContainerStatusUnknown): it reports exit 137 without knowing how the container ended.', name)
            : verdict.cause === 'unknown' && sig !== undefined
              ? l10n.t('{0} was killed by {1}, but nothing in the status says who sent it (no OOMKilled reason, no deletion, no probe that could have failed by then).', name, `SIG${sig === 9 ? 'KILL' : sig}`)
              : l10n.t('{0} exited with code {1} ({2}).', name, t.exitCode ?? '?', t.reason ?? '–'),
          spec: spec && (t.exitCode === 126 || t.exitCode === 127 ? containerField(spec, 'command') ?? containerField(spec, 'image') : undefined),
          specMessage: l10n.t('Observed: {0} exited {1} here.', name, t.exitCode ?? '?'),
        });
        break;
    }
    if (exit && verdict.cause !== 'completed') points.push({ severity: 'information', span: spanAt, message: exit });
  }

  const deleting = status.deletionTimestamp !== undefined;
  const attention = deleting && cs?.state?.kind === 'terminated' ? 'terminating' : containerAttention(cs, role, cause, waitingReason);
  return {
    name, role,
    state: cs?.state?.kind ?? (input.unschedulable ? 'waiting' : null),
    reason: cs?.state?.reason ?? null,
    message: cs?.state?.message ?? null,
    exitCode: t?.exitCode ?? null,
    signal: sig ?? null,
    restartCount: cs?.restartCount ?? null,
    cause,
    backoffSeconds: backoff?.seconds ?? null,
    nextRestartAt: backoff?.nextRestartAt ?? null,
    memoryLimit: memText ?? null,
    memoryLimitFrom: mem.from,
    ready: cs?.ready ?? null,
    attention, backoff, status: cs, spec, points,
  };
}

function containerAttention(cs: ObservedContainerStatus | undefined, role: ContainerRole, cause: Cause | null, waiting: string | undefined): Attention {
  if (!cs) return cause === 'unschedulable' ? 'stuck' : 'progressing';
  const s = cs.state;
  if (!s) return 'progressing';
  if (s.kind === 'waiting') return waiting === 'ContainerCreating' || waiting === 'PodInitializing' ? 'progressing' : 'failing';
  if (s.kind === 'running') {
    if (role === 'init' || role === 'ephemeral') return 'progressing';
    if (cs.ready === false) return cs.started === false ? 'progressing' : 'failing';
    return 'ok';
  }
  return s.terminated?.exitCode === 0 ? 'ok' : 'failing';
}

export type { SpecLink };
