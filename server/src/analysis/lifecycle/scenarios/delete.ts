/**
 * `kubectl delete pod` at `at`: graceful, with the pod's terminationGracePeriodSeconds. With 0 the
 * API server deletes the object at once (CheckGracefulDelete in pkg/registry/core/pod/strategy.go,
 * BeforeDelete): never Terminating; the kubelet still gives at least 1 s (calculateEffectiveGracePeriod
 * in pkg/kubelet/pod_workers.go), so preStop runs up to 1 s and SIGKILL comes about 3 s later.
 * https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-termination
 */
import * as l10n from '@vscode/l10n';
import { kubeletPodGrace } from '../../timing';
import { kindAndTime } from './definition';
import type { ScenarioDefinition } from './definition';

export interface DeleteScenario { readonly kind: 'delete'; readonly at: number }

const deleteRequested = (grace: number) => l10n.t('The pod is deleted: it is marked Terminating (grace period {0} s).', grace);
const deletedAtOnce = () => l10n.t('The pod is deleted with a grace period of 0: the API server removes the object at once (it is never Terminating, and a controller may create its replacement now), while the kubelet still stops the containers with a grace period of 1 s.');

export const deleteScenario: ScenarioDefinition<DeleteScenario> = {
  ...kindAndTime('delete', (l10n) => l10n.t('Pod is deleted'), ['delete'], 90),

  begin(_scenario, run, t) {
    const { pod } = run.state;
    run.state.deletionAt = t;
    run.emit(t, 'deleteRequested', pod.grace === 0 ? deletedAtOnce() : deleteRequested(pod.grace), pod.graceSpan);
    // Endpoints drop a terminating pod at once; the kubelet then stops the containers.
    run.stopPod(t, kubeletPodGrace(pod.grace));
  },
};
