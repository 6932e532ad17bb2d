/**
 * The only container-level restartPolicy an init container accepts is `Always` (which makes it a
 * sidecar). Spec: pkg/apis/core/validation validateInitContainerRestartPolicy.
 * https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/
 */
import * as l10n from '@vscode/l10n';
import { entry } from '../../../model/tree';
import type { Rule, RuleFinding } from '../rule';
import { containerPath, goValue, valueSpan } from './util';

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
        data: { fix: 'remove-field', container: { list: c.listKey, index: c.index }, field: 'restartPolicy', alternative: 'set-container-restart-policy-always' },
      });
    }
    return out;
  },
};
