/**
 * `kubectl delete pod` at `at`: graceful, with the pod's terminationGracePeriodSeconds.
 * https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-termination
 */
import * as l10n from '@vscode/l10n';
import type { ScenarioDefinition } from './definition';

export interface DeleteScenario { readonly kind: 'delete'; readonly at: number }

const deleteRequested = (grace: number) => l10n.t('The pod is deleted: it is marked Terminating (grace period {0} s).', grace);

export const deleteScenario: ScenarioDefinition<DeleteScenario> = {
  kind: 'delete',
  label: 'Pod is deleted',
  timed: true,
  cli: { syntax: 'delete@<t>', example: 'delete@90', parse: (head, at) => (head === 'delete' && at !== undefined ? { kind: 'delete', at } : undefined) },
  normalize: (_json, at) => ({ kind: 'delete', at }),
  validate: (_json, at) => ({ kind: 'delete', at }),
  fields: [],
  initial: (_available, at) => ({ kind: 'delete', at }),

  begin(_scenario, run, t) {
    const { pod } = run.state;
    run.state.deletionAt = t;
    run.emit(t, 'deleteRequested', deleteRequested(pod.grace), pod.graceSpan);
    // Endpoints drop a terminating pod at once; the kubelet then stops the containers.
    run.stopPod(t, pod.grace);
  },
};
