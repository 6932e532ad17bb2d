/**
 * Hugepages must come with a cpu or memory request/limit in the same block, and their amount must
 * be a whole multiple of the page size.
 * Spec: pkg/apis/core/validation validateResourceRequirements, validateResourceQuantityHugePageValue.
 * https://kubernetes.io/docs/tasks/manage-hugepages/scheduling-hugepages/
 */
import * as l10n from '@vscode/l10n';
import { compareQuantities, formatQuantity } from '../../../model/quantity';
import { entry } from '../../../model/tree';
import type { PodAnalysis } from '../../podAnalysis';
import type { Rule, RuleFinding } from '../rule';
import { q, specPathOf } from '../shared/fieldPaths';
import { alsoAtRequest, copiedRequestPath } from '../shared/copiedRequests';
import { hugePageDivisible, isHugePages } from '../shared/resourceNames';
import { resourceSites, siteData } from '../shared/resourceSites';
import { nodeSpan } from '../shared/spans';

export const invalidHugepages: Rule = {
  code: 'invalid-hugepages',
  severity: 'error',
  summary: () => l10n.t('Hugepages without cpu or memory, or not a multiple of the page size.'),
  docUrl: 'https://kubernetes.io/docs/tasks/manage-hugepages/scheduling-hugepages/',
  check({ analysis }) {
    const { pod } = analysis;
    const out: RuleFinding[] = [];
    for (const s of resourceSites(pod)) {
      const all = [...s.limits, ...s.requests];
      const huge = all.filter((e) => isHugePages(e.name));
      if (huge.length === 0) continue;
      // A Pod's pod-level block is checked after defaulting (defaultedPodLevel below).
      const podLevelOfPod = s.owner === 'pod' && pod.kind === 'Pod' && analysis.podLevel !== undefined;
      if (!podLevelOfPod && !all.some((e) => e.name === 'cpu' || e.name === 'memory')) {
        out.push({
          span: huge[0]!.keySpan,
          message: l10n.t('{0}: Forbidden: HugePages require cpu or memory. Hugepages are accounted next to regular memory, so a block that asks for hugepages must also request or limit cpu or memory.', s.path),
          data: { where: siteData(s) },
        });
      }
      for (const which of ['limits', 'requests'] as const) {
        for (const e of s[which]) {
          if (!isHugePages(e.name) || !e.quantity || hugePageDivisible(e.name, e.quantity)) continue;
          const shown = formatQuantity(e.quantity);
          // On a Pod, a limit without a request is copied to the request and validated again (shared/copiedRequests.ts).
          const copied = which === 'limits' ? copiedRequestPath(analysis, s, e) : undefined;
          out.push({
            span: nodeSpan(e.node, e.keySpan),
            message: alsoAtRequest(
              l10n.t('{0}.{1}[{2}]: Invalid value: {3}: {4} is not positive integer multiple of {2}. Hugepages are allocated in whole pages, so the amount must be a multiple of the page size.', s.path, which, e.name, q(shown), shown),
              copied, q(shown), `${shown} is not positive integer multiple of ${e.name}`),
          });
        }
      }
    }
    out.push(...defaultedPodLevel(analysis));
    return out;
  },
};

/**
 * A Pod with pod-level resources gets a pod-level hugepage limit the containers' hugepage limits add up
 * to, when none is written (pkg/api/pod util.go defaultHugePagePodLevelLimits, run by
 * podutil.DefaultPodLevelResources in PrepareForCreate at 1.37; core/v1 SetDefaults_Pod at 1.34), and the
 * pod-level request copied from it; both are validated (validatePodResourceRequirements). Reported once,
 * on the pod-level `resources` key.
 */
function defaultedPodLevel(analysis: PodAnalysis): RuleFinding[] {
  const { pod, podLevel } = analysis;
  if (pod.kind !== 'Pod' || !podLevel || !pod.podResources?.node) return [];
  const out: RuleFinding[] = [];
  const base = `${specPathOf(pod)}.resources`;
  const anchor = entry(pod.spec, 'resources')?.keySpan ?? pod.anchorSpan;
  // validateResourceRequirements on the defaulted pod-level lists: hugepages (written or defaulted from the
  // containers' limits) need cpu or memory there (written, or defaulted from the containers' requests).
  const names = [...podLevel.limits.keys(), ...podLevel.requests.keys()];
  if (names.some(isHugePages) && !names.some((n) => n === 'cpu' || n === 'memory')) {
    const written = [...pod.podResources.limits, ...pod.podResources.requests].find((e) => isHugePages(e.name));
    out.push({
      span: written?.keySpan ?? anchor,
      message: written
        ? l10n.t('{0}: Forbidden: HugePages require cpu or memory. Hugepages are accounted next to regular memory, so a block that asks for hugepages must also request or limit cpu or memory.', base)
        : l10n.t('{0}: Forbidden: HugePages require cpu or memory. The API server sets pod-level hugepage limits from the containers\' hugepage limits, and a pod-level block with hugepages must also request or limit cpu or memory.', base),
    });
  }
  for (const name of podLevel.defaultedLimits) {
    const value = podLevel.limits.get(name);
    if (!isHugePages(name) || !value || hugePageDivisible(name, value)) continue;
    const shown = formatQuantity(value);
    const detail = `${shown} is not positive integer multiple of ${name}`;
    const req = podLevel.requests.get(name);
    const copied = podLevel.defaultedFromLimits.includes(name) && req && compareQuantities(req, value) === 0 ? `${base}.requests[${name}]` : undefined;
    out.push({
      span: anchor,
      message: alsoAtRequest(
        l10n.t('{0}.limits[{1}]: Invalid value: {2}: {3}. The API server sets this pod-level limit from the containers\' {1} limits, and hugepages are allocated in whole pages.', base, name, q(shown), detail),
        copied, q(shown), detail),
    });
  }
  return out;
}
