/**
 * The node reaches the kubelet's hard memory eviction threshold at `at`. The eviction manager
 * (pkg/kubelet/eviction/eviction_manager.go synchronize, every 10 s, one pod per pass) ranks pods
 * with rankMemoryPressure (pkg/kubelet/eviction/helpers.go): pods whose memory use is above their
 * request first, then lower priority, then the most above their request. QoS is not a key.
 * The scenario's model: this pod's use is above its request (any use, without a memory request)
 * and it is the best candidate, so it is evicted; a Guaranteed pod cannot be above its request and
 * is kept (pods above their requests go first); a critical pod (IsCriticalPod: priority of at least
 * 2 000 000 000, the system-*-critical classes) is never evicted.
 * https://kubernetes.io/docs/concepts/scheduling-eviction/node-pressure-eviction/#pod-selection-for-kubelet-eviction
 */
import * as l10n from '@vscode/l10n';
import { MIN_STOP_GRACE_SECONDS } from '../../timing';
import { evictionRank } from '../messages';
import type { SimPod } from '../spec';
import { kindAndTime } from './definition';
import type { ScenarioDefinition } from './definition';

export interface MemoryPressureScenario { readonly kind: 'memoryPressure'; readonly at: number }

/**
 * Hard eviction thresholds kill with this grace period (immediateEvictionGracePeriodSeconds in
 * pkg/kubelet/eviction/eviction_manager.go); killContainer still leaves at least 2 s after SIGTERM.
 */
export const EVICTION_GRACE_SECONDS = 1;

/** SystemCriticalPriority (pkg/apis/scheduling): pods at or above it are never evicted. */
const SYSTEM_CRITICAL_PRIORITY = 2_000_000_000;
const CRITICAL_CLASSES: ReadonlySet<string> = new Set(['system-node-critical', 'system-cluster-critical']);

const memoryPressure = () => l10n.t('The node reaches its memory eviction threshold (MemoryPressure).');
const memoryEvicted = (qos: string, grace: number, min: number) => l10n.t('The kubelet evicts the pod under memory pressure (QoS {0}): it ends Failed, reason Evicted. A hard threshold gives the pod a {1} s grace period; each container still gets at least {2} s after SIGTERM.', qos, grace, min);
const guaranteedKept = () => l10n.t('This Guaranteed pod is not evicted in this scenario: its memory use cannot go above its request, and the kubelet evicts pods that are above their requests first, one per pass, until the pressure ends. It would be evicted only if no such pod were left and it had the lowest priority of the rest.');
const criticalKept = (why: string) => l10n.t('This pod is critical ({0}): the kubelet never evicts it under node pressure.', why);
const assumedAbove = (request: string) => l10n.t('The scenario assumes this pod uses more than its memory request ({0}) and is the best candidate: no pod of lower priority is above its request.', request);
const assumedNoRequest = () => l10n.t('The scenario assumes this pod is the best candidate: it requests no memory, so any use is above its request, and no pod of lower priority is above its own.');
const priorityOf = (name: string) => l10n.t('Its priority comes from priorityClassName {0}: pods of lower priority that are above their requests are evicted before it.', name);
const noPriority = () => l10n.t('It sets no priorityClassName, so it has the cluster\'s default priority (0 unless a PriorityClass is the global default): pods above their requests with a lower priority go before it, pods with a higher one after.');
const evictionInterval = () => l10n.t('The eviction manager checks every 10 s and evicts at most one pod per pass; the eviction is shown at the moment the threshold is crossed.');

/** Why the kubelet never evicts this pod (IsCriticalPod in pkg/kubelet/types/pod_update.go), or undefined. */
function critical(pod: SimPod): string | undefined {
  if (pod.priorityClassName && CRITICAL_CLASSES.has(pod.priorityClassName)) return `priorityClassName ${pod.priorityClassName}`;
  if (pod.priority !== undefined && pod.priority >= SYSTEM_CRITICAL_PRIORITY) return `priority ${pod.priority}`;
  return undefined;
}

export const memoryPressureScenario: ScenarioDefinition<MemoryPressureScenario> = {
  ...kindAndTime('memoryPressure', (l10n) => l10n.t('Node memory pressure'), ['memory-pressure', 'memoryPressure'], 60),

  begin(_scenario, run, t) {
    const pod = run.state.pod;
    const qos = pod.qosClass;
    run.emit(t, 'memoryPressure', memoryPressure());
    run.note('info', 'eviction-rank', evictionRank(qos));
    const why = critical(pod);
    if (why) { run.note('info', 'critical-kept', criticalKept(why)); return; }
    run.note('info', 'eviction-priority', pod.priorityClassName ? priorityOf(pod.priorityClassName) : noPriority());
    if (qos === 'Guaranteed') { run.note('info', 'guaranteed-kept', guaranteedKept()); return; }
    run.note('info', 'eviction-assumption', pod.memoryRequest ? assumedAbove(pod.memoryRequest) : assumedNoRequest());
    run.note('info', 'eviction-interval', evictionInterval());
    run.emit(t, 'evicted', memoryEvicted(qos, EVICTION_GRACE_SECONDS, MIN_STOP_GRACE_SECONDS));
    run.state.forcedPhase = 'Failed';
    run.stopPod(t, EVICTION_GRACE_SECONDS);
  },
};
