/**
 * A negative spec.terminationGracePeriodSeconds is not rejected: the API server warns and treats
 * it as 1 second (pkg/api/pod/warnings.go), so containers get almost no time to shut down.
 * This one is a warning, not an error.
 * https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-termination
 */
import * as l10n from '@vscode/l10n';
import { entry } from '../../../model/tree';
import type { Rule } from '../rule';
import { specPathOf } from '../shared/fieldPaths';
import { nodeSpan } from '../shared/spans';
import { intValue } from '../shared/values';

export const negativeTerminationGracePeriod: Rule = {
  code: 'negative-termination-grace-period',
  severity: 'warning',
  summary: () => l10n.t('spec.terminationGracePeriodSeconds is negative.'),
  docUrl: 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-termination',
  check({ analysis: { pod } }) {
    const e = entry(pod.spec, 'terminationGracePeriodSeconds');
    const v = intValue(e?.value);
    if (!e || v === undefined || v >= 0) return [];
    return [{
      span: nodeSpan(e.value, e.keySpan),
      message: l10n.t('{0}.terminationGracePeriodSeconds: must be >= 0; negative values are invalid and will be treated as 1. The API server accepts the pod with this warning, and containers then get only 1 second to stop. Use 0 for an immediate kill, or the number of seconds shutdown needs.', specPathOf(pod)),
      data: { value: 30 },
    }];
  },
};
