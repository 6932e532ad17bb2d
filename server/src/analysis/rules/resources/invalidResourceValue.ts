/**
 * Resource quantities must not be negative, and extended resources (example.com/gpu) must be whole
 * numbers. Unparseable quantities are invalid-quantity's job.
 * Spec: pkg/apis/core/validation ValidateResourceQuantityValue.
 * https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/#extended-resources
 */
import * as l10n from '@vscode/l10n';
import { formatQuantity, quantityMilliValue, sign } from '../../../model/quantity';
import type { Rule, RuleFinding } from '../rule';
import { q } from '../shared/fieldPaths';
import { isIntegerResource } from '../shared/resourceNames';
import { resourceSites, siteData } from '../shared/resourceSites';
import { nodeSpan } from '../shared/spans';

export const invalidResourceValue: Rule = {
  code: 'invalid-resource-value',
  severity: 'error',
  docUrl: 'https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/#extended-resources',
  check({ analysis: { pod } }) {
    const out: RuleFinding[] = [];
    for (const s of resourceSites(pod)) {
      for (const which of ['limits', 'requests'] as const) {
        for (const e of s[which]) {
          if (!e.quantity) continue;
          const path = `${s.path}.${which}[${e.name}]`;
          const span = nodeSpan(e.node, e.keySpan);
          const shown = q(formatQuantity(e.quantity));
          if (sign(e.quantity) < 0) {
            out.push({ span, message: l10n.t('{0}: Invalid value: {1}: must be greater than or equal to 0. A negative amount of a resource cannot be requested or limited.', path, shown), data: { where: siteData(s), list: which, resource: e.name } });
          }
          // MilliValue() % 1000: fractions below a milli-unit round up first, so compare in milli.
          if (isIntegerResource(e.name) && quantityMilliValue(e.quantity) % 1000n !== 0n) {
            out.push({ span, message: l10n.t('{0}: Invalid value: {1}: must be an integer. Extended resources such as devices are counted in whole units.', path, shown), data: { where: siteData(s), list: which, resource: e.name } });
          }
        }
      }
    }
    return out;
  },
};

