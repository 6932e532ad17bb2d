/**
 * A request may not exceed its limit (for overcommittable resources: cpu, memory,
 * ephemeral-storage, kubernetes.io/...). Limits-only containers are valid: requests default to limits.
 * Spec: pkg/apis/core/validation validateResourceRequirements.
 * https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/#requests-and-limits
 */
import * as l10n from '@vscode/l10n';
import { compareQuantities, formatQuantity, roundUpQuantity } from '../../../model/quantity';
import type { Rule, RuleFinding } from '../rule';
import { requestToLimitFixes } from '../../fixes/requestToLimit';
import { q } from '../shared/fieldPaths';
import { isOvercommitAllowed } from '../shared/resourceNames';
import { resourceSites, siteData } from '../shared/resourceSites';
import { nodeSpan } from '../shared/spans';

export const requestExceedsLimit: Rule = {
  code: 'request-exceeds-limit',
  severity: 'error',
  summary: () => l10n.t('A request is larger than its limit.'),
  docUrl: 'https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/#requests-and-limits',
  check({ analysis: { pod } }) {
    const out: RuleFinding[] = [];
    for (const s of resourceSites(pod)) {
      for (const r of s.requests) {
        const l = s.limits.find((x) => x.name === r.name);
        if (!r.quantity || !l?.quantity || !isOvercommitAllowed(r.name)) continue;
        // Both are rounded up to milli before validation (core/v1 SetDefaults_ResourceList): 1e-3 <= 10u.
        const req = roundUpQuantity(r.quantity, -3);
        const lim = roundUpQuantity(l.quantity, -3);
        if (compareQuantities(req, lim) <= 0) continue;
        const limit = formatQuantity(lim);
        out.push({
          span: nodeSpan(r.node, r.keySpan),
          message: l10n.t('{0}.requests: Invalid value: {1}: must be less than or equal to {2} limit of {3}. The request is what the scheduler reserves and the limit is the most the container may use, so the request cannot be higher. Lower the request or raise the limit.', s.path, q(formatQuantity(req)), r.name, limit),
          data: { where: siteData(s), resource: r.name, value: limit },
        });
      }
    }
    return out;
  },
  fixes: requestToLimitFixes,
};
