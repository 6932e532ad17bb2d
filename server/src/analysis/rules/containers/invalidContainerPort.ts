/**
 * Container ports: containerPort is required and 1..65535, a hostPort (when set) too; a port name
 * must be an IANA_SVC_NAME and unique within the container; protocol is TCP, UDP or SCTP (an empty
 * one defaults to TCP). Ephemeral containers may not have ports at all (ephemeral-container-field).
 * Spec: pkg/apis/core/validation validateContainerPorts (called from validateContainerCommon).
 * https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#ports
 */
import * as l10n from '@vscode/l10n';
import { entry, isMap, isScalar, isSeq } from '../../../model/tree';
import type { Rule, RuleFinding } from '../rule';
import { containerPath, goValue, q } from '../shared/fieldPaths';
import { portNameErrors } from '../shared/names';
import { nodeSpan } from '../shared/spans';
import { isPresentNull } from '../shared/values';

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

export const invalidContainerPort: Rule = {
  code: 'invalid-container-port',
  severity: 'error',
  summary: () => l10n.t('A container port the API server rejects: missing, out of range, a bad name or protocol, or a duplicate name.'),
  docUrl: 'https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#ports',
  check({ analysis: { pod } }) {
    const out: RuleFinding[] = [];
    for (const c of pod.containers) {
      if (c.role === 'ephemeral') continue;
      const list = entry(c.node, 'ports')?.value;
      if (!isSeq(list)) continue;
      const names = new Set<string>();
      list.items.forEach((item, i) => {
        if (!isMap(item)) return;
        const path = `${containerPath(pod, c)}.ports[${i}]`;
        const where = { list: c.listKey, index: c.index, port: i };
        const nameEntry = entry(item, 'name');
        const name = isScalar(nameEntry?.value) && typeof nameEntry!.value.value === 'string' ? nameEntry!.value.value : undefined;
        if (nameEntry && name !== undefined && name !== '') {
          const errs = portNameErrors(name);
          for (const detail of errs) {
            out.push({ span: nodeSpan(nameEntry.value, nameEntry.keySpan), message: l10n.t('{0}.name: Invalid value: {1}: {2}. Port names are IANA service names: lower case letters, digits and \'-\', at most 15 characters, with at least one letter; probes and Services refer to the port by this name.', path, q(name), detail), data: { container: where } });
          }
          if (errs.length === 0 && names.has(name)) {
            out.push({ span: nodeSpan(nameEntry.value, nameEntry.keySpan), message: l10n.t('{0}.name: Duplicate value: {1}. Another port of this container already has this name, so a probe or Service that refers to it would be ambiguous; give each port its own name.', path, q(name)), data: { container: where } });
          }
          if (errs.length === 0) names.add(name);
        }
        const cp = entry(item, 'containerPort');
        if (!isPresentNull(cp)) {
          const v = isScalar(cp?.value) ? cp!.value.value : undefined;
          if (cp === undefined || v === 0) {
            out.push({ span: cp ? nodeSpan(cp.value, cp.keySpan) : (item.entries[0]?.keySpan ?? item.span), message: l10n.t('{0}.containerPort: Required value. Every entry in ports needs the number the container listens on (1-65535).', path), data: { container: where } });
          } else if (typeof v === 'number' && Number.isInteger(v) && (v < 1 || v > 65535)) {
            out.push({ span: nodeSpan(cp.value, cp.keySpan), message: l10n.t('{0}.containerPort: Invalid value: {1}: must be between 1 and 65535, inclusive. Use the TCP/UDP port number the container listens on.', path, String(v)), data: { container: where } });
          }
        }
        const hp = entry(item, 'hostPort');
        const hv = isScalar(hp?.value) ? hp!.value.value : undefined;
        if (hp && typeof hv === 'number' && Number.isInteger(hv) && hv !== 0 && (hv < 1 || hv > 65535)) {
          out.push({ span: nodeSpan(hp.value, hp.keySpan), message: l10n.t('{0}.hostPort: Invalid value: {1}: must be between 1 and 65535, inclusive. Remove hostPort unless the container must be reachable on a fixed port of the node.', path, String(hv)), data: { container: where, field: 'hostPort' } });
        }
        const pr = entry(item, 'protocol');
        const pv = isScalar(pr?.value) ? pr!.value.value : undefined;
        if (pr && pv !== null && pv !== undefined && pv !== '' && !PROTOCOLS.includes(String(pv))) {
          out.push({ span: nodeSpan(pr.value, pr.keySpan), message: l10n.t('{0}.protocol: Unsupported value: {1}: supported values: "SCTP", "TCP", "UDP". The protocol is case-sensitive; leave it out for TCP.', path, goValue(pr.value)), data: { container: where, value: PROTOCOLS.find((p) => p === String(pv).toUpperCase()) ?? 'TCP' } });
        }
      });
    }
    return out;
  },
};
