/**
 * Resource quantities must parse as Kubernetes quantities (k8s.io/apimachinery/pkg/api/resource
 * ParseQuantity). The API server refuses the whole object while decoding it, with one of three messages.
 * https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/quantity/
 */
import * as l10n from '@vscode/l10n';
import type { Rule, RuleFinding } from '../rule';
import { quantityEntries } from '../shared/resourceSites';
import { nodeSpan } from '../shared/spans';

function reason(error: string | undefined): string {
  switch (error) {
    case 'numeric': return l10n.t('unable to parse numeric part of quantity');
    case 'suffix': return l10n.t("unable to parse quantity's suffix. Suffixes are n, u, m, k, M, G, T, P, E (powers of 1000), Ki, Mi, Gi, Ti, Pi, Ei (powers of 1024) or e<exponent>; they are case-sensitive.");
    default: return l10n.t("quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'. Use a number with an optional suffix, e.g. 500m, 1.5, 256Mi, 2Gi.");
  }
}

export const invalidQuantity: Rule = {
  code: 'invalid-quantity',
  severity: 'error',
  summary: () => l10n.t('A resource value is not a Kubernetes quantity.'),
  docUrl: 'https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/quantity/',
  check({ analysis: { pod } }) {
    const out: RuleFinding[] = [];
    for (const { path, entry: e } of quantityEntries(pod)) {
      if (e.quantity || e.error === 'range') continue;
      const span = nodeSpan(e.node, e.keySpan);
      const shown = e.raw === '' ? l10n.t('(empty)') : e.raw;
      out.push({ span, message: l10n.t('{0}.{1}: Invalid value: "{2}": {3}', path, e.name, shown, reason(e.error)) });
    }
    return out;
  },
};
