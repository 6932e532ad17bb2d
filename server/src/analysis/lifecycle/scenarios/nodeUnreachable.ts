/**
 * The node stops reporting at `at`. After --node-monitor-grace-period the node is marked Unknown
 * and tainted unreachable:NoExecute (the pod loses Ready); the taint eviction controller deletes the
 * pod once its tolerationSeconds run out, but it stays Terminating while the node is gone.
 * https://kubernetes.io/docs/concepts/scheduling-eviction/taint-and-toleration/#taint-based-evictions
 */
import * as l10n from '@vscode/l10n';
import { M } from '../messages';
import { kindAndTime } from './definition';
import type { ScenarioDefinition } from './definition';

export interface NodeUnreachableScenario { readonly kind: 'nodeUnreachable'; readonly at: number }

const nodeUnreachable = () => l10n.t('The node stops reporting to the control plane.');
const taintAdded = () => l10n.t('The node is marked Unknown and tainted node.kubernetes.io/unreachable:NoExecute; the pod is marked not Ready.');
const taintEvicted = (seconds: number) => l10n.t('The taint eviction controller deletes the pod: its tolerationSeconds ({0} s) ran out.', seconds);
const toleratesForever = () => l10n.t('The pod tolerates node.kubernetes.io/unreachable forever: it stays bound to the lost node.');
const staysTerminating = () => l10n.t('After the deletion the pod stays Terminating until the node comes back or the pod is force-deleted; a controller creates its replacement meanwhile (a StatefulSet waits).');

const NODE_MARKED = 'nodeMarked';
const TAINT_EVICT = 'taintEvict';

export const nodeUnreachableScenario: ScenarioDefinition<NodeUnreachableScenario> = {
  ...kindAndTime('nodeUnreachable', (l10n) => l10n.t('Node becomes unreachable'), ['unreachable', 'node-unreachable'], 60),

  extraSeconds: (_scenario, pod, assumptions) => assumptions.nodeMonitorGraceSeconds + (pod.unreachableToleration ?? 0),
  begin(_scenario, run, t) {
    const { state } = run;
    run.emit(t, 'nodeUnreachable', nodeUnreachable());
    state.nodeLost = true;
    for (const container of state.containers) {
      container.epoch++;
      if (container.status !== 'done' && container.status !== 'idle') {
        run.setSegment(container, t, 'unknown', 'NodeUnreachable');
        container.status = 'unknown';
      }
    }
    run.schedule(t + state.assumptions.nodeMonitorGraceSeconds, NODE_MARKED);
  },
  step(_scenario, run, step, t) {
    const { pod } = run.state;
    if (step === NODE_MARKED) {
      run.emit(t, 'taintAdded', taintAdded(), pod.tolerationsSpan);
      // The node lifecycle controller marks the pod's Ready condition False (MarkPodsNotReady).
      if (run.setCondition('Ready', false, t)) run.emit(t, 'podNotReady', M.podNotReady());
      const toleration = pod.unreachableToleration;
      if (toleration === null) { run.note('info', 'tolerates-forever', toleratesForever(), pod.tolerationsSpan); return; }
      run.schedule(t + toleration, TAINT_EVICT);
    } else if (step === TAINT_EVICT) {
      run.state.deletionAt = t;
      run.emit(t, 'evicted', taintEvicted(pod.unreachableToleration ?? 0), pod.tolerationsSpan);
      run.note('info', 'unreachable', staysTerminating());
    }
  },
};
