/**
 * Probe timing fields must not be negative (0 is allowed: the API server defaults 0 to 1s timeout,
 * 10s period, success 1, failure 3), and a probe-level terminationGracePeriodSeconds must be > 0.
 * Spec: pkg/apis/core/validation validateProbe; defaults in pkg/apis/core/v1 SetDefaults_Probe.
 * https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#configure-probes
 */
import * as l10n from '@vscode/l10n';
import { entry } from '../../../model/tree';
import type { Rule, RuleFinding } from '../rule';
import { handlerSites } from '../shared/handlerSites';
import { nodeSpan } from '../shared/spans';
import { intValue } from '../shared/values';

const FIELDS = ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'] as const;

export const invalidProbeField: Rule = {
  code: 'invalid-probe-field',
  severity: 'error',
  summary: () => l10n.t('A probe timing field is negative, or a probe\'s terminationGracePeriodSeconds is not positive.'),
  docUrl: 'https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#configure-probes',
  check({ analysis: { pod }, version }) {
    const out: RuleFinding[] = [];
    for (const s of handlerSites(pod, version)) {
      if (s.kind !== 'probe') continue;
      const where = { list: s.container.listKey, index: s.container.index, field: s.name };
      for (const key of FIELDS) {
        const e = entry(s.node, key);
        const v = intValue(e?.value);
        if (e === undefined || v === undefined || v >= 0) continue;
        out.push({
          span: nodeSpan(e.value, e.keySpan),
          message: l10n.t('{0}.{1}: Invalid value: {2}: must be greater than or equal to 0. Negative durations and thresholds make no sense; use 0 to get the default.', s.path, key, String(v)),
          data: { container: where, probeField: key },
        });
      }
      const g = entry(s.node, 'terminationGracePeriodSeconds');
      const gv = intValue(g?.value);
      if (g && gv !== undefined && gv <= 0 && s.name !== 'readinessProbe') {
        out.push({
          span: nodeSpan(g.value, g.keySpan),
          message: l10n.t('{0}.terminationGracePeriodSeconds: Invalid value: {1}: must be greater than 0. This is how long the container gets to stop after this probe fails; remove it to use the pod\'s terminationGracePeriodSeconds.', s.path, String(gv)),
          data: { container: where, probeField: 'terminationGracePeriodSeconds' },
        });
      }
    }
    return out;
  },
};
