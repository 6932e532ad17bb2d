/**
 * A field of an observed pod's status that cannot be what Kubernetes writes (a bad time, a wrong type,
 * a restartCount beyond int32): it is left out of the explanation.
 * https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#PodStatus
 */
import * as l10n from '@vscode/l10n';
import type { Rule } from '../rule';

export const observedStatusUnreadable: Rule = {
  code: 'observed-status-unreadable',
  severity: 'information',
  docUrl: 'https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#PodStatus',
  summary: () => l10n.t('A status field Pod Lens cannot read is left out of the explanation.'),
  check(ctx) {
    return (ctx.observed?.notes ?? []).map((n) => ({
      span: n.span,
      message: n.problem === 'time'
        ? l10n.t('{0} is not an RFC 3339 time; Pod Lens ignores it in the explanation.', n.field)
        : n.problem === 'range'
          ? l10n.t('{0} is out of the range Kubernetes allows; Pod Lens ignores it in the explanation.', n.field)
          : l10n.t('{0} does not have the type Kubernetes writes; Pod Lens ignores it in the explanation.', n.field),
    }));
  },
};
