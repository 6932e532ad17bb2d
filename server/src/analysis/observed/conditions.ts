/**
 * What each pod condition means, who sets it and what it does for Services and rollouts.
 * Setters: the scheduler (PodScheduled, at binding or as Unschedulable in handleSchedulingFailure,
 * pkg/scheduler/schedule_one.go); the kubelet's generateAPIPodStatus (pkg/kubelet/kubelet_pods.go:
 * PodReadyToStartContainers, Initialized, ContainersReady, Ready via pkg/kubelet/status/generate.go);
 * the eviction manager, preemption and the taint-eviction controller (DisruptionTarget).
 * The EndpointSlice controller marks an endpoint ready from the Ready condition
 * (podutil.IsPodReady in pkg/controller/endpointslice); a Deployment counts a pod available once it has
 * been Ready for minReadySeconds (deployment util IsPodAvailable).
 */
import * as l10n from '@vscode/l10n';
import type { ObservedCondition } from './status';

export function conditionMeaning(c: ObservedCondition): string {
  const on = c.status === 'True';
  switch (c.type) {
    case 'PodScheduled':
      return on ? l10n.t('Set by the scheduler: the pod is bound to a node.')
        : l10n.t('Set by the scheduler: no node fits the pod yet; it stays Pending and the scheduler retries.');
    case 'PodReadyToStartContainers':
      return on ? l10n.t('Set by the kubelet: the pod sandbox and its network are ready, so containers can start.')
        : l10n.t('Set by the kubelet: the pod sandbox or its network is not ready (or was lost); no container can start.');
    case 'Initialized':
      return on ? l10n.t('Set by the kubelet: every init container completed and every sidecar started.')
        : l10n.t('Set by the kubelet: an init container has not completed yet; the app containers wait.');
    case 'ContainersReady':
      return on ? l10n.t('Set by the kubelet: every container is ready.')
        : l10n.t('Set by the kubelet: at least one container is not ready (its readiness or startup probe has not passed, or it is not running).');
    case 'Ready':
      return on ? l10n.t('Set by the kubelet: the pod is ready. Services send it traffic (ready endpoint) and a rollout counts it available after minReadySeconds.')
        : l10n.t('Set by the kubelet: the pod is not ready. Services take it out of their endpoints and a rollout does not count it available, so a rolling update waits.');
    case 'DisruptionTarget':
      return on ? l10n.t('The pod is about to be terminated by a disruption (eviction, preemption, a tainted node or garbage collection).')
        : l10n.t('A disruption was considered but the pod was not disrupted.');
    case 'PodResizePending':
      return l10n.t('Set by the kubelet: an in-place resize cannot be done yet (Deferred) or at all (Infeasible).');
    case 'PodResizeInProgress':
      return l10n.t('Set by the kubelet: an in-place resize is being applied.');
    default:
      return l10n.t('A condition Pod Lens does not know (a readiness gate or another controller\'s condition).');
  }
}

export function phaseMeaning(phase: string | undefined): string {
  switch (phase) {
    case 'Pending': return l10n.t('Pending: accepted, but not every container has been started (scheduling, image pulls or init containers).');
    case 'Running': return l10n.t('Running: bound to a node, every container created, at least one running or restarting.');
    case 'Succeeded': return l10n.t('Succeeded: every container exited 0 and none will restart.');
    case 'Failed': return l10n.t('Failed: every container has terminated and at least one failed (or the pod was evicted).');
    case 'Unknown': return l10n.t('Unknown: the node stopped reporting the pod\'s state.');
    default: return l10n.t('The phase is missing or not one Kubernetes defines.');
  }
}
