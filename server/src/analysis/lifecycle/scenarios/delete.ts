/**
 * `kubectl delete pod` at `at`: graceful, with the pod's terminationGracePeriodSeconds.
 * https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-termination
 */
import * as l10n from '@vscode/l10n';
import { kindAndTime } from './definition';
import type { ScenarioDefinition } from './definition';

export interface DeleteScenario { readonly kind: 'delete'; readonly at: number }

const deleteRequested = (grace: number) => l10n.t('The pod is deleted: it is marked Terminating (grace period {0} s).', grace);

export const deleteScenario: ScenarioDefinition<DeleteScenario> = {
  ...kindAndTime('delete', (l10n) => l10n.t('Pod is deleted'), ['delete'], 90),

  begin(_scenario, run, t) {
    const { pod } = run.state;
    run.state.deletionAt = t;
    run.emit(t, 'deleteRequested', deleteRequested(pod.grace), pod.graceSpan);
    // Endpoints drop a terminating pod at once; the kubelet then stops the containers.
    run.stopPod(t, pod.grace);
  },
};
