/**
 * Why a container's last termination happened, from the evidence the status holds (events are not in
 * the status, so a liveness kill is never named there; it is inferred).
 *
 * - reason OOMKilled: the runtime saw the cgroup OOM killer (the CRI status reason, passed through by
 *   toKubeContainerStatus in pkg/kubelet/kuberuntime/kuberuntime_container.go).
 * - status.reason Evicted (eviction.Reason, pkg/kubelet/eviction/helpers.go), with the DisruptionTarget
 *   condition (reason TerminationByKubelet) that evictPod (eviction_manager.go) sets: the eviction manager
 *   killed the pod.
 * - metadata.deletionTimestamp: the pod is being deleted; SIGKILL (137) means the grace period ran out
 *   before the process exited on SIGTERM.
 * - 137/143 with a livenessProbe or startupProbe and a run long enough for the probe to fail: the kubelet
 *   killed it ("Container X failed liveness probe, will be restarted" in computePodActions,
 *   kuberuntime_manager.go; the event, not the status, says so).
 * - ContainerStatusUnknown (137, "The container could not be located when the pod was terminated",
 *   convertToAPIContainerStatuses in kubelet_pods.go): the kubelet lost track of it.
 */
import type { ContainerModel } from '../../model/pod';
import { failureWindow, probeTiming } from '../timing';
import { signalOf, SIGKILL, SIGTERM } from './exitCodes';
import type { ObservedStatus, Terminated } from './status';

export type Cause = 'oom-killed' | 'liveness-failed' | 'grace-period-expired' | 'evicted' | 'error-exit' | 'completed'
  | 'image-pull' | 'config-error' | 'unschedulable' | 'unknown';

export const CAUSES: readonly Cause[] = ['oom-killed', 'liveness-failed', 'grace-period-expired', 'evicted', 'error-exit', 'completed', 'image-pull', 'config-error', 'unschedulable', 'unknown'];

/** Waiting reasons the kubelet writes for image pulls (pkg/kubelet/images/types.go). */
export const IMAGE_PULL_REASONS: ReadonlySet<string> = new Set(['ErrImagePull', 'ImagePullBackOff', 'ErrImageNeverPull', 'InvalidImageName', 'ImageInspectError']);
/** Waiting reasons for a container the runtime could not create or start (kuberuntime_container.go, sync_result.go). */
export const CONFIG_REASONS: ReadonlySet<string> = new Set(['CreateContainerConfigError']);

export function isEvicted(status: ObservedStatus): boolean {
  return status.reason === 'Evicted'
    || status.conditions.some((c) => c.type === 'DisruptionTarget' && c.status === 'True' && c.reason === 'TerminationByKubelet');
}

/** The probe that could have killed the container, and whether the run was long enough for it. */
export function probeKillPossible(spec: ContainerModel | undefined, t: Terminated): 'liveness' | 'startup' | undefined {
  if (!spec) return undefined;
  const ran = t.startedAt !== undefined && t.finishedAt !== undefined ? (t.finishedAt - t.startedAt) / 1000 : undefined;
  for (const kind of ['liveness', 'startup'] as const) {
    const p = spec.probes[kind];
    if (!p) continue;
    const timing = probeTiming(p);
    // The earliest moment failureThreshold failures can add up, from the first tick after initialDelaySeconds.
    const earliest = failureWindow(timing, timing.initialDelaySeconds, 'refused').earliest;
    if (ran === undefined || ran >= earliest) return kind;
  }
  return undefined;
}

export interface CauseVerdict {
  readonly cause: Cause;
  /** A liveness or startup kill is inferred, never recorded: which probe. */
  readonly probe?: 'liveness' | 'startup';
}

export function terminationCause(t: Terminated, status: ObservedStatus, spec: ContainerModel | undefined): CauseVerdict {
  const sig = signalOf(t.exitCode, t.signal);
  if (t.reason === 'OOMKilled') return { cause: 'oom-killed' };
  if (isEvicted(status) && (t.exitCode !== 0 || t.reason === 'ContainerStatusUnknown')) return { cause: 'evicted' };
  if (t.exitCode === 0) return { cause: 'completed' };
  const deleting = status.deletionTimestamp !== undefined
    && (t.finishedAt === undefined || status.deletionGracePeriodSeconds === undefined
      || t.finishedAt >= status.deletionTimestamp - status.deletionGracePeriodSeconds * 1000);
  if (sig === SIGKILL || sig === SIGTERM) {
    if (deleting) return { cause: sig === SIGKILL ? 'grace-period-expired' : 'error-exit' };
    const probe = probeKillPossible(spec, t);
    if (probe) return { cause: 'liveness-failed', probe };
    return { cause: sig === SIGKILL ? 'unknown' : 'error-exit' };
  }
  if (t.reason === 'ContainerStatusUnknown' || t.exitCode === undefined) return { cause: 'unknown' };
  return { cause: 'error-exit' };
}
