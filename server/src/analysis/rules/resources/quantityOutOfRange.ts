/**
 * Quantities with exponents beyond 10^±10000 (`1e99999`) are valid for Kubernetes, but Pod Lens does
 * not compute with them exactly (aligning them would take gigantic integers), so they are left out of
 * the effective resources. Nobody needs such a value; the warning says so instead of guessing.
 */
import * as l10n from '@vscode/l10n';
import { MAX_EXPONENT } from '../../../model/quantity';
import type { Rule, RuleFinding } from '../rule';
import { quantityEntries } from '../shared/resourceSites';
import { nodeSpan } from '../shared/spans';

export const quantityOutOfRange: Rule = {
  code: 'quantity-out-of-range',
  severity: 'warning',
  summary: () => l10n.t('A resource quantity has an exponent no one means, such as 1e99999.'),
  docUrl: 'https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/quantity/',
  check({ analysis: { pod } }) {
    const out: RuleFinding[] = [];
    for (const { path, entry: e } of quantityEntries(pod)) {
      if (e.error !== 'range') continue;
      const span = nodeSpan(e.node, e.keySpan);
      out.push({ span, message: l10n.t('{0}.{1}: "{2}" has an exponent beyond {3}; Kubernetes accepts it, but Pod Lens leaves it out of the effective resources. Write the amount you mean.', path, e.name, e.raw, `10^±${MAX_EXPONENT}`) });
    }
    return out;
  },
};
