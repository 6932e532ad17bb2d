/**
 * The LimitRanger admission plugin rejects the pod: a container (`type: Container`) or the pod as a whole
 * (`type: Pod`) is outside a LimitRange's `min`, `max` or `maxLimitRequestRatio` of its namespace, after the
 * plugin filled in the defaults. The message is the plugin's own (plugin/pkg/admission/limitranger), then
 * which LimitRange and where. https://kubernetes.io/docs/concepts/policy/limit-range/
 */
import * as l10n from '@vscode/l10n';
import type { ContainerModel } from '../../../model/pod';
import type { Span } from '../../../model/tree';
import { whereWritten } from '../../admission/limitRangeModel';
import type { LimitRangeViolation } from '../../admission/limitRangerValidation';
import type { Rule, RuleFinding } from '../rule';
import { containerAnchor, nodeSpan } from '../shared/spans';

/** The written entry the message is about (the limit for "limit is", else the request), else the container. */
function spanOf(c: ContainerModel, v: LimitRangeViolation): Span {
  const side = / limit is |No limit/.test(v.message) ? 'limits' : 'requests';
  const other = side === 'limits' ? 'requests' : 'limits';
  const e = c.resources[side].find((x) => x.name === v.resource) ?? c.resources[other].find((x) => x.name === v.resource);
  return e ? nodeSpan(e.node, e.keySpan) : containerAnchor(c);
}

function limitRangeLabel(v: { limitRange: { name: string } }): string {
  return `"${v.limitRange.name}"`;
}

export const limitRangeViolation: Rule = {
  code: 'limit-range-violation',
  severity: 'error',
  docUrl: 'https://kubernetes.io/docs/concepts/policy/limit-range/',
  summary: () => l10n.t('The LimitRanger admission controller rejects the pod: a container or the pod is outside a LimitRange of its namespace.'),
  check({ analysis }) {
    const out: RuleFinding[] = [];
    for (const group of analysis.limitRanger?.violations ?? []) {
      for (const v of group) {
        const where = whereWritten(v.limitRange, v.value.keySpan) || l10n.t('this file');
        const span = v.container ? spanOf(v.container, v) : analysis.pod.anchorSpan;
        const message = v.container
          ? l10n.t('{0}. The LimitRanger admission controller rejects the pod on create: LimitRange {1} ({2}) sets {3} {4} for each container, checked after its defaults are filled in; container "{5}" is outside it.', v.message, limitRangeLabel(v), where, v.field, v.resource, v.container.name)
          : l10n.t('{0}. The LimitRanger admission controller rejects the pod on create: LimitRange {1} ({2}) sets {3} {4} for the whole pod (its containers together, the init-container peak included).', v.message, limitRangeLabel(v), where, v.field, v.resource);
        out.push({ span, message });
      }
    }
    return out;
  },
};
