/**
 * Controllers that keep pods running reject activeDeadlineSeconds in the pod template: the pods
 * would be killed and recreated over and over.
 * Spec: pkg/apis/apps/validation (ValidatePodTemplateSpecForReplicaSet, ValidateDaemonSetSpec,
 * ValidateStatefulSetSpec), pkg/apis/core/validation ValidatePodTemplateSpecForRC.
 * https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#pod-template
 */
import * as l10n from '@vscode/l10n';
import type { Rule } from '../rule';
import { specPathOf } from '../shared/fieldPaths';
import { setEntry } from '../shared/values';

/** The kind named in the API server's message (Deployments are validated as ReplicaSets). */
const NAMED: Record<string, string> = {
  Deployment: 'ReplicaSet', ReplicaSet: 'ReplicaSet', ReplicationController: 'ReplicationController',
  DaemonSet: 'DaemonSet', StatefulSet: 'StatefulSet',
};

export const workloadActiveDeadlineSeconds: Rule = {
  code: 'workload-active-deadline-seconds',
  severity: 'error',
  summary: () => l10n.t('A long-running workload\'s pod template sets activeDeadlineSeconds.'),
  docUrl: 'https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#pod-template',
  check({ analysis: { pod } }) {
    const named = NAMED[pod.kind];
    if (!named) return [];
    const e = setEntry(pod.spec, 'activeDeadlineSeconds');
    if (!e) return [];
    return [{
      span: e.keySpan,
      message: l10n.t('{0}.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in {1} is not Supported. A {2} keeps its pods running; a deadline would kill them and the controller would recreate them forever. Remove it (use a Job for time-limited work).', specPathOf(pod), named, pod.kind),
      data: { field: 'activeDeadlineSeconds' },
    }];
  },
};
