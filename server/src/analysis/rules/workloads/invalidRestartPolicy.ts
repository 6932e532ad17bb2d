/**
 * The pod restartPolicy is one of Always, OnFailure, Never (missing means Always).
 * Spec: pkg/apis/core/validation validateRestartPolicy.
 * https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#restart-policy
 */
import * as l10n from '@vscode/l10n';
import { entry, isScalar } from '../../../model/tree';
import type { Rule } from '../rule';
import { restartPolicyFixes } from '../../fixes/restartPolicy';
import { goValue, specPathOf } from '../shared/fieldPaths';
import { valueSpan } from '../shared/spans';

const VALID = ['Always', 'OnFailure', 'Never'];

export const invalidRestartPolicy: Rule = {
  code: 'invalid-restart-policy',
  severity: 'error',
  summary: () => l10n.t('The pod restartPolicy is not Always, OnFailure or Never.'),
  docUrl: 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#restart-policy',
  check({ analysis: { pod } }) {
    const e = entry(pod.spec, 'restartPolicy');
    if (!e || e.value === undefined || (isScalar(e.value) && e.value.value === null)) return [];
    const v = isScalar(e.value) ? e.value.value : undefined;
    if (typeof v === 'string' && VALID.includes(v)) return [];
    const path = `${specPathOf(pod)}.restartPolicy`;
    const suggestion = typeof v === 'string' ? VALID.find((x) => x.toLowerCase() === v.toLowerCase()) : undefined;
    return [{
      span: valueSpan(e, e.keySpan),
      message: v === ''
        ? l10n.t('{0}: Required value. Set Always, OnFailure or Never, or remove the field to get Always.', path)
        : l10n.t('{0}: Unsupported value: {1}: supported values: "Always", "OnFailure", "Never". The values are case-sensitive.', path, goValue(e.value)),
      data: { value: suggestion ?? 'Always' },
    }];
  },
  fixes: (input) => restartPolicyFixes(input, { jobsFollowSuggestion: true }),
};
