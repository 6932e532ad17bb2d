/**
 * Resource quantities must parse as Kubernetes quantities (k8s.io/apimachinery/pkg/api/resource).
 * https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/quantity/
 */
import * as l10n from '@vscode/l10n';
import type { ResourceEntry } from '../../model/pod';
import type { Rule, RuleFinding } from './rule';

function check(entries: readonly ResourceEntry[], where: string, out: RuleFinding[]): void {
  for (const e of entries) {
    if (e.quantity) continue;
    const span = e.node?.span ?? e.keySpan;
    const shown = e.raw === '' ? l10n.t('(empty)') : e.raw;
    out.push({
      span: span.end > span.start ? span : e.keySpan,
      message: l10n.t("{0}.{1}: Invalid value: \"{2}\": quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'. Use a number with an optional suffix, e.g. 500m, 1.5, 256Mi, 2Gi.", where, e.name, shown),
    });
  }
}

export const invalidQuantity: Rule = {
  code: 'invalid-quantity',
  severity: 'error',
  docUrl: 'https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/quantity/',
  check({ analysis: { pod } }) {
    const out: RuleFinding[] = [];
    for (const c of pod.containers) {
      check(c.resources.requests, 'resources.requests', out);
      check(c.resources.limits, 'resources.limits', out);
    }
    check(pod.overhead, 'overhead', out);
    if (pod.podResources) {
      check(pod.podResources.requests, 'resources.requests', out);
      check(pod.podResources.limits, 'resources.limits', out);
    }
    return out;
  },
};
