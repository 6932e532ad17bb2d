/**
 * App containers follow the pod's restartPolicy; a container-level restartPolicy on them needs the
 * ContainerRestartRules feature (alpha, off by default), so the API server rejects it.
 * Spec: pkg/apis/core/validation validateContainers.
 * https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#restart-policy
 */
import * as l10n from '@vscode/l10n';
import { entry } from '../../../model/tree';
import { featureEnabled } from '../../../model/version';
import type { Rule, RuleFinding } from '../rule';
import { containerPath } from '../shared/fieldPaths';
import { keySpan } from '../shared/spans';

export const containerRestartPolicyForbidden: Rule = {
  code: 'container-restart-policy-forbidden',
  severity: 'error',
  docUrl: 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#restart-policy',
  check({ analysis: { pod }, version }) {
    if (featureEnabled(version, 'ContainerRestartRules')) return [];
    const out: RuleFinding[] = [];
    for (const c of pod.containers) {
      if (c.role !== 'app') continue;
      const e = entry(c.node, 'restartPolicy');
      if (!e || e.value === undefined || (e.value.type === 'scalar' && e.value.value === null)) continue;
      out.push({
        span: keySpan(e, c.span),
        message: l10n.t('{0}.restartPolicy: Forbidden: may not be set for non-init containers. App containers restart according to the pod-level spec.restartPolicy; only init containers take a container-level restartPolicy (Always, for sidecars). Remove it, or set the pod restartPolicy instead.', containerPath(pod, c)),
        data: { container: { list: c.listKey, index: c.index }, field: 'restartPolicy' },
      });
    }
    return out;
  },
};
