/**
 * A probe-level terminationGracePeriodSeconds only applies when a failing probe kills the container,
 * which readiness probes never do; the API server rejects it there.
 * Spec: pkg/apis/core/validation validateReadinessProbe.
 * https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#probe-level-terminationgraceperiodseconds
 */
import * as l10n from '@vscode/l10n';
import type { Rule, RuleFinding } from '../rule';
import { goValue } from '../shared/fieldPaths';
import { handlerSites } from '../shared/handlerSites';
import { setEntry } from '../shared/values';

export const readinessProbeGracePeriod: Rule = {
  code: 'readiness-probe-grace-period',
  severity: 'error',
  summary: () => l10n.t('A readiness probe sets terminationGracePeriodSeconds.'),
  docUrl: 'https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#probe-level-terminationgraceperiodseconds',
  check({ analysis: { pod }, version }) {
    const out: RuleFinding[] = [];
    for (const s of handlerSites(pod, version)) {
      if (s.name !== 'readinessProbe') continue;
      const e = setEntry(s.node, 'terminationGracePeriodSeconds');
      if (!e) continue;
      out.push({
        span: e.keySpan,
        message: l10n.t('{0}.terminationGracePeriodSeconds: Invalid value: {1}: must not be set for readinessProbes. A failing readiness probe only takes the pod out of Service endpoints, it never stops the container, so there is no grace period to set. Remove it (it belongs on a liveness or startup probe).', s.path, goValue(e.value)),
        data: { container: { list: s.container.listKey, index: s.container.index, field: s.name }, probeField: 'terminationGracePeriodSeconds' },
      });
    }
    return out;
  },
};
