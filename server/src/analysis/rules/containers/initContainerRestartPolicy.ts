/**
 * The only container-level restartPolicy an init container accepts is `Always` (which makes it a
 * sidecar). Spec: pkg/apis/core/validation validateInitContainerRestartPolicy.
 * https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/
 */
import * as l10n from '@vscode/l10n';
import { entry } from '../../../model/tree';
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
  docUrl: 'https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/',
  check({ analysis: { pod } }) {
    const out: RuleFinding[] = [];
    for (const c of pod.containers) {
      if (c.listKey !== 'initContainers') continue;
      const e = entry(c.node, 'restartPolicy');
      if (!e || e.value === undefined || (e.value.type === 'scalar' && e.value.value === null)) continue;
      if (c.restartPolicy === 'Always') continue;
      out.push({
        span: valueSpan(e, c.span),
        message: l10n.t('{0}.restartPolicy: Unsupported value: {1}: supported values: "Always". On an init container, restartPolicy can only be Always, which turns it into a sidecar that keeps running next to the app. Remove the field for a regular init container that runs once.', containerPath(pod, c), goValue(e.value)),
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
