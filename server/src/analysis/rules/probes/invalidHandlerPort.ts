/**
 * httpGet/tcpSocket ports are a number in 1..65535 or an IANA_SVC_NAME (a named containerPort);
 * grpc ports are numbers only. Whether a named port matches a containerPort is NOT checked by the
 * API server (it fails at run time), so it is not reported here.
 * Spec: pkg/apis/core/validation ValidatePortNumOrName, IsValidPortNum, IsValidPortName.
 * https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#http-probes
 */
import * as l10n from '@vscode/l10n';
import { entry, isScalar } from '../../../model/tree';
import type { Rule, RuleFinding } from '../rule';
import { q } from '../shared/fieldPaths';
import { handlerSites } from '../shared/handlerSites';
import { portNameErrors } from '../shared/names';
import { keySpan, nodeSpan } from '../shared/spans';
import { isPresentNull } from '../shared/values';

export const invalidHandlerPort: Rule = {
  code: 'invalid-handler-port',
  severity: 'error',
  summary: () => l10n.t('A probe or hook port is out of range or not a valid port name.'),
  docUrl: 'https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#http-probes',
  check({ analysis: { pod }, version }) {
    const out: RuleFinding[] = [];
    for (const s of handlerSites(pod, version)) {
      const h = s.handlers[0];
      if (!h || (h.key !== 'httpGet' && h.key !== 'tcpSocket' && h.key !== 'grpc')) continue;
      const path = `${s.path}.${h.key}.port`;
      const e = entry(h.entry.value, 'port');
      const v = e?.value;
      const span = e ? nodeSpan(v, e.keySpan) : keySpan(undefined, h.entry.keySpan);
      const where = { list: s.container.listKey, index: s.container.index, field: s.name, handler: h.key };
      if (isPresentNull(e)) continue;
      if (!isScalar(v) || v.value === null) {
        out.push({ span, message: l10n.t('{0}: Invalid value: 0: must be between 1 and 65535, inclusive. The port is missing; set the container port to check, by number or by the name of a containerPort.', path), data: { container: where } });
        continue;
      }
      if (typeof v.value === 'number') {
        if (!Number.isInteger(v.value) || v.value < 1 || v.value > 65535) {
          out.push({ span, message: l10n.t('{0}: Invalid value: {1}: must be between 1 and 65535, inclusive. Use the port number the container listens on.', path, String(v.value)), data: { container: where } });
        }
        continue;
      }
      const name = String(v.value);
      if (h.key === 'grpc') {
        out.push({ span, message: l10n.t('{0}: Invalid value: {1}: grpc.port must be a number (1-65535); gRPC probes do not accept named ports.', path, q(name)), data: { container: where } });
        continue;
      }
      for (const detail of portNameErrors(name)) {
        out.push({ span, message: l10n.t('{0}: Invalid value: {1}: {2}. A string port must be the name of a containerPort (IANA_SVC_NAME: lower case letters, digits and \'-\', at most 15 characters, at least one letter); write a number without quotes for a port number.', path, q(name), detail), data: { container: where } });
      }
    }
    return out;
  },
};
