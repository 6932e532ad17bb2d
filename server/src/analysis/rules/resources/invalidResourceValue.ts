/**
 * Resource quantities must not be negative, and extended resources (example.com/gpu) must be whole
 * numbers. Unparseable quantities are invalid-quantity's job.
 * Spec: pkg/apis/core/validation ValidateResourceQuantityValue.
 * https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/#extended-resources
 */
import * as l10n from '@vscode/l10n';
import { compareQuantities, formatQuantity, quantityMilliValue, roundUpQuantity, sign } from '../../../model/quantity';
import { entry } from '../../../model/tree';
import type { PodAnalysis } from '../../podAnalysis';
import type { Rule, RuleFinding } from '../rule';
import { q, specPathOf } from '../shared/fieldPaths';
import { alsoAtRequest, copiedRequestPath } from '../shared/copiedRequests';
import { isIntegerResource } from '../shared/resourceNames';
import { resourceSites, siteData } from '../shared/resourceSites';
import { nodeSpan } from '../shared/spans';

export const invalidResourceValue: Rule = {
  code: 'invalid-resource-value',
  severity: 'error',
  summary: () => l10n.t('A resource quantity is negative, or an extended resource is fractional.'),
  docUrl: 'https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/#extended-resources',
  check({ analysis }) {
    const { pod } = analysis;
    const out: RuleFinding[] = [];
    for (const s of resourceSites(pod)) {
      for (const which of ['limits', 'requests'] as const) {
        for (const e of s[which]) {
          if (!e.quantity) continue;
          const path = `${s.path}.${which}[${e.name}]`;
          const span = nodeSpan(e.node, e.keySpan);
          const shown = q(formatQuantity(e.quantity));
          // On a Pod, a limit without a request is copied to the request and validated again (shared/copiedRequests.ts).
          const copied = which === 'limits' ? copiedRequestPath(analysis, s, e) : undefined;
          if (sign(e.quantity) < 0) {
            out.push({ span, message: alsoAtRequest(l10n.t('{0}: Invalid value: {1}: must be greater than or equal to 0. A negative amount of a resource cannot be requested or limited.', path, shown), copied, shown, 'must be greater than or equal to 0'), data: { where: siteData(s), list: which, resource: e.name } });
          }
          // MilliValue() % 1000: fractions below a milli-unit round up first, so compare in milli.
          if (isIntegerResource(e.name) && quantityMilliValue(e.quantity) % 1000n !== 0n) {
            out.push({ span, message: alsoAtRequest(l10n.t('{0}: Invalid value: {1}: must be an integer. Extended resources such as devices are counted in whole units.', path, shown), copied, shown, 'must be an integer'), data: { where: siteData(s), list: which, resource: e.name } });
          }
        }
      }
    }
    out.push(...defaultedPodLevel(analysis));
    return out;
  },
};

/**
 * A Pod's pod-level values that the API server defaults from the containers (podutil.DefaultPodLevelResources
 * in PrepareForCreate at 1.37, core/v1 SetDefaults_Pod at 1.34) are validated like written ones: a negative
 * container request makes a negative pod-level request. Reported once, on the pod-level `resources` key;
 * a pod-level request copied from a written pod-level limit is stated on that limit's diagnostic instead.
 */
function defaultedPodLevel(analysis: PodAnalysis): RuleFinding[] {
  const { pod, podLevel } = analysis;
  if (pod.kind !== 'Pod' || !podLevel || !pod.podResources) return [];
  const out: RuleFinding[] = [];
  const base = `${specPathOf(pod)}.resources`;
  const anchor = entry(pod.spec, 'resources')?.keySpan ?? pod.anchorSpan;
  const written = pod.podResources.limits;
  const lists = [
    ['requests', podLevel.defaultedFromLimits, podLevel.requests],
    ['limits', podLevel.defaultedLimits, podLevel.limits],
  ] as const;
  for (const [which, names, values] of lists) {
    for (const name of names) {
      const value = values.get(name);
      if (!value || sign(value) >= 0) continue;
      const lim = written.find((e) => e.name === name)?.quantity;
      // Copied from the written pod-level limit: invalid-resource-value's diagnostic there says so.
      if (which === 'requests' && lim && compareQuantities(roundUpQuantity(lim, -3), value) === 0) continue;
      out.push({
        span: anchor,
        message: l10n.t('{0}.{1}[{2}]: Invalid value: {3}: must be greater than or equal to 0. No pod-level value is written, so the API server sets it from the containers\' {1}, which add up to a negative amount.', base, which, name, q(formatQuantity(value))),
      });
    }
  }
  return out;
}
