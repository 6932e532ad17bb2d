/**
 * A probe or lifecycle hook needs exactly one action (exec, httpGet, tcpSocket, grpc for probes;
 * exec, httpGet, tcpSocket, sleep for hooks), and exec needs a command.
 * Spec: pkg/apis/core/validation validateHandler, validateExecAction.
 * https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/
 */
import * as l10n from '@vscode/l10n';
import { entry, isSeq } from '../../../model/tree';
import type { Rule, RuleFinding } from '../rule';
import { handlerSites } from '../shared/handlerSites';
import { keySpan } from '../shared/spans';
import { isPresentNull } from '../shared/values';

export const invalidHandler: Rule = {
  code: 'invalid-handler',
  severity: 'error',
  summary: () => l10n.t('A probe or lifecycle hook has no action, several actions, or an exec action without a command.'),
  docUrl: 'https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/',
  check({ analysis: { pod }, version }) {
    const out: RuleFinding[] = [];
    for (const s of handlerSites(pod, version)) {
      const where = { list: s.container.listKey, index: s.container.index, field: s.name };
      if (s.handlers.length === 0) {
        if (s.unknown) continue;
        out.push({
          span: s.keySpan,
          message: s.kind === 'probe'
            ? l10n.t('{0}: Required value: must specify a handler type. A probe needs exactly one of exec, httpGet, tcpSocket or grpc to know how to check the container.', s.path)
            : l10n.t('{0}: Required value: must specify a handler type. A lifecycle hook needs exactly one of exec, httpGet, tcpSocket or sleep.', s.path),
          data: { container: where },
        });
        continue;
      }
      for (const extra of s.handlers.slice(1)) {
        out.push({
          span: extra.entry.keySpan,
          message: l10n.t('{0}.{1}: Forbidden: may not specify more than 1 handler type. {2} already defines how this runs; keep only one action.', s.path, extra.key, s.handlers[0]!.key),
          data: { container: where, handler: extra.key },
        });
      }
      const first = s.handlers[0]!;
      if (first.key === 'exec') {
        const cmd = entry(first.entry.value, 'command');
        if (!isPresentNull(cmd) && (!isSeq(cmd?.value) || cmd!.value.items.length === 0)) {
          out.push({
            span: keySpan(cmd, first.entry.keySpan),
            message: l10n.t('{0}.exec.command: Required value. An exec action runs a command inside the container; give it one, e.g. ["cat", "/tmp/healthy"].', s.path),
          });
        }
      }
    }
    return out;
  },
};
