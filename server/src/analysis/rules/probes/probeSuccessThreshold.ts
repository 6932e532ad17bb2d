/**
 * Liveness and startup probes must have successThreshold 1 (one success is all they can act on).
 * 0 is defaulted to 1 before validation, so only other values are rejected.
 * Spec: pkg/apis/core/validation validateLivenessProbe, validateStartupProbe.
 * https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#configure-probes
 */
import * as l10n from '@vscode/l10n';
import { entry } from '../../../model/tree';
import type { Rule, RuleFinding } from '../rule';
import { containerOf, field, fix } from '../../fixes/context';
import type { FixInput, QuickFix } from '../../fixes/context';
import { setValue } from '../../fixes/text';
import { handlerSites } from '../shared/handlerSites';
import { nodeSpan } from '../shared/spans';
import { intValue } from '../shared/values';

export const probeSuccessThreshold: Rule = {
  code: 'probe-success-threshold',
  severity: 'error',
  summary: () => l10n.t('A liveness or startup probe has a successThreshold other than 1.'),
  docUrl: 'https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#configure-probes',
  check({ analysis: { pod }, version }) {
    const out: RuleFinding[] = [];
    for (const s of handlerSites(pod, version)) {
      if (s.name !== 'livenessProbe' && s.name !== 'startupProbe') continue;
      const e = entry(s.node, 'successThreshold');
      const v = intValue(e?.value);
      if (!e || v === undefined || v === 0 || v === 1) continue;
      out.push({
        span: nodeSpan(e.value, e.keySpan),
        message: s.name === 'livenessProbe'
          ? l10n.t('{0}.successThreshold: Invalid value: {1}: must be 1. A liveness probe only decides whether to restart the container, so one success is enough; only readiness probes can require several successes.', s.path, String(v))
          : l10n.t('{0}.successThreshold: Invalid value: {1}: must be 1. A startup probe stops at its first success, so it cannot require more; only readiness probes can require several successes.', s.path, String(v)),
        data: { container: { list: s.container.listKey, index: s.container.index, field: s.name } },
      });
    }
    return out;
  },
  fixes: successThresholdFixes,
};

function successThresholdFixes(input: FixInput): QuickFix[] {
  const c = containerOf(input);
  const probeKey = field(field(input.finding.data, 'container'), 'field');
  if (!c || typeof probeKey !== 'string') return [];
  const probe = entry(c.node, probeKey)?.value;
  const e = entry(probe, 'successThreshold');
  if (!e) return [];
  return fix(l10n.t('Set successThreshold to 1'), [setValue(input.text, e, '1')], true);
}
