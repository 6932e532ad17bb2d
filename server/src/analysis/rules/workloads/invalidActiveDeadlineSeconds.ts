/**
 * spec.activeDeadlineSeconds, when set, must be 1..2147483647.
 * Spec: pkg/apis/core/validation ValidatePodSpec.
 * https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-termination
 */
import * as l10n from '@vscode/l10n';
import { entry } from '../../../model/tree';
import type { Rule } from '../rule';
import { specPathOf } from '../shared/fieldPaths';
import { nodeSpan } from '../shared/spans';
import { intValue } from '../shared/values';

export const invalidActiveDeadlineSeconds: Rule = {
  code: 'invalid-active-deadline-seconds',
  severity: 'error',
  summary: () => l10n.t('spec.activeDeadlineSeconds is below 1 or above 2147483647.'),
  docUrl: 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-termination',
  check({ analysis: { pod } }) {
    const e = entry(pod.spec, 'activeDeadlineSeconds');
    const v = intValue(e?.value);
    if (!e || v === undefined || (v >= 1 && v <= 2147483647)) return [];
    return [{
      span: nodeSpan(e.value, e.keySpan),
      message: l10n.t('{0}.activeDeadlineSeconds: Invalid value: {1}: must be between 1 and 2147483647, inclusive. It is how many seconds the pod may run before it is stopped; remove the field for no deadline.', specPathOf(pod), String(v)),
      data: { field: 'activeDeadlineSeconds' },
    }];
  },
};
