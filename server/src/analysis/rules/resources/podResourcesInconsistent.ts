/**
 * Pod-level requests must cover what the containers request together (the larger of app containers
 * plus sidecars and the init-container peak), and no app container may have a limit above the
 * pod-level limit. Only resources written at pod level are compared: a missing pod-level request is
 * defaulted by the API server, not rejected.
 * Spec: pkg/apis/core/validation validatePodResourceConsistency.
 * https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/#pod-level-resource-specification
 */
import * as l10n from '@vscode/l10n';
import { compareQuantities, formatQuantity } from '../../../model/quantity';
import type { Rule, RuleFinding } from '../rule';
import { q, specPathOf } from '../shared/fieldPaths';
import { nodeSpan } from '../shared/spans';
import { isSupportedPodLevelResource } from '../../podLevel';

export const podResourcesInconsistent: Rule = {
  code: 'pod-resources-inconsistent',
  severity: 'error',
  docUrl: 'https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/#pod-level-resource-specification',
  check({ analysis }) {
    const { pod, effective, containerResources, version } = analysis;
    const r = pod.podResources;
    if (!r) return [];
    const out: RuleFinding[] = [];
    const base = `${specPathOf(pod)}.resources`;
    for (const e of r.requests) {
      if (!e.quantity || !isSupportedPodLevelResource(e.name, version)) continue;
      const aggregate = effective.requests.containers.get(e.name);
      if (!aggregate || compareQuantities(aggregate, e.quantity) <= 0) continue;
      const agg = formatQuantity(aggregate);
      out.push({
        span: nodeSpan(e.node, e.keySpan),
        message: l10n.t('{0}.requests[{1}]: Invalid value: {2}: must be greater than or equal to aggregate container requests of {3}. The pod-level request is the budget its containers share, so it cannot be smaller than what they request together (app containers plus sidecars, or the init-container peak if higher).', base, e.name, q(formatQuantity(e.quantity)), agg),
        data: { resource: e.name, value: agg },
      });
    }
    for (const lim of r.limits) {
      if (!lim.quantity || !isSupportedPodLevelResource(lim.name, version)) continue;
      for (const c of pod.containers) {
        if (c.role !== 'app') continue;
        const cl = containerResources.get(c)?.limits.get(lim.name);
        if (!cl || compareQuantities(cl, lim.quantity) <= 0) continue;
        const entryNode = c.resources.limits.find((x) => x.name === lim.name);
        const podLimit = formatQuantity(lim.quantity);
        out.push({
          span: entryNode ? nodeSpan(entryNode.node, entryNode.keySpan) : nodeSpan(lim.node, lim.keySpan),
          message: l10n.t('{0}.containers[{1}][{2}].limits: Invalid value: {3}: must be less than or equal to pod limits of {4}. Container {5} may not be allowed more {2} than the whole pod.', base, String(c.index), lim.name, q(formatQuantity(cl)), podLimit, q(c.name)),
          data: { container: { list: c.listKey, index: c.index }, resource: lim.name, value: podLimit },
        });
      }
    }
    return out;
  },
};
