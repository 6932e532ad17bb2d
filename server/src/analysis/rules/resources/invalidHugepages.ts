/**
 * Hugepages must come with a cpu or memory request/limit in the same block, and their amount must
 * be a whole multiple of the page size.
 * Spec: pkg/apis/core/validation validateResourceRequirements, validateResourceQuantityHugePageValue.
 * https://kubernetes.io/docs/tasks/manage-hugepages/scheduling-hugepages/
 */
import * as l10n from '@vscode/l10n';
import { formatQuantity } from '../../../model/quantity';
import type { Rule, RuleFinding } from '../rule';
import { q } from '../shared/fieldPaths';
import { hugePageDivisible, isHugePages } from '../shared/resourceNames';
import { resourceSites, siteData } from '../shared/resourceSites';
import { nodeSpan } from '../shared/spans';

export const invalidHugepages: Rule = {
  code: 'invalid-hugepages',
  severity: 'error',
  docUrl: 'https://kubernetes.io/docs/tasks/manage-hugepages/scheduling-hugepages/',
  check({ analysis: { pod } }) {
    const out: RuleFinding[] = [];
    for (const s of resourceSites(pod)) {
      const all = [...s.limits, ...s.requests];
      const huge = all.filter((e) => isHugePages(e.name));
      if (huge.length === 0) continue;
      if (!all.some((e) => e.name === 'cpu' || e.name === 'memory')) {
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
          out.push({
            span: nodeSpan(e.node, e.keySpan),
            message: l10n.t('{0}.{1}[{2}]: Invalid value: {3}: {4} is not positive integer multiple of {2}. Hugepages are allocated in whole pages, so the amount must be a multiple of the page size.', s.path, which, e.name, q(shown), shown),
          });
        }
      }
    }
    return out;
  },
};
