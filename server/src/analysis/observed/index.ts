/**
 * Observed pods (`kubectl get pod -o yaml`): read the status and explain it. The entry point for the
 * chunk analysis, rules, hovers, the code lens and `pod-lens explain`.
 */
import type { ParsedDocument } from '../../model/parse';
import type { KubeVersion } from '../../model/version';
import type { PodAnalysis } from '../podAnalysis';
import { explainObserved } from './explain';
import type { PodExplanation } from './explain';
import { observedObjects } from './recognize';

export type { PodExplanation, ConditionExplanation, DeletionExplanation } from './explain';
export type { ContainerExplanation, Attention } from './container';
export type { Point } from './point';
export type { Cause } from './cause';
export { CAUSES } from './cause';
export { diagnosisLine, needsAttention, slowStart, slowStartPhrase, VOLUME_MOUNT_WAIT_SECONDS, whenPhrase } from './phrases';
export { formatTime, parseTime } from './time';

export function explainDocuments(documents: readonly ParsedDocument[], pods: readonly PodAnalysis[], version: KubeVersion): PodExplanation[] {
  return observedObjects(documents, pods).map((o) => explainObserved(o, version));
}
