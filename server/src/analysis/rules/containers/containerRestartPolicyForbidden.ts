/**
 * Before Kubernetes 1.34 a regular container may not set a container-level restartPolicy: it follows
 * the pod's restartPolicy (K: pkg/apis/core/validation validateContainers, the branch without
 * AllowContainerRestartPolicyRules). At 1.34 (ContainerRestartRules alpha, off) the API server drops the
 * field before validation (dropContainerRestartRules; reported by field-dropped-by-version), and from
 * 1.35 it is accepted (validated by invalid-container-restart-policy).
 * https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#restart-policy
 */
import * as l10n from '@vscode/l10n';
import { entry } from '../../../model/tree';
import { atLeast, FEATURE_ALPHA } from '../../../model/version';
import type { Rule, RuleFinding } from '../rule';
import { containerPath } from '../shared/fieldPaths';
import { keySpan } from '../shared/spans';

export const containerRestartPolicyForbidden: Rule = {
  code: 'container-restart-policy-forbidden',
  severity: 'error',
  summary: () => l10n.t('An app container sets its own restartPolicy at a release that does not allow it.'),
  docUrl: 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#restart-policy',
  check({ analysis: { pod }, version }) {
    if (atLeast(version, FEATURE_ALPHA.ContainerRestartRules!)) return [];
    const out: RuleFinding[] = [];
    for (const c of pod.containers) {
      if (c.role !== 'app') continue;
      const e = entry(c.node, 'restartPolicy');
      if (!e || e.value === undefined || (e.value.type === 'scalar' && e.value.value === null)) continue;
      out.push({
        span: keySpan(e, c.span),
        message: l10n.t('{0}.restartPolicy: Forbidden: may not be set for non-init containers. Before Kubernetes 1.35 app containers restart according to the pod-level spec.restartPolicy; only init containers take a container-level restartPolicy (Always, for sidecars). Remove it, set the pod restartPolicy instead, or target 1.35 or later (ContainerRestartRules).', containerPath(pod, c)),
        data: { container: { list: c.listKey, index: c.index }, field: 'restartPolicy' },
      });
    }
    return out;
  },
};
