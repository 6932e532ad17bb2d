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
import { handlerSites } from './handlers';
import { isPresentNull, keySpan, nodeSpan, q } from './util';

/** IsValidPortName's messages (k8s.io/apimachinery/pkg/util/validation). */
export function portNameErrors(port: string): string[] {
  const errs: string[] = [];
  if (Buffer.byteLength(port, 'utf8') > 15) errs.push('must be no more than 15 bytes');
  if (!/^[-a-z0-9]+$/.test(port)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(port)) errs.push('must contain at least one letter (a-z)');
  if (port.includes('--')) errs.push('must not contain consecutive hyphens');
  if (port.length > 0 && (port.startsWith('-') || port.endsWith('-'))) errs.push('must not begin or end with a hyphen');
  return errs;
}

export const invalidHandlerPort: Rule = {
  code: 'invalid-handler-port',
  severity: 'error',
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
        out.push({ span, message: l10n.t('{0}: Invalid value: 0: must be between 1 and 65535, inclusive. The port is missing; set the container port to check, by number or by the name of a containerPort.', path), data: { fix: 'set-port', container: where } });
        continue;
      }
      if (typeof v.value === 'number') {
        if (!Number.isInteger(v.value) || v.value < 1 || v.value > 65535) {
          out.push({ span, message: l10n.t('{0}: Invalid value: {1}: must be between 1 and 65535, inclusive. Use the port number the container listens on.', path, String(v.value)), data: { fix: 'set-port', container: where } });
        }
        continue;
      }
      const name = String(v.value);
      if (h.key === 'grpc') {
        out.push({ span, message: l10n.t('{0}: Invalid value: {1}: grpc.port must be a number (1-65535); gRPC probes do not accept named ports.', path, q(name)), data: { fix: 'set-port', container: where } });
        continue;
      }
      for (const detail of portNameErrors(name)) {
        out.push({ span, message: l10n.t('{0}: Invalid value: {1}: {2}. A string port must be the name of a containerPort (IANA_SVC_NAME: lower case letters, digits and \'-\', at most 15 characters, at least one letter); write a number without quotes for a port number.', path, q(name), detail), data: { fix: 'set-port', container: where } });
      }
    }
    return out;
  },
};
