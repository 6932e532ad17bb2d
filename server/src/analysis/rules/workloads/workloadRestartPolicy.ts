/**
 * Controllers that keep pods running (Deployment, ReplicaSet, ReplicationController, DaemonSet,
 * StatefulSet) only accept restartPolicy Always; Jobs and CronJobs only OnFailure or Never. A
 * missing restartPolicy defaults to Always, so a Job template must set it.
 * Spec: pkg/apis/apps/validation, pkg/apis/core/validation ValidatePodTemplateSpecForRC,
 * pkg/apis/batch/validation validateJobSpec (Always, written or defaulted, is reported as
 * `Required value: valid values: "OnFailure", "Never"`), and a Job with a podFailurePolicy only Never.
 * https://kubernetes.io/docs/concepts/workloads/controllers/job/#pod-template
 */
import * as l10n from '@vscode/l10n';
import { entry, getPath, isScalar } from '../../../model/tree';
import type { Rule } from '../rule';
import { restartPolicyFixes } from '../../fixes/restartPolicy';
import { specPathOf } from '../shared/fieldPaths';
import { specKeySpan, valueSpan } from '../shared/spans';
import { isPresentNull, setEntry } from '../shared/values';

const LONG_RUNNING = new Set(['Deployment', 'ReplicaSet', 'ReplicationController', 'DaemonSet', 'StatefulSet']);
const JOBS = new Set(['Job', 'CronJob']);

export const workloadRestartPolicy: Rule = {
  code: 'workload-restart-policy',
  severity: 'error',
  summary: () => l10n.t('A workload template has a restartPolicy its controller rejects.'),
  docUrl: 'https://kubernetes.io/docs/concepts/workloads/controllers/job/#pod-template',
  check({ analysis: { pod } }) {
    const e = entry(pod.spec, 'restartPolicy');
    if (isPresentNull(e)) return [];
    const written = e && isScalar(e.value) && typeof e.value.value === 'string' ? e.value.value : undefined;
    const value = written ?? 'Always';
    // Values outside Always/OnFailure/Never are reported by invalid-restart-policy.
    if (!['Always', 'OnFailure', 'Never'].includes(value)) return [];
    const path = `${specPathOf(pod)}.restartPolicy`;
    if (LONG_RUNNING.has(pod.kind) && value !== 'Always') {
      return [{
        span: valueSpan(e, specKeySpan(pod)),
        message: l10n.t('{0}: Unsupported value: {1}: supported values: "Always". A {2} keeps its pods running and replaces them, so their containers must always be restarted. Remove restartPolicy (it defaults to Always); use a Job for run-to-completion work.', path, JSON.stringify(value), pod.kind),
        data: { value: 'Always' },
      }];
    }
    if (JOBS.has(pod.kind) && value === 'Always') {
      return [{
        span: e ? valueSpan(e, e.keySpan) : specKeySpan(pod),
        message: written === undefined
          ? l10n.t('{0}: Required value: valid values: "OnFailure", "Never". restartPolicy is not set, and it defaults to Always, which a {1} does not accept: its pods must be able to finish. Add restartPolicy: Never (or OnFailure) to the pod template.', path, pod.kind)
          : l10n.t('{0}: Required value: valid values: "OnFailure", "Never". A {1} runs pods to completion; with Always they could never finish. Use Never (the Job creates new pods on failure) or OnFailure (the kubelet restarts the container in place).', path, pod.kind),
        data: { value: 'Never' },
      }];
    }
    // A pod failure policy acts on how the pod failed; OnFailure restarts containers in place, so
    // the pod would never fail the way the policy expects. (batch validateJobSpec)
    const jobSpec = pod.kind === 'Job' ? getPath(pod.root, ['spec']) : pod.kind === 'CronJob' ? getPath(pod.root, ['spec', 'jobTemplate', 'spec']) : undefined;
    if (e && written === 'OnFailure' && setEntry(jobSpec, 'podFailurePolicy')) {
      return [{
        span: valueSpan(e, e.keySpan),
        message: l10n.t('{0}: Invalid value: "OnFailure": only "Never" is supported when podFailurePolicy is specified. The pod failure policy decides what to do when a pod fails; with OnFailure the kubelet restarts the container inside the pod instead, so the policy never sees the failure. Use Never.', path),
        data: { value: 'Never', only: true },
      }];
    }
    return [];
  },
  fixes: (input) => restartPolicyFixes(input, { jobsFollowSuggestion: false }),
};
