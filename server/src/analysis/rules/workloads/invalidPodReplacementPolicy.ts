/**
 * A Job's `podReplacementPolicy` (JobPodReplacementPolicy: beta, on by default, in 1.29; GA 1.34):
 * TerminatingOrFailed (the default without a podFailurePolicy: a replacement starts as soon as a pod
 * is terminating) or Failed (the default, and the only value allowed, with a podFailurePolicy: the
 * replacement waits until the old pod has fully terminated). Below 1.29 the field is dropped.
 * Spec: pkg/apis/batch/validation validatePodReplacementPolicy; pkg/apis/batch/v1 SetDefaults_Job.
 * https://kubernetes.io/docs/concepts/workloads/controllers/job/#pod-replacement-policy
 */
import * as l10n from '@vscode/l10n';
import { isDropped } from '../../../model/droppedFields';
import { entry, isScalar } from '../../../model/tree';
import { featureEnabled } from '../../../model/version';
import type { Rule } from '../rule';
import { q } from '../shared/fieldPaths';
import { jobSpecOf } from '../shared/podParts';
import { valueSpan } from '../shared/spans';
import { setEntry } from '../shared/values';

export const invalidPodReplacementPolicy: Rule = {
  code: 'invalid-pod-replacement-policy',
  severity: 'error',
  summary: () => l10n.t('A Job podReplacementPolicy that the API server rejects.'),
  docUrl: 'https://kubernetes.io/docs/concepts/workloads/controllers/job/#pod-replacement-policy',
  check({ analysis: { pod }, version }) {
    const job = jobSpecOf(pod);
    // Below the gate's alpha the API has no such field; from it until the gate is on the API server drops the
    // field before validation (model/droppedFields.ts), so nothing here is validated.
    if (!job || !featureEnabled(version, 'JobPodReplacementPolicy')) return [];
    const e = entry(job.node, 'podReplacementPolicy');
    if (!e || isDropped(pod.dropped, e) || !isScalar(e.value) || typeof e.value.value !== 'string') return [];
    const value = e.value.value;
    const path = `${job.path}.podReplacementPolicy`;
    if (setEntry(job.node, 'podFailurePolicy')) {
      if (value === 'Failed') return [];
      return [{
        span: valueSpan(e, e.keySpan),
        message: l10n.t('{0}: Unsupported value: {1}: supported values: "Failed". With a podFailurePolicy the Job must see how each pod ended before it replaces it, so it waits until the pod has fully terminated.', path, q(value)),
      }];
    }
    if (value === 'Failed' || value === 'TerminatingOrFailed') return [];
    return [{
      span: valueSpan(e, e.keySpan),
      message: l10n.t('{0}: Unsupported value: {1}: supported values: "Failed", "TerminatingOrFailed". TerminatingOrFailed (the default) starts a replacement as soon as a pod is terminating; Failed waits until it has fully terminated.', path, q(value)),
    }];
  },
};
