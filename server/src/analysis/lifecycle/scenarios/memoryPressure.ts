/**
 * The node reaches the kubelet's memory eviction threshold at `at`: BestEffort and Burstable pods
 * are evicted (Failed), Guaranteed ones are kept.
 * https://kubernetes.io/docs/concepts/scheduling-eviction/node-pressure-eviction/
 */
import * as l10n from '@vscode/l10n';
import { evictionRank } from '../messages';
import { kindAndTime } from './definition';
import type { ScenarioDefinition } from './definition';

export interface MemoryPressureScenario { readonly kind: 'memoryPressure'; readonly at: number }

/**
 * Hard eviction thresholds kill with this grace period (immediateEvictionGracePeriodSeconds in
 * pkg/kubelet/eviction/eviction_manager.go); killContainer still leaves at least 2 s after SIGTERM.
 */
export const EVICTION_GRACE_SECONDS = 1;

const memoryPressure = () => l10n.t('The node reaches its memory eviction threshold (MemoryPressure).');
const memoryEvicted = (qos: string, grace: number) => l10n.t('The kubelet evicts the pod under memory pressure (QoS {0}); containers get a {1} s grace period.', qos, grace);
const guaranteedKept = () => l10n.t('This Guaranteed pod is not evicted in this scenario: BestEffort and Burstable pods above their requests are evicted first.');
const evictionInterval = () => l10n.t('The eviction manager checks every 10 s; the eviction is shown at the moment the threshold is crossed.');

export const memoryPressureScenario: ScenarioDefinition<MemoryPressureScenario> = {
  ...kindAndTime('memoryPressure', (l10n) => l10n.t('Node memory pressure'), ['memory-pressure', 'memoryPressure'], 60),

  begin(_scenario, run, t) {
    const qos = run.state.pod.qosClass;
    run.emit(t, 'memoryPressure', memoryPressure());
    run.note('info', 'eviction-rank', evictionRank(qos));
    if (qos === 'Guaranteed') { run.note('info', 'guaranteed-kept', guaranteedKept()); return; }
    run.note('info', 'eviction-interval', evictionInterval());
    run.emit(t, 'evicted', memoryEvicted(qos, EVICTION_GRACE_SECONDS));
    run.state.forcedPhase = 'Failed';
    run.stopPod(t, EVICTION_GRACE_SECONDS);
  },
};
