/**
 * Hugepages and extended resources (example.com/gpu) cannot be overcommitted: a request needs a
 * limit, and the two must be equal. (A limit alone is fine: the request defaults to it.)
 * On a Pod at 1.37 a missing pod-level limit may have been defaulted before validation
 * (pkg/api/pod util.go defaultPodLevelLimits: a pod-level request whose resource every container limits
 * gets the limit max(request, aggregated container limits)), so the check runs against that limit.
 * Spec: pkg/apis/core/validation validateResourceRequirements, helper.IsOvercommitAllowed.
 * https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/#extended-resources
 */
import * as l10n from '@vscode/l10n';
import { compareQuantities, formatQuantity, roundUpQuantity } from '../../../model/quantity';
import type { Quantity } from '../../../model/quantity';
import type { PodAnalysis } from '../../podAnalysis';
import type { Rule, RuleFinding } from '../rule';
import { requestToLimitFixes } from '../../fixes/requestToLimit';
import { q } from '../shared/fieldPaths';
import { isOvercommitAllowed } from '../shared/resourceNames';
import { resourceSites, siteData } from '../shared/resourceSites';
import type { ResourceSite } from '../shared/resourceSites';
import { nodeSpan } from '../shared/spans';

export const nonOvercommittableResource: Rule = {
  code: 'non-overcommittable-resource',
  severity: 'error',
  summary: () => l10n.t('A hugepages or extended-resource request has no limit or differs from it.'),
  docUrl: 'https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/#extended-resources',
  check({ analysis }) {
    const { pod } = analysis;
    const out: RuleFinding[] = [];
    for (const s of resourceSites(pod)) {
      for (const r of s.requests) {
        if (isOvercommitAllowed(r.name)) continue;
        const l = s.limits.find((x) => x.name === r.name);
        const defaulted = l ? undefined : defaultedPodLevelLimit(analysis, s, r.name);
        if (defaulted) {
          // The API server wrote this limit itself before validating: max(request, the containers' limits).
          if (!r.quantity || compareQuantities(roundUpQuantity(r.quantity, -3), defaulted) === 0) continue;
          const limit = formatQuantity(defaulted);
          out.push({
            span: nodeSpan(r.node, r.keySpan),
            message: l10n.t('{0}.requests: Invalid value: {1}: must be equal to {2} limit of {3}. The pod-level limit is not written, so the API server sets it to the containers\' aggregated limits ({3}), which are larger than this request; {2} cannot be overcommitted, so the request must be that amount.', s.path, q(formatQuantity(r.quantity)), r.name, limit),
            data: { where: siteData(s), resource: r.name, value: limit },
          });
          continue;
        }
        if (!l) {
          out.push({
            span: r.keySpan,
            message: l10n.t('{0}.limits: Required value: Limit must be set for non overcommitable resources. {1} cannot be shared beyond what the node has, so its request must come with an equal limit; add limits.{1} (or keep only the limit: the request defaults to it).', s.path, r.name),
            data: { where: siteData(s), resource: r.name, value: r.quantity ? formatQuantity(r.quantity) : r.raw },
          });
          continue;
        }
        if (!r.quantity || !l.quantity || compareQuantities(r.quantity, l.quantity) === 0) continue;
        const limit = formatQuantity(l.quantity);
        out.push({
          span: nodeSpan(r.node, r.keySpan),
          message: l10n.t('{0}.requests: Invalid value: {1}: must be equal to {2} limit of {3}. {2} cannot be overcommitted, so the request and the limit must be the same amount.', s.path, q(formatQuantity(r.quantity)), r.name, limit),
          data: { where: siteData(s), resource: r.name, value: limit },
        });
      }
    }
    return out;
  },
  fixes: requestToLimitFixes,
};

/** The pod-level limit the API server defaulted for `name` on a Pod (not written), or undefined. */
function defaultedPodLevelLimit(analysis: PodAnalysis, s: ResourceSite, name: string): Quantity | undefined {
  if (s.owner !== 'pod' || analysis.pod.kind !== 'Pod' || !analysis.podLevel?.defaultedLimits.includes(name)) return undefined;
  return analysis.podLevel.limits.get(name);
}
