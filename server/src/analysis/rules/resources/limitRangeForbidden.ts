/**
 * A LimitRange of the pod's namespace forbids the pod: the LimitRanger admission plugin's Validate, after its own
 * defaults (analysis/admission/limitRanger.ts). A Pod is rejected with `pods "NAME" is forbidden: <sentence>`; a
 * workload is accepted, and then every pod its controller creates is rejected the same way (the controller
 * reports FailedCreate), so nothing runs.
 * Spec: plugin/pkg/admission/limitranger PodValidateLimitFunc (v1.37.2).
 * https://kubernetes.io/docs/concepts/policy/limit-range/
 */
import * as l10n from '@vscode/l10n';
import type { ContainerModel, PodSpecModel } from '../../../model/pod';
import type { Span } from '../../../model/tree';
import type { LimitRangeViolation } from '../../admission/limitRanger';
import type { Rule, RuleFinding } from '../rule';

export const limitRangeForbidden: Rule = {
  code: 'limit-range-forbidden',
  severity: 'error',
  summary: () => l10n.t('A LimitRange of the pod\'s namespace rejects the pod (minimum, maximum or limit-to-request ratio).'),
  docUrl: 'https://kubernetes.io/docs/concepts/policy/limit-range/',
  check({ analysis: { pod, admission } }) {
    const out: RuleFinding[] = [];
    for (const v of admission?.violations ?? []) {
      const forbidden = `pods "${pod.name ?? ''}" is forbidden: ${v.message}`;
      const where = `${v.source.range.name} (${v.source.file}:${v.source.line})`;
      out.push({
        span: spanOf(pod, v),
        message: pod.kind === 'Pod'
          ? l10n.t('{0} (LimitRange {1})', forbidden, where)
          : l10n.t('Every pod this {0} creates is rejected by LimitRange {1}: {2}', pod.kind, where, v.message),
      });
    }
    return out;
  },
};

/** The resource's entry in the list the sentence is about, else `resources:`, else the container's name. */
function spanOf(pod: PodSpecModel, v: LimitRangeViolation): Span {
  const c: ContainerModel | undefined = v.container;
  if (!c) return pod.anchorSpan;
  const which = /but request is|No request|request is 0/.test(v.message) ? c.resources.requests : c.resources.limits;
  const hit = which.find((e) => e.name === v.resource);
  if (hit) return hit.node?.span ?? hit.keySpan;
  return c.resources.node?.span ?? c.nameNode?.span ?? c.span;
}
