/**
 * What an observed pod's status means where nothing is wrong enough for a warning: exit codes, the
 * back-off policy, the Ready condition, a deletion in progress.
 * https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/
 */
import * as l10n from '@vscode/l10n';
import type { Rule, RuleFinding } from '../rule';

export const observedPodExplanation: Rule = {
  code: 'observed-pod-explanation',
  severity: 'information',
  docUrl: 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/',
  summary: () => l10n.t('What an observed pod\'s status says: exit codes, back-off, conditions, deletion.'),
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const p of ctx.observed?.points ?? []) {
      if (p.severity !== 'information') continue;
      out.push({ span: p.span, message: p.message });
      if (p.spec && p.specMessage) out.push({ span: p.spec.span, message: p.specMessage });
    }
    return out;
  },
};
