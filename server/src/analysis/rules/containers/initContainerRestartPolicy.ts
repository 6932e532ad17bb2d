/**
 * An init container's restartPolicy (K: pkg/apis/core/validation validateInitContainerRestartPolicy):
 * before 1.34 only `Always` (a sidecar) is accepted; at 1.34 (ContainerRestartRules alpha, off) any
 * other value is dropped before validation (dropContainerRestartRules; field-dropped-by-version says so);
 * from 1.35 `Never` and `OnFailure` are accepted too (validateContainerRestartPolicy) and only other
 * values are rejected. Rules and the required-policy check: invalid-container-restart-policy.
 * https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/
 */
import * as l10n from '@vscode/l10n';
import { isDropped } from '../../../model/droppedFields';
import { entry, str } from '../../../model/tree';
import { featureEnabled } from '../../../model/version';
import type { Rule, RuleFinding } from '../rule';
import { containerOf, fix } from '../../fixes/context';
import type { FixInput, QuickFix } from '../../fixes/context';
import { removeEntry, setValue } from '../../fixes/text';
import { containerPath, goValue } from '../shared/fieldPaths';
import { valueSpan } from '../shared/spans';

export const initContainerRestartPolicy: Rule = {
  code: 'init-container-restart-policy',
  severity: 'error',
  summary: () => l10n.t('An init container has a restartPolicy the target release does not accept.'),
  docUrl: 'https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/',
  check({ analysis: { pod }, version }) {
    const out: RuleFinding[] = [];
    const containerPolicies = featureEnabled(version, 'ContainerRestartRules');
    for (const c of pod.containers) {
      if (c.listKey !== 'initContainers') continue;
      const e = entry(c.node, 'restartPolicy');
      if (!e || e.value === undefined || (e.value.type === 'scalar' && e.value.value === null)) continue;
      if (isDropped(pod.dropped, e)) continue;
      const value = str(e.value);
      if (value === 'Always' || (containerPolicies && (value === 'Never' || value === 'OnFailure'))) continue;
      out.push({
        span: valueSpan(e, c.span),
        message: containerPolicies
          ? l10n.t('{0}.restartPolicy: Unsupported value: {1}: supported values: "Always", "Never", "OnFailure". Always makes the init container a sidecar that keeps running next to the app; Never or OnFailure keep it a regular init container and decide whether a failure is retried.', containerPath(pod, c), goValue(e.value))
          : l10n.t('{0}.restartPolicy: Unsupported value: {1}: supported values: "Always". On an init container, restartPolicy can only be Always, which turns it into a sidecar that keeps running next to the app. Remove the field for a regular init container that runs once.', containerPath(pod, c), goValue(e.value)),
        data: { container: { list: c.listKey, index: c.index }, field: 'restartPolicy' },
      });
    }
    return out;
  },
  fixes: initRestartPolicyFixes,
};

function initRestartPolicyFixes(input: FixInput): QuickFix[] {
  const c = containerOf(input);
  if (!c || c.listKey !== 'initContainers') return [];
  const e = entry(c.node, 'restartPolicy');
  if (!e) return [];
  return [
    ...fix(l10n.t('Remove restartPolicy: "{0}" runs once as a regular init container', c.name), [removeEntry(input.text, c.node, e)], true),
    ...(featureEnabled(input.version, 'SidecarContainers') ? fix(l10n.t('Make "{0}" a sidecar (restartPolicy: Always)', c.name), [setValue(input.text, e, 'Always')]) : []),
  ];
}
