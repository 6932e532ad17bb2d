/**
 * An observed pod (a Pod with `status`, e.g. `kubectl get pod -o yaml`) that is failing or stuck: each
 * warning of the explanation (analysis/observed) at the status field, and once more, as information, at
 * the spec field that causes it. https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/
 */
import * as l10n from '@vscode/l10n';
import type { Rule, RuleFinding } from '../rule';

export const observedPodProblem: Rule = {
  code: 'observed-pod-problem',
  severity: 'warning',
  docUrl: 'https://kubernetes.io/docs/tasks/debug/debug-application/debug-pods/',
  summary: () => l10n.t('An observed pod (with status) is failing or stuck: why, and the spec field behind it.'),
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const p of ctx.observed?.points ?? []) {
      if (p.severity !== 'warning') continue;
      out.push({ span: p.span, message: p.message });
      if (p.spec && p.specMessage) out.push({ span: p.spec.span, message: p.specMessage, severity: 'information' });
    }
    return out;
  },
};
