/**
 * The pod the LimitRanger admission plugin made is invalid: a `default` limit of a LimitRange is below a
 * request the container already has (or a pod-level value no longer covers the containers). The API server
 * validates the pod after mutating admission, so the pod in the file is fine and the pod the cluster gets is
 * rejected (kubernetes#74507). https://kubernetes.io/docs/concepts/policy/limit-range/
 */
import * as l10n from '@vscode/l10n';
import { formatQuantity } from '../../../model/quantity';
import { admittedLimitErrors } from '../../admission/admittedLimits';
import { whereWritten } from '../../admission/limitRangeModel';
import type { Rule, RuleFinding } from '../rule';
import { containerAnchor, nodeSpan } from '../shared/spans';

export const limitRangeInvalidPod: Rule = {
  code: 'limit-range-invalid-pod',
  severity: 'error',
  docUrl: 'https://kubernetes.io/docs/concepts/policy/limit-range/',
  summary: () => l10n.t('A LimitRange default makes the pod invalid: the API server validates the pod after the LimitRanger admission controller filled it in.'),
  check({ analysis }) {
    const out: RuleFinding[] = [];
    for (const e of admittedLimitErrors(analysis)) {
      const v = e.from[0]!;
      const written = e.container?.resources.requests.find((x) => x.name === e.resource);
      const span = written ? nodeSpan(written.node, written.keySpan) : e.container ? containerAnchor(e.container) : analysis.pod.anchorSpan;
      out.push({
        span,
        message: l10n.t('{0}. LimitRange {1} ({2}) sets the {3} {4} {5} here, and the API server validates the pod after the LimitRanger admission controller filled it in, so the pod is rejected although the file looks valid. Write the {4} limit (or request) yourself.',
          e.apiMessage, `"${v.limitRange.name}"`, whereWritten(v.limitRange, v.value.keySpan) || l10n.t('this file'), v.side === 'limits' ? l10n.t('limit') : l10n.t('request'), v.resource, formatQuantity(v.quantity)),
      });
    }
    return out;
  },
};
